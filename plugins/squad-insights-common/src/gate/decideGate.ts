import type { ServiceProfile } from '../profile';
import { matchCondition } from '../compliance/applicability';
import type { CheckResult, ComplianceEvaluation } from '../compliance/results';
import type { Severity } from '../compliance/model';
import type { Criticality } from '../sustainability';
import { GATE_SEVERITIES, GatePolicy } from './gatePolicy';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** @public */
export type GateReasonCode =
  | 'check-failing'
  | 'waiver-expired'
  | 'attestation-expired'
  | 'check-unknown'
  | 'check-waived'
  | 'review-missing'
  | 'review-outdated'
  | 'facts-stale'
  | 'plan-new-failure'
  | 'break-glass';

/** One reason of a gate decision. `blocking` reasons deny the deploy unless a break-glass override is used. @public */
export interface GateReason {
  code: GateReasonCode;
  blocking: boolean;
  message: string;
  checkId?: string;
  severity?: Severity;
  /** The gated frameworks the check belongs to. */
  frameworks?: string[];
}

/** A reviewer's one-time permission to deploy despite the blocking reasons. @public */
export interface GateOverride {
  id: string;
  grantedBy: string;
  reason: string;
  expiresAt: Date | string;
}

/** Everything the gate judges; gathered by the backend (or the CLI offline). @public */
export interface GateInput {
  gate: GatePolicy;
  environment: string;
  profile: Pick<
    ServiceProfile,
    'dataClassification' | 'complianceRequirements'
  >;
  criticality: Criticality;
  /** The service's current results; waivers and attestations applied, expired ones failing. */
  evaluation: Pick<ComplianceEvaluation, 'checks' | 'frameworks'>;
  /** The service's unrevoked waivers, expired ones included, so an expired one is named. */
  waivers?: ReadonlyArray<{ checkId: string; expiresAt: Date | string }>;
  /** When the latest approved review was made; absent when there is none (or reviews are not known). */
  latestApprovedReviewAt?: Date | string;
  /** Reviews cannot be known (offline): the review rule is reported, never blocking. */
  reviewsUnknown?: boolean;
  /** When the oldest of the facts judged was read; absent when some were never read. */
  factsReadAt?: Date | string;
  /** The results of the planned change, judged like the current ones. */
  plan?: Pick<ComplianceEvaluation, 'checks'>;
  override?: GateOverride;
  now: Date;
}

/** @public */
export interface GateDecision {
  allowed: boolean;
  environment: string;
  /** Blocking reasons first. */
  reasons: GateReason[];
  /** Whether a pipeline that cannot ask the portal should fail for this service (policy `failClosed`). */
  failClosed: boolean;
  /** The override that let a denied deploy through; it is consumed by this decision. */
  override?: { id: string; grantedBy: string; reason: string };
}

const rank = (s: Severity) => GATE_SEVERITIES.indexOf(s);
const time = (d: Date | string) => new Date(d).getTime();
const days = (ms: number) => Math.floor(ms / DAY_MS);

/** The environments the gate knows, for messages. @public */
export function gateEnvironments(gate: GatePolicy | undefined): string[] {
  return Object.keys(gate?.environments ?? {});
}

/**
 * Decides whether a service may be deployed to an environment: policy as data (the policy's
 * `gate:`), no IO. Throws when the environment is not one the policy gates; callers check
 * with {@link gateEnvironments} first to answer a 400.
 *
 * @public
 */
