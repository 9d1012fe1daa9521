import { createTemplateFilter } from '@backstage/plugin-scaffolder-node/alpha';

/**
 * GitHub topics are lower-case letters, digits and hyphens, at most 50 characters; squad,
 * classification and requirement names (e.g. `PCI_DSS`, `Svenska_Betaltjänstlagen`) are not.
 * `publish:github` only lower-cases its `topics`, and GitHub then refuses the whole list
 * (which publish:github skips with a warning), so the template normalises them first.
 */
export function toTopic(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** Topics in GitHub's form, without empty ones and duplicates, in their first order. */
export function toTopics(values: unknown): string[] {
  const list = Array.isArray(values) ? values : [values];
  return [
    ...new Set(
      list
        .filter(v => typeof v === 'string')
        .map(toTopic)
        .filter(Boolean),
    ),
  ];
}

/**
 * The `githubTopics` template filter: `${{ ['squad-' + name, 'PCI_DSS'] | githubTopics }}` →
 * `['squad-payments', 'pci-dss']`.
 */
export const githubTopicsFilter = createTemplateFilter({
  id: 'githubTopics',
  description:
    'Turns a list of names into GitHub topics (lower-case letters, digits and hyphens; no duplicates)',
  schema: z =>
    z
      .function()
      .args(z.array(z.string()).describe('Names, e.g. compliance requirements'))
      .returns(z.array(z.string()).describe('GitHub topics')),
  examples: [
    {
      example: `- id: publish
  action: publish:github
  input:
    repoUrl: github.com?owner=acme-music&repo=payment-gateway
    topics: \${{ ['squad-payments', 'data-financial'].concat(parameters.complianceRequirements) | githubTopics }}`,
      notes:
        '- **Input**: `[squad-payments, data-financial, PCI_DSS, Svenska_Betaltjänstlagen]`\n- **Output**: `[squad-payments, data-financial, pci-dss, svenska-betaltjanstlagen]`',
    },
  ],
  filter: values => toTopics(values),
});
