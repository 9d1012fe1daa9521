import type { WireSchemas } from '../api';
import type { ServiceProfile } from '../profile';
import { recordRetentionYears, retentionDays } from '../retention';
import type {
  CompliancePolicy,
  ProfileCondition,
  PolicyParameters,
} from './model';

const DAY_MS = 86_400_000;

/**
 * Parameters computed per service, which rules may name like policy parameters.
 *
 * Retention in Kafka is set in milliseconds, and teams count a year as 365, 365.25 or 365.2425
 * days (the demo uses 365.2425: 7 years = 220898664000 ms). So the record-keeping *minimum*
 * counts 365-day years (the shortest convention; any of them passes) and the GDPR *maximum*
 * counts {@link retentionDays} (365.25-day years rounded up; the longest convention still passes).
 * CloudWatch and S3 settings are in days and use {@link retentionDays}, the product rule.
 *
 * @public
 */
export const DERIVED_PARAMETERS = [
  'recordRetentionYears',
  'recordRetentionDays',
  'recordRetentionMinMs',
  'gdprMaxRetentionDays',
  'gdprMaxRetentionMs',
  'residencyRegions',
  'backupRegions',
  'swedishResidency',
  'dataClassification',
  'complianceRequirements',
] as const;

/**
 * A service's parameters: the policy's own and the {@link DERIVED_PARAMETERS}. Defined by the
 * backend's OpenAPI spec, which answers them with a service's compliance.
 *
 * @public
 */
export type ResolvedParameters = WireSchemas['ResolvedParameters'];

// The spec and the policy schema are one shape, as far as the compiler can tell: the policy's
// own parameters are the spec's top-level fields, each assignable both ways
// (gdprMaxRetentionYears is optional there: only when GDPR applies), and the spec's other
// fields are exactly DERIVED_PARAMETERS. Its limits: an optional field inside a nested object
// is assignable either way, so only the top level's keys are compared, and integer and number
// are one type to it; the backend's response validation covers those.
// (Assignable both ways, and the same keys: an optional field is assignable either way.)
type Same<A, B> = [A, keyof A] extends [B, keyof B]
  ? [B, keyof B] extends [A, keyof A]
    ? true
    : never
  : never;
type Own = Omit<PolicyParameters, 'gdprMaxRetentionYears'>;
const sameOwnParameters: Same<Own, Pick<ResolvedParameters, keyof Own>> = true;
const sameDerivedParameters: Same<
  Exclude<keyof ResolvedParameters, keyof PolicyParameters>,
  (typeof DERIVED_PARAMETERS)[number]
> = true;
void sameOwnParameters;
void sameDerivedParameters;

/** @public */
export interface FrameworkApplicability {
  id: string;
  title: string;
  applies: boolean;
  /** Why it applies or not, for the portal. */
  reason: string;
}

/** @public */
export interface Applicability {
  frameworks: FrameworkApplicability[];
  /** Ids of the frameworks that apply. */
  applied: ReadonlySet<string>;
  parameters: ResolvedParameters;
}

/** Whether a profile matches a condition, and why. @public */
export function matchCondition(
  condition: ProfileCondition,
  profile: Pick<
    ServiceProfile,
    'dataClassification' | 'complianceRequirements'
  >,
): { matches: boolean; reason: string } {
  if (condition.always)
    return { matches: true, reason: 'applies to every service' };
  const declared = condition.requirements?.find(r =>
    profile.complianceRequirements.includes(r),
  );
  if (declared) return { matches: true, reason: `declares ${declared}` };
  const cls = profile.dataClassification;
  if (cls && condition.classifications?.includes(cls))
    return { matches: true, reason: `holds ${cls} data` };
  const wanted = [
    ...(condition.requirements ?? []).map(r => `declares ${r}`),
    ...(condition.classifications ?? []).map(c => `holds ${c} data`),
  ];
  return {
    matches: false,
    reason: `applies when the service ${wanted.join(' or ')}`,
  };
}

/**
 * Which frameworks apply to a service and with which parameters. Retention comes from the one
 * record-keeping rule ({@link recordRetentionYears}); Swedish residency (primary region, DR
 * regions) applies with the frameworks of `swedishResidencyFrameworks`; GDPR limits with `GDPR`.
 *
 * @public
 */
export function resolveApplicability(
  policy: CompliancePolicy,
  profile: ServiceProfile,
): Applicability {
  const applied = new Set<string>();
  const frameworks = policy.frameworks.map(f => {
    const { matches, reason } = matchCondition(f.appliesWhen, profile);
    if (matches) applied.add(f.id);
    return { id: f.id, title: f.title, applies: matches, reason };
  });
  const { gdprMaxRetentionYears: gdprYears, ...p } = policy.parameters;
  const years = recordRetentionYears(profile);
  const gdpr = applied.has('GDPR');
  const swedish = (
    p.swedishResidencyFrameworks ?? ['Svenska_Betaltjänstlagen']
  ).some(f => applied.has(f));
  const backupRegions = p.drRegions.filter(r => p.allowedRegions.includes(r));
  const parameters: ResolvedParameters = {
    ...p,
    recordRetentionYears: years,
    recordRetentionDays: retentionDays(years),
    recordRetentionMinMs: years * 365 * DAY_MS,
    residencyRegions: swedish
      ? [p.primaryRegion, ...backupRegions]
      : p.allowedRegions,
    backupRegions,
    swedishResidency: swedish,
    dataClassification: profile.dataClassification,
    complianceRequirements: profile.complianceRequirements,
  };
  if (gdpr) {
    parameters.gdprMaxRetentionYears = gdprYears;
    parameters.gdprMaxRetentionDays = retentionDays(gdprYears);
    parameters.gdprMaxRetentionMs = retentionDays(gdprYears) * DAY_MS;
  }
  return { frameworks, applied, parameters };
}
