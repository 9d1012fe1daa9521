import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  COMPLIANCE_REQUIREMENTS,
  ComplianceRequirement,
  DATA_CLASSIFICATIONS,
  DataClassification,
  recordRetentionYears,
  retentionDays,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { examples } from './deriveCompliance.examples';

const classifications = Object.keys(DATA_CLASSIFICATIONS) as [DataClassification, ...DataClassification[]];
const requirements = Object.keys(COMPLIANCE_REQUIREMENTS) as [
  ComplianceRequirement,
  ...ComplianceRequirement[],
];

/**
 * Creates the `squad:compliance:derive` action: turns what a squad declared about its data
 * into the settings its infrastructure must carry (record keeping in years and days). It
 * calls the same rule as the portal's compliance checks, so a new service starts compliant.
 *
 * @public
 */
export function createDeriveComplianceAction() {
  return createTemplateAction({
    id: 'squad:compliance:derive',
    description:
      'Derives compliance settings (record keeping) from a data classification and compliance requirements',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        dataClassification: z =>
          z.enum(classifications, { description: 'The data classification of the new service' }),
        complianceRequirements: z =>
          z
            .array(z.enum(requirements), { description: 'Compliance requirements that apply' })
            .default([]),
      },
      output: {
        recordRetentionYears: z => z.number({ description: 'Years records must be kept' }),
        recordRetentionDays: z => z.number({ description: 'The same period in days' }),
      },
    },
    async handler(ctx) {
      const years = recordRetentionYears({
        dataClassification: ctx.input.dataClassification,
        complianceRequirements: ctx.input.complianceRequirements,
      });
      ctx.logger.info(
        `Records of a ${ctx.input.dataClassification} service under ${
          ctx.input.complianceRequirements.join(', ') || 'no requirements'
        } are kept ${years} years`,
      );
      ctx.output('recordRetentionYears', years);
      ctx.output('recordRetentionDays', retentionDays(years));
    },
  });
}
