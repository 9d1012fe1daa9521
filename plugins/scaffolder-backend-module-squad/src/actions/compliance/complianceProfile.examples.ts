import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  const step = {
    id: 'compliance',
    action: 'squad:compliance:profile',
    name: 'Derive the compliance profile',
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

/** Examples of `squad:compliance:profile`, run by its test. */
export const examples: TemplateExample[] = [
  example(
    'A payments service: financial data under PCI DSS keeps records 7 years, needs two approvals and stays in Sweden',
    {
      dataClassification: 'financial',
      complianceRequirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
      region: 'eu-north-1',
      backupRegion: 'eu-west-1',
    },
  ),
  example(
    'A playlist service: user content under GDPR keeps records 3 years and may run in any EU region',
    {
      dataClassification: 'user_content',
      complianceRequirements: ['GDPR', 'Copyright_Law'],
      region: 'eu-central-1',
      backupRegion: 'eu-west-1',
    },
  ),
];
