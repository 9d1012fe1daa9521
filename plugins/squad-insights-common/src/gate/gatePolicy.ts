/*
 * The deployment gate's part of the compliance policy (`gate:`): which environments it guards
 * and what blocks a deploy to each. Kept free of imports from compliance/model.ts, which embeds
 * this schema, so that neither module needs the other half-initialised.
 */
import { z } from 'zod';
import { DATA_CLASSIFICATIONS, DataClassification } from '../classification';
import type { Severity } from '../compliance/model';
import type { Criticality } from '../sustainability';

/** Lowest first, as in compliance/model.ts. */
export const GATE_SEVERITIES = [
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly Severity[];
const CRITICALITIES = [
  'critical',
  'high',
  'medium',
  'low',
] as const satisfies readonly Criticality[];

const name = z
  .string()
  .regex(
    /^[\p{L}_][\p{L}\p{N}_.-]*$/u,
    'letters, digits, "_", "." and "-" only',
  );

/** Which services a gate setting concerns: any declared requirement or any classification. */
const GateConditionSchema = z
  .strictObject({
    requirements: z.array(name).min(1).optional(),
    classifications: z
      .array(z.enum(Object.keys(DATA_CLASSIFICATIONS) as [DataClassification]))
      .min(1)
      .optional(),
  })
  .refine(
    c => c.requirements || c.classifications,
    'give requirements or classifications',
  );

/** What blocks a deploy to one environment. @public */
export const GateEnvironmentSchema = z.strictObject({
  /** Framework ids whose failing checks block, or `'*'` for every framework the service declares. */
  frameworks: z.array(z.union([z.literal('*'), name])).min(1),
  /** Failing checks of this severity and above block; lower ones are reported only. */
  minSeverity: z.enum(GATE_SEVERITIES),
  /** Whether an approved review within the service's review period is needed (default true). */
  requireReview: z.boolean().optional(),
  /** Whether a plan that would add a failing check blocks (default true). */
  blockNewPlanFailures: z.boolean().optional(),
  /** Whether a check that could not be judged (no facts, no attestation yet) blocks (default false). */
  blockUnknown: z.boolean().optional(),
});
/** @public */
export type GateEnvironment = z.output<typeof GateEnvironmentSchema>;

/** @public */
export const GatePolicySchema = z.strictObject({
  /** Environment name (as pipelines send it) → what blocks a deploy there. Others are refused. */
  environments: z.record(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_-]*$/,
        'lower-case letters, digits, "_" and "-" only',
      ),
    GateEnvironmentSchema,
  ),
  /**
   * How old the latest approved review may be, in days; the shortest period of the conditions
   * the service matches applies. A service matching none needs no review (public services).
   */
  reviewPeriods: z
    .array(
      z.strictObject({
        when: GateConditionSchema,
        days: z.number().int().min(1).max(3660),
      }),
    )
    .optional(),
  /** The oldest facts a deploy of a service of these criticalities may be judged on. */
  maxFactsAge: z
    .strictObject({
      hours: z.number().positive().max(8760),
      criticalities: z.array(z.enum(CRITICALITIES)).min(1),
    })
    .optional(),
  /**
   * Services whose pipelines fail when the portal cannot be asked (unreachable, 5xx). Others
   * deploy with a warning. The decision says which applies, and the CLI prints it.
   */
  failClosed: GateConditionSchema.optional(),
  /** Only service principals (pipelines with `backend.auth.externalAccess` tokens) may ask. */
  requireServicePrincipal: z.boolean().optional(),
  /** The longest a break-glass override may wait to be used, in hours (default 24). */
  overrideMaxHours: z.number().int().min(1).max(168).optional(),
});
/** @public */
export type GatePolicy = z.output<typeof GatePolicySchema>;

/** What a policy override may change in the gate: environments by name, the rest replaced. @public */
export const GatePolicyOverrideSchema = GatePolicySchema.partial();

/** @public */
export const DEFAULT_GATE_OVERRIDE_MAX_HOURS = 24;
