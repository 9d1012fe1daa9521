import { z } from 'zod';
import type { WireSchemas } from '../api';
import { DATA_CLASSIFICATIONS, DataClassification } from '../classification';
import { RuleSchema, resourceType } from './ruleSchema';
import { GatePolicyOverrideSchema, GatePolicySchema } from '../gate/gatePolicy';

/** @public */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** @public */
export type Severity = (typeof SEVERITIES)[number];

// Requirements are whatever the policy's frameworks name (no list in code): an override file can
// add a framework; `validatePolicyReferences` checks that every requirement named is defined.
const requirement = z
  .string()
  .regex(
    /^[\p{L}_][\p{L}\p{N}_.-]*$/u,
    'letters, digits, "_", "." and "-" only',
  );
const classification = z.enum(
  Object.keys(DATA_CLASSIFICATIONS) as [DataClassification],
);
const id = z
  .string()
  .regex(
    /^[\p{L}_][\p{L}\p{N}_.-]*$/u,
    'letters, digits, "_", "." and "-" only',
  );
const text = z.string().trim().min(1);

/**
 * A condition on the service's declared profile: true when it is `always`, or when the service
 * declares any of `requirements` or has any of `classifications`.
 *
 * @public
 */
export const ProfileConditionSchema = z
  .strictObject({
    always: z.literal(true).optional(),
    requirements: z.array(requirement).min(1).optional(),
    classifications: z.array(classification).min(1).optional(),
  })
  .refine(
    c => c.always || c.requirements || c.classifications,
    'give always, requirements or classifications',
  );
/** @public */
export type ProfileCondition = z.output<typeof ProfileConditionSchema>;

/** @public */
export const ControlSchema = z.strictObject({
  // Control ids follow the framework's numbering, e.g. `Art.5(1)(e)`, `Req.10`.
  id: z
    .string()
    .regex(
      /^[\p{L}\p{N}_][\p{L}\p{N}_.()-]*$/u,
      'letters, digits, "_", ".", "(", ")" and "-" only',
    ),
  title: text,
  description: text.optional(),
});

/** A compliance framework (GDPR, PCI_DSS, …, or the org-wide `baseline`) and its controls. @public */
export const FrameworkSchema = z.strictObject({
  id,
  title: text,
  description: text.optional(),
  appliesWhen: ProfileConditionSchema,
  controls: z.array(ControlSchema).min(1),
});
/** @public */
export type Framework = z.output<typeof FrameworkSchema>;

/** Where a check looks: resource types (prefix patterns allowed), the service, or Consul. */
const subject = z.union([
  z.literal('service'),
  z.literal('consul'),
  z.literal('*'),
  resourceType,
]);

/** @public */
export const CheckSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]*$/,
      'lower-case letters, digits, "." and "-" only',
    ),
  title: text,
  rationale: text,
  severity: z.enum(SEVERITIES),
  /** `<framework>/<control>` references, e.g. `GDPR/Art.32`. */
  controls: z
    .array(z.string().regex(/^[^/]+\/.+$/, 'expected <framework>/<control>'))
    .min(1),
  remediation: text,
  appliesTo: z.array(subject).min(1),
  /** Only for services whose profile matches; otherwise the check is not applicable. */
  when: ProfileConditionSchema.optional(),
  /** Subjects that don't pass `where` are not evaluated (e.g. only production data stores). */
  where: RuleSchema.optional(),
  /** What the facts must show. Exactly one of `rule` and `attested`. */
  rule: RuleSchema.optional(),
  /**
   * A control no Terraform state or Consul view can show (GDPR erasure, PSD2 strong customer
   * authentication): a reviewer attests it, and the attestation holds for at most
   * `maxValidityDays`. Applies to the service as a whole.
   */
  attested: z
    .strictObject({ maxValidityDays: z.number().int().min(1).max(3660) })
    .optional(),
  enabled: z.boolean().optional(),
});
/** @public */
export type Check = z.output<typeof CheckSchema>;

/** A check as a policy holds it: with a rule, or attested. @public */
export const CompleteCheckSchema = CheckSchema.refine(
  c => c.rule !== undefined || c.attested !== undefined,
  {
    message: 'give a rule, or attested for a control no state can show',
    path: ['rule'],
  },
);

/**
 * Logical tag names the rules use, mapped to the names the organisation's tags carry (the
 * default is the design document's scheme: `Squad`, `Tribe`, …). GCP labels use the same names
 * in lower snake case (`BusinessCapability` → `business_capability`); see `labels.ts`.
 */
const TagNamesSchema = z.strictObject({
  team: text,
  tribe: text,
  chapter: text,
  guild: text,
  service: text,
  businessCapability: text,
  dataClassification: text,
  compliance: text,
  country: text,
  organization: text,
  environment: text,
  managedBy: text,
});
/**
 * The facts a tag carries, whatever the estate calls its tag (`tagNames` maps each to a name).
 *
 * @public
 */
export type LogicalTag = WireSchemas['LogicalTag'];
// The schema and the union name the same tags: a tag added to one only fails to compile.
const sameTags: [LogicalTag, keyof z.output<typeof TagNamesSchema>] extends [
  keyof z.output<typeof TagNamesSchema>,
  LogicalTag,
]
  ? true
  : never = true;
void sameTags;

/**
 * A value a new service starts with: `value`, or `stricter.value` where the service's declared
 * profile matches `stricter.when`.
 */
