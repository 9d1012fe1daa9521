import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  const step = {
    id: 'iac',
    action: 'squad:github:iac-pull-request',
    name: "Add the service to the squad's IaC",
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example("Add a payments service to the squad's services map", {
    owner: 'acme-music',
    repo: 'payments-iac',
    path: 'services.tf',
    serviceName: 'refunds',
    entry: {
      data_classification: 'financial',
      min_capacity: 3,
      max_capacity: 20,
      compliance: ['GDPR', 'PCI_DSS'],
    },
  }),
  example('Use a branch and title of your own', {
    host: 'github.com',
    owner: 'acme-music',
    repo: 'payments-iac',
    path: 'services.tf',
    serviceName: 'chargebacks',
    entry: {
      data_classification: 'financial',
      min_capacity: 1,
      max_capacity: 5,
      compliance: ['PCI_DSS'],
    },
    branch: 'add-chargebacks',
    title: 'Add chargebacks (squad template)',
  }),
];
