import type {
  ComplianceRequirement,
  DataClassification,
} from '../classification';
import type { ServiceProfile } from '../profile';
import { recordRetentionYears } from '../retention';
import { matchCondition, resolveApplicability } from './applicability';
import { compilePolicy } from './compilePolicy';
import type {
  CompliancePolicy,
  NewServiceSettingsParameters,
  ProfileCondition,
} from './model';

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy), in days. */
const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/**
 * What a squad declares about a service it is about to create.
 *
 * @public
 */
export interface ServiceDeclaration {
  dataClassification: DataClassification;
  complianceRequirements: readonly ComplianceRequirement[];
}

/**
 * The settings a new service's repositories and infrastructure must carry to pass the policy's
 * checks from the first plan.
 *
 * @public
 */
export interface NewServiceSettings {
  /** Ids of the frameworks that apply, `baseline` included. */
  frameworks: string[];
  recordRetentionYears: number;
  recordRetentionDays: number;
  /** The shortest CloudWatch retention that keeps logs for the record-keeping period; 0 = never expire. */
  logRetentionDays: number;
  /** The baseline's encryption, key rotation and logging checks apply to every service. */
  encryptionAtRest: true;
  kmsKeyRotation: true;
  auditLogging: true;
  encryptionInTransit: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  requiredApprovals: number;
  serviceMeshRequired: boolean;
  /** Every region the service's resources may be in. */
  allowedRegions: string[];
  /** Where the service and its primary data stores may run. */
  allowedPrimaryRegions: string[];
  /** Where its backups and disaster-recovery copies may go. */
  allowedBackupRegions: string[];
  /** Swedish payment rules pin the primary copy to the primary region. */
  swedishResidency: boolean;
}

function profileOf(declaration: ServiceDeclaration): ServiceProfile {
  const complianceRequirements = [...declaration.complianceRequirements];
  return {
    dataClassification: declaration.dataClassification,
    complianceRequirements,
    terraformStates: [],
    recordRetentionYears: recordRetentionYears({
      dataClassification: declaration.dataClassification,
      complianceRequirements,
    }),
  };
}

function logRetentionDays(recordRetentionDays: number): number {
  return CLOUDWATCH_RETENTION_DAYS.find(d => d >= recordRetentionDays) ?? 0;
}

/**
 * Computes what a new service must be set up with, from the same policy code the compliance
 * engine evaluates: retention from the record-keeping rule, regions from the residency
 * parameters, and each switch from whether the checks that demand it apply to the service
 * (enabled, one of their frameworks applies, their `when` matches).
 *
 * @public
 */
export function newServiceSettings(
  policy: CompliancePolicy,
  declaration: ServiceDeclaration,
): NewServiceSettings {
  const profile = profileOf(declaration);
  const { applied, parameters: p } = resolveApplicability(policy, profile);
  const { newService } = policy.parameters;

  const applicable = new Set(
    compilePolicy(policy)
      .filter(cc => cc.frameworks.some(f => applied.has(f)))
      .filter(
        cc => !cc.check.when || matchCondition(cc.check.when, profile).matches,
      )
      .map(cc => cc.check.id),
  );
  const switchedOn = (
    setting: keyof NewServiceSettingsParameters['switchedOnBy'],
  ) => newService.switchedOnBy[setting].some(id => applicable.has(id));
  const graded = <T>(setting: {
    value: T;
    stricter?: { value: T; when: ProfileCondition };
  }) =>
    setting.stricter && matchCondition(setting.stricter.when, profile).matches
      ? setting.stricter.value
      : setting.value;

  return {
    frameworks: [...applied],
    recordRetentionYears: p.recordRetentionYears,
    recordRetentionDays: p.recordRetentionDays,
    logRetentionDays: logRetentionDays(p.recordRetentionDays),
    encryptionAtRest: true,
    kmsKeyRotation: true,
    auditLogging: true,
    encryptionInTransit: switchedOn('encryptionInTransit'),
    backupRetentionDays: graded(newService.backupRetentionDays),
    deletionProtection: switchedOn('deletionProtection'),
    requiredApprovals: graded(newService.requiredApprovals),
    serviceMeshRequired: switchedOn('serviceMesh'),
    // Copies: the default policy is frozen and shared, callers may change what they get.
    allowedRegions: [...p.residencyRegions],
    allowedPrimaryRegions: p.swedishResidency
      ? [p.primaryRegion]
      : [...p.allowedRegions],
    allowedBackupRegions: [
      ...(p.swedishResidency ? p.backupRegions : p.allowedRegions),
    ],
    swedishResidency: p.swedishResidency,
  };
}

/**
 * What is wrong with the regions chosen for a new service, one message per region, each naming
 * the region and the regions allowed instead. Empty when both are allowed.
 *
 * @public
 */
export function serviceRegionProblems(
  settings: NewServiceSettings,
  chosen: { region: string; backupRegion: string },
): string[] {
  const why = settings.swedishResidency
    ? 'Swedish payment rules (Svenska_Betaltjänstlagen) keep the primary copy in the primary region and copies in the disaster-recovery regions'
    : 'the compliance policy keeps data in these EU regions';
  const problems: string[] = [];
  const check = (field: string, region: string, allowed: string[]) => {
    if (!allowed.includes(region))
      problems.push(
        `${field} "${region}" is not allowed: choose one of ${allowed.join(
          ', ',
        )} (${why})`,
      );
  };
  check('region', chosen.region, settings.allowedPrimaryRegions);
  check('backupRegion', chosen.backupRegion, settings.allowedBackupRegions);
  return problems;
}
