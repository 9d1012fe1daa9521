import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(description: string, input: Record<string, unknown>): TemplateExample {
  const step = {
    id: 'compliance',
    action: 'squad:compliance:derive',
    name: 'Derive compliance settings',
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

export const examples: TemplateExample[] = [
  example('A payments service: financial data under PCI DSS keeps records 7 years', {
    dataClassification: 'financial',
    complianceRequirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
  }),
  example('A playlist service: user content under GDPR keeps records 3 years', {
    dataClassification: 'user_content',
    complianceRequirements: ['GDPR', 'Copyright_Law'],
  }),
];
