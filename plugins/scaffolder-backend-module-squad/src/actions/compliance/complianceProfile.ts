import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CompliancePolicy,
  DATA_CLASSIFICATIONS,
  DataClassification,
  defaultPolicy,
  knownRequirements,
  newServiceSettings,
  serviceRegionProblems,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { examples } from './complianceProfile.examples';

const classifications = Object.keys(DATA_CLASSIFICATIONS) as [
  DataClassification,
  ...DataClassification[],
];

/**
 * Creates the `squad:compliance:profile` action: turns what a squad declares about a new
 * service's data into the settings its repositories and infrastructure must carry, and rejects
 * regions the policy does not allow. Everything is computed by `newServiceSettings` in the
 * common package, over the same policy the portal's compliance checks evaluate; this action
 * only maps it to outputs.
 *
 * @param options - `policy`: the compliance policy; the shipped default policy when not given.
 *   Pass the backend's configured policy so the template and the portal judge alike.
 * @public
 */
export function createComplianceProfileAction(
  options: { policy?: CompliancePolicy } = {},
) {
  return createTemplateAction({
    id: 'squad:compliance:profile',
    description:
      "Derives a new service's compliance settings (frameworks, retention, encryption, backups, required reviews, allowed regions) from its data classification and compliance requirements, and rejects a region the policy does not allow",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        dataClassification: z =>
          z
            .enum(classifications)
            .describe('The data classification of the new service'),
        complianceRequirements: z =>
          z
            .array(z.string())
            .default([])
            .describe(
              "Compliance requirements the service declares: framework ids of the portal's compliance policy",
            ),
        region: z => z.string().describe('The AWS region the service runs in'),
        backupRegion: z =>
          z
            .string()
            .describe(
              'The AWS region its backups and disaster-recovery copies go to',
            ),
      },
      output: {
        frameworks: z =>
          z
            .array(z.string())
            .describe(
              'Ids of the policy frameworks that apply, baseline included',
            ),
        recordRetentionYears: z =>
          z.number().describe('Years records must be kept'),
        recordRetentionDays: z =>
          z.number().describe('The same period in days'),
        logRetentionDays: z =>
          z
            .number()
            .describe(
              'CloudWatch log retention in days (a value CloudWatch accepts)',
            ),
        encryptionAtRest: z => z.literal(true),
        kmsKeyRotation: z => z.literal(true),
        encryptionInTransit: z => z.boolean(),
        auditLogging: z => z.literal(true),
        backupRetentionDays: z =>
          z.number().describe('Days of backups and point-in-time recovery'),
        deletionProtection: z => z.boolean(),
        requiredApprovals: z =>
          z
            .number()
            .describe('Pull-request approvals the default branch requires'),
        serviceMeshRequired: z =>
          z
            .boolean()
            .describe(
              'Whether the service must run in the Consul service mesh',
            ),
        allowedRegions: z =>
          z
            .array(z.string())
            .describe("Every region the service's resources may be in"),
        allowedPrimaryRegions: z =>
          z.array(z.string()).describe('Regions the service itself may run in'),
        allowedBackupRegions: z =>
          z.array(z.string()).describe('Regions its backups may go to'),
        region: z => z.string(),
        backupRegion: z => z.string(),
      },
    },
    async handler(ctx) {
      const policy = options.policy ?? defaultPolicy();
      const { dataClassification, region, backupRegion } = ctx.input;
      // Frameworks are policy data: validate against the policy the portal judges with.
      const known = knownRequirements(policy);
      const complianceRequirements = ctx.input.complianceRequirements ?? [];
      const unknown = complianceRequirements.filter(r => !known.includes(r));
      if (unknown.length) {
        throw new InputError(
          `complianceRequirements: unknown ${unknown
            .map(r => `"${r}"`)
            .join(', ')}; the compliance policy defines ${known.join(', ')}`,
        );
      }
      const settings = newServiceSettings(policy, {
        dataClassification,
        complianceRequirements,
      });
      const problems = serviceRegionProblems(settings, {
        region,
        backupRegion,
      });
      if (problems.length) {
        throw new InputError(
          `The regions chosen for a ${dataClassification} service are not allowed by the compliance policy: ${problems.join(
            '; ',
          )}`,
        );
      }
      ctx.logger.info(
        `A ${dataClassification} service under ${
          complianceRequirements.join(', ') || 'no declared requirements'
        }: frameworks ${settings.frameworks.join(', ')}; records kept ${
          settings.recordRetentionYears
        } years; ${
          settings.requiredApprovals
        } required approval(s); runs in ${region}, backs up to ${backupRegion}`,
      );

      ctx.output('frameworks', settings.frameworks);
      ctx.output('recordRetentionYears', settings.recordRetentionYears);
      ctx.output('recordRetentionDays', settings.recordRetentionDays);
      ctx.output('logRetentionDays', settings.logRetentionDays);
      ctx.output('encryptionAtRest', settings.encryptionAtRest);
      ctx.output('kmsKeyRotation', settings.kmsKeyRotation);
      ctx.output('encryptionInTransit', settings.encryptionInTransit);
      ctx.output('auditLogging', settings.auditLogging);
      ctx.output('backupRetentionDays', settings.backupRetentionDays);
      ctx.output('deletionProtection', settings.deletionProtection);
      ctx.output('requiredApprovals', settings.requiredApprovals);
      ctx.output('serviceMeshRequired', settings.serviceMeshRequired);
      ctx.output('allowedRegions', settings.allowedRegions);
      ctx.output('allowedPrimaryRegions', settings.allowedPrimaryRegions);
      ctx.output('allowedBackupRegions', settings.allowedBackupRegions);
      ctx.output('region', region);
      ctx.output('backupRegion', backupRegion);
    },
  });
}
