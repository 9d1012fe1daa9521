import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  const step = {
    id: 'preflight',
    action: 'squad:github:preflight',
    name: 'Check GitHub before creating anything',
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example(
    'Check that a service and its infra repository can be created in an organization',
    {
      owner: 'acme-music',
      repositories: ['payment-gateway', 'payment-gateway-infra'],
      teams: ['payments', 'monetization'],
    },
  ),
  example(
    "Check with the user's own token (from RepoUrlPicker) on an explicit host",
    {
      host: 'github.com',
      owner: 'acme-music',
      repositories: ['playlist-radio'],
      teams: ['playlist'],
      token: '${{ secrets.USER_OAUTH_TOKEN }}',
    },
  ),
];
