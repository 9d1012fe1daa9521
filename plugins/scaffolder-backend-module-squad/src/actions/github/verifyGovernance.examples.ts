import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  const step = {
    id: 'verify-governance',
    action: 'squad:github:verify-governance',
    name: 'Check what publish:github applied',
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example('Check a service and its infra repository after publish:github', {
    owner: 'acme-music',
    repositories: ['payment-gateway', 'payment-gateway-infra'],
    requiredApprovals: 2,
    requiredStatusChecks: ['ci'],
    teams: { maintain: 'payments', read: ['monetization'] },
    topics: ['squad-insights-managed', 'squad-payments', 'pci-dss'],
  }),
  example('Check one repository with one approval and no status check', {
    owner: 'acme-music',
    repositories: ['playlist-radio'],
    requiredApprovals: 1,
    requireCodeOwnerReviews: false,
    teams: { maintain: 'playlist' },
  }),
];