function graded<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    stricter: z
      .strictObject({ value, when: ProfileConditionSchema })
      .optional(),
  });
}

/**
 * What the squad template (`squad:compliance:profile`) sets up for a new service. Switches list
 * the checks that demand them: a switch is on when any listed check applies to the service, so
 * a new service passes those checks from its first plan and the template cannot disagree with
 * the checks.
 *
 * @public
 */
export const NewServiceSettingsSchema = z.strictObject({
  /** Pull-request approvals the default branch requires (GitHub allows 1 to 6). */
  requiredApprovals: graded(z.number().int().min(1).max(6)),
  /**
   * Days of backups and point-in-time recovery. At most 35: the longest RDS automated backups
   * and DynamoDB point-in-time recovery keep.
   */
  backupRetentionDays: graded(z.number().int().min(1).max(35)),
  switchedOnBy: z.strictObject({
    encryptionInTransit: z.array(CheckSchema.shape.id).min(1),
    deletionProtection: z.array(CheckSchema.shape.id).min(1),
    serviceMesh: z.array(CheckSchema.shape.id).min(1),
  }),
});
/** @public */
export type NewServiceSettingsParameters = z.output<
  typeof NewServiceSettingsSchema
>;

/** Tunable policy parameters; the derived ones come from applicability (see applicability.ts). @public */
export const ParametersSchema = z.strictObject({
  tagNames: TagNamesSchema,
  /**
   * The Consul `Service.Meta` keys of the same logical tags, where they differ from `tagNames`
   * (Consul meta keys are conventionally lower case: `team`, `compliance`).
   */
  metaNames: TagNamesSchema.partial().optional(),
  requiredTags: z
    .array(z.enum(Object.keys(TagNamesSchema.shape) as [LogicalTag]))
    .min(1),
  /** What the `Country` tag must say (residency: the design document tags `Country = "Sweden"`). */
  country: text.optional(),
  /** What the `Organization` tag must say; the backend sets it from `organization.name`. */
  organization: text.optional(),
  allowedRegions: z.array(text).min(1),
  /** Frameworks under which data stays in `primaryRegion`, with copies only in `drRegions`. */
  swedishResidencyFrameworks: z.array(text).optional(),
  primaryRegion: text,
  drRegions: z.array(text),
  allowedConsulDatacenters: z.array(text).min(1),
  modernTlsPolicies: z.array(text).min(1),
  publicIngressPorts: z.array(z.number().int()),
  recordTopicPatterns: z.array(text),
  customerDataTopicPatterns: z.array(text),
  minInsyncReplicas: z.number().int().min(1),
  minReplicationFactor: z.number().int().min(1),
  minBackupRetentionDays: z.number().int().min(1),
  gdprMaxRetentionYears: z.number().positive(),
  /**
   * The longest a waiver may run, in days from its grant (default 365): an accepted risk is
   * argued again at least this often. Optional so that policies written before it still load.
   */
  waiverMaxDays: z.number().int().min(1).max(3650).optional(),
  /** The same for a waiver of a `critical` check (default 90); never longer than `waiverMaxDays`. */
  criticalWaiverMaxDays: z.number().int().min(1).max(3650).optional(),
  newService: NewServiceSettingsSchema,
});
/** @public */
export type PolicyParameters = z.output<typeof ParametersSchema>;

/** Severity weights of the score (see evaluate.ts). @public */
export const ScoringSchema = z.strictObject({
  severityWeights: z.strictObject({
    low: z.number().min(0),
    medium: z.number().min(0),
    high: z.number().min(0),
    critical: z.number().min(0),
  }),
});

const MetadataSchema = z.strictObject({
  name: text,
  version: text.optional(),
  description: text.optional(),
});

/** @public */
export const CompliancePolicySchema = z.strictObject({
  apiVersion: z.literal('squad-insights.io/v1alpha1'),
  kind: z.literal('CompliancePolicy'),
  metadata: MetadataSchema,
  scoring: ScoringSchema,
  parameters: ParametersSchema,
  frameworks: z.array(FrameworkSchema).min(1),
  checks: z.array(CompleteCheckSchema),
  /** The deployment gate (see gate/gatePolicy.ts); optional so that older policies still load. */
  gate: GatePolicySchema.optional(),
});
/** @public */
export type CompliancePolicy = z.output<typeof CompliancePolicySchema>;

/**
 * What app-config or a policy file may change in a policy: parameters (tag names merge key by
 * key), frameworks and checks matched by `id` (fields replace the base's; a new id must be
 * complete), `enabled: false` to switch a check off.
 *
 * @public
 */
export const PolicyOverrideSchema = z.strictObject({
  apiVersion: z.literal('squad-insights.io/v1alpha1').optional(),
  kind: z.literal('CompliancePolicyOverride').optional(),
  metadata: MetadataSchema.partial().optional(),
  scoring: z
    .strictObject({
      severityWeights: ScoringSchema.shape.severityWeights.partial(),
    })
    .optional(),
  parameters: ParametersSchema.extend({
    tagNames: TagNamesSchema.partial(),
    metaNames: TagNamesSchema.partial(),
  })
    .partial()
    .optional(),
  frameworks: z.array(FrameworkSchema.partial().extend({ id })).optional(),
  checks: z
    .array(CheckSchema.partial().extend({ id: CheckSchema.shape.id }))
    .optional(),
  gate: GatePolicyOverrideSchema.optional(),
});
/** @public */
export type PolicyOverride = z.input<typeof PolicyOverrideSchema>;
