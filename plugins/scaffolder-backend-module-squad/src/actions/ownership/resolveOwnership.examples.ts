import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  const step = {
    id: 'ownership',
    action: 'squad:ownership:resolve',
    name: 'Resolve the squad, its tribe and contacts',
    input,
  };
  return { description, example: yaml.stringify({ steps: [step] }) };
}

/** Examples of `squad:ownership:resolve`, run by its test against the demo organisation. */
export const examples: TemplateExample[] = [
  example(
    'The Payments Squad of the Commerce tribe, with its chapter and guild',
    {
      squad: 'group:default/payments-squad',
      chapter: 'group:default/backend-engineering-chapter',
      guild: 'group:default/security-engineering-guild',
    },
  ),
  example('A squad alone, named without kind or namespace', {
    squad: 'discovery-squad',
  }),
];