export function decideGate(input: GateInput): GateDecision {
  const { gate, environment, now } = input;
  const env = gate.environments[environment];
  if (!env) {
    throw new Error(
      `environment "${environment}" is not gated; the policy gates ${
        gateEnvironments(gate).join(', ') || 'none'
      }`,
    );
  }
  const applied = new Set(
    input.evaluation.frameworks.filter(f => f.applies).map(f => f.id),
  );
  const gated = (c: CheckResult) =>
    c.frameworks.filter(
      f =>
        applied.has(f) &&
        (env.frameworks.includes('*') || env.frameworks.includes(f)),
    );
  const inScope = (c: CheckResult) =>
    rank(c.severity) >= rank(env.minSeverity) && gated(c).length > 0;
  const reason = (
    code: GateReasonCode,
    blocking: boolean,
    c: CheckResult,
    message: string,
  ): GateReason => ({
    code,
    blocking,
    message,
    checkId: c.checkId,
    severity: c.severity,
    frameworks: gated(c),
  });

  const reasons: GateReason[] = [];
  const failing = new Set<string>();
  for (const c of input.evaluation.checks) {
    if (c.status === 'fail') failing.add(c.checkId);
    if (!inScope(c)) continue;
    if (c.status === 'fail') reasons.push(judgeFailure(c, input, reason));
    if (c.status === 'unknown') {
      reasons.push(
        reason(
          'check-unknown',
          env.blockUnknown === true,
          c,
          `${c.checkId} (${c.severity}) could not be judged${
            c.reason ? `: ${c.reason}` : ''
          }`,
        ),
      );
    }
  }
  if (input.plan && env.blockNewPlanFailures !== false) {
    for (const c of input.plan.checks) {
      if (
        c.status !== 'fail' ||
        failing.has(c.checkId) ||
        c.waiver ||
        !inScope(c)
      )
        continue;
      reasons.push(
        reason(
          'plan-new-failure',
          true,
          c,
          `the plan would make ${c.checkId} (${c.severity}) fail: ${c.title}`,
        ),
      );
    }
  }
  if (env.requireReview !== false) reasons.push(...judgeReview(input));
  reasons.push(...judgeFreshness(input));

  const blocked = reasons.some(r => r.blocking);
  const override =
    blocked && input.override && time(input.override.expiresAt) > now.getTime()
      ? input.override
      : undefined;
  if (override) {
    reasons.push({
      code: 'break-glass',
      blocking: false,
      message: `allowed by break-glass override ${override.id} of ${override.grantedBy}: ${override.reason}`,
    });
  }
  return {
    allowed: !blocked || Boolean(override),
    environment,
    reasons: [
      ...reasons.filter(r => r.blocking),
      ...reasons.filter(r => !r.blocking),
    ],
    failClosed: Boolean(
      gate.failClosed && matchCondition(gate.failClosed, input.profile).matches,
    ),
    override: override && {
      id: override.id,
      grantedBy: override.grantedBy,
      reason: override.reason,
    },
  };
}

function judgeFailure(
  c: CheckResult,
  input: GateInput,
  reason: (
    code: GateReasonCode,
    blocking: boolean,
    c: CheckResult,
    message: string,
  ) => GateReason,
): GateReason {
  const now = input.now.getTime();
  if (c.waiver && time(c.waiver.expiresAt) > now) {
    return reason(
      'check-waived',
      false,
      c,
      `${c.checkId} (${c.severity}) fails, waived until ${new Date(
        c.waiver.expiresAt,
      ).toISOString()}`,
    );
  }
  if (c.attested && c.attestation && time(c.attestation.expiresAt) <= now) {
    return reason(
      'attestation-expired',
      true,
      c,
      `the attestation of ${c.checkId} (${c.severity}) expired on ${new Date(
        c.attestation.expiresAt,
      ).toISOString()}`,
    );
  }
  const lapsed = (input.waivers ?? [])
    .filter(w => w.checkId === c.checkId && time(w.expiresAt) <= now)
    .sort((a, b) => time(b.expiresAt) - time(a.expiresAt))[0];
  if (lapsed) {
    return reason(
      'waiver-expired',
      true,
      c,
      `${c.checkId} (${c.severity}) fails and its waiver expired on ${new Date(
        lapsed.expiresAt,
      ).toISOString()}`,
    );
  }
  return reason(
    'check-failing',
    true,
    c,
    `${c.checkId} (${c.severity}) fails without a waiver: ${c.title}`,
  );
}

function judgeReview(input: GateInput): GateReason[] {
  const periods = (input.gate.reviewPeriods ?? []).filter(
    p => matchCondition(p.when, input.profile).matches,
  );
  if (!periods.length) return [];
  const period = Math.min(...periods.map(p => p.days));
  if (input.reviewsUnknown) {
    return [
      {
        code: 'review-missing',
        blocking: false,
        message: `reviews are not known offline; the portal asks for an approved review within ${period} days`,
      },
    ];
  }
  if (!input.latestApprovedReviewAt) {
    return [
      {
        code: 'review-missing',
        blocking: true,
        message: `no approved compliance review; one is needed every ${period} days`,
      },
    ];
  }
  const age = days(input.now.getTime() - time(input.latestApprovedReviewAt));
  if (age <= period) return [];
  return [
    {
      code: 'review-outdated',
      blocking: true,
      message: `the latest approved review is ${age} days old; one is needed every ${period} days`,
    },
  ];
}

function judgeFreshness(input: GateInput): GateReason[] {
  const limit = input.gate.maxFactsAge;
  if (!limit || !limit.criticalities.includes(input.criticality)) return [];
  if (!input.factsReadAt) {
    return [
      {
        code: 'facts-stale',
        blocking: true,
        message: `some facts were never read; a ${input.criticality} service is judged on facts at most ${limit.hours} hours old`,
      },
    ];
  }
  const hours = (input.now.getTime() - time(input.factsReadAt)) / HOUR_MS;
  if (hours <= limit.hours) return [];
  return [
    {
      code: 'facts-stale',
      blocking: true,
      message: `the facts are ${Math.floor(hours)} hours old; a ${
        input.criticality
      } service is judged on facts at most ${limit.hours} hours old`,
    },
  ];
}
