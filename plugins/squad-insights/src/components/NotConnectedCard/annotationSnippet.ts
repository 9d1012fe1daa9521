import {
  DATA_CLASSIFICATIONS,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';

type AnnotationKey = keyof typeof SQUAD_INSIGHTS_ANNOTATIONS;

// A Record over every key, so a new annotation in -common does not compile until it has an
// example here: the snippet people copy never lags behind what the plugin reads.
const EXAMPLES: Record<
  AnnotationKey,
  (name: string) => { value: string; comment: string }
> = {
  businessCapability: () => ({
    value: 'Payments',
    comment: 'the business capability it provides',
  }),
  dataClassification: () => ({
    value: 'internal',
    comment: `one of: ${Object.keys(DATA_CLASSIFICATIONS).join(', ')}`,
  }),
  complianceRequirements: () => ({
    value: 'GDPR',
    comment:
      'comma-separated framework ids of the compliance policy, e.g. GDPR, PCI_DSS, Svenska_Betaltjänstlagen, Finansinspektionen, PSD2, AML',
  }),
  chapter: () => ({
    value: 'backend-engineering-chapter',
    comment: 'a Group of type chapter',
  }),
  guild: () => ({
    value: 'green-software-guild',
    comment: 'a Group of type guild',
  }),
  terraformState: name => ({
    value: `<source-id>:${name}/terraform.tfstate`,
    comment:
      'comma-separated <source-id>:<key>, sources as configured in app-config',
  }),
  criticality: () => ({
    value: 'medium',
    comment: 'critical, high, medium or low',
  }),
  consulService: name => ({
    value: name,
    comment: "only when Consul's name differs",
  }),
};

/**
 * The catalog-info.yaml lines that connect an entity to Squad Insights, with example values
 * and what each may hold.
 */
export function annotationSnippet(entityName: string): string {
  const lines = (
    Object.keys(SQUAD_INSIGHTS_ANNOTATIONS) as AnnotationKey[]
  ).flatMap(key => {
    const { value, comment } = EXAMPLES[key](entityName);
    return [
      `    # ${comment}`,
      `    ${SQUAD_INSIGHTS_ANNOTATIONS[key]}: ${value}`,
    ];
  });
  return [
    'metadata:',
    '  annotations:',
    ...lines,
    'spec:',
    '  # a Group of type squad, whose parent is its tribe',
    '  owner: group:default/<your-squad>',
    '',
  ].join('\n');
}
