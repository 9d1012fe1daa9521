import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(description: string, input: Record<string, unknown>): TemplateExample {
  const step = { id: 'publish', action: 'squad:github:publish', name: 'Create the repositories', input };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example('Create a service repository and its infra repository from two workspace folders', {
    owner: 'acme-music',
    repositories: [
      {
        name: 'payment-gateway',
        sourcePath: 'service',
        description: 'Payment gateway of the payments squad',
        homepage: 'https://backstage.acme-music.example/catalog/default/component/payment-gateway',
      },
      {
        name: 'payment-gateway-infra',
        sourcePath: 'infra',
        description: 'Terraform of payment-gateway',
      },
    ],
  }),
  example('Create one internal repository on a branch named trunk', {
    host: 'github.com',
    owner: 'acme-music',
    repositories: [{ name: 'playlist-radio', sourcePath: 'service', description: 'Radio from a playlist', visibility: 'internal' }],
    defaultBranch: 'trunk',
    commitMessage: 'Create playlist-radio from the squad microservice template',
  }),
];
