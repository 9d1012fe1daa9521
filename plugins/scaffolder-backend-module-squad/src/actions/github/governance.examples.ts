import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(description: string, input: Record<string, unknown>): TemplateExample {
  const step = { id: 'governance', action: 'squad:github:governance', name: 'Apply repository rules', input };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example('A PCI DSS service: two approvals, code owners, CI must pass; the pair links to each other', {
    owner: 'acme-music',
    repositories: ['payment-gateway', 'payment-gateway-infra'],
    requiredApprovals: 2,
    requireCodeOwnerReviews: true,
    requiredStatusChecks: ['ci / test'],
    teams: { maintain: 'payments', read: ['monetization'] },
    topics: ['payments', 'monetization', 'financial', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
    codeowners: '* @acme-music/payments\n',
    links: {
      'payment-gateway': { description: 'Payment gateway (infra: acme-music/payment-gateway-infra)' },
      'payment-gateway-infra': {
        description: 'Terraform of payment-gateway',
        homepage: 'https://github.com/acme-music/payment-gateway',
      },
    },
  }),
  example('A user-content service: one approval, branch protection optional on a plan without it', {
    owner: 'acme-music',
    repositories: ['playlist-radio'],
    requiredApprovals: 1,
    requireCodeOwnerReviews: true,
    teams: { maintain: 'playlist' },
    topics: ['playlist', 'user_content', 'GDPR'],
    requireBranchProtection: false,
  }),
];
