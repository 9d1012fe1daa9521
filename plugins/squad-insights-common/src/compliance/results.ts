import type { ServiceProfile } from '../profile';
import type { Applicability, FrameworkApplicability } from './applicability';
import type { ConsulSource, InventorySource } from './facts';
import type { Severity } from './model';
import type { Evidence } from './ruleRuntime';
import type { ComplianceScore } from './score';

/** @public */
export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'unknown';

/** An accepted, time-limited exception. It expires by itself at `expiresAt`. @public */
export interface Waiver {
  checkId: string;
  expiresAt: string | Date;
  reason?: string;
}

/** @public */
export interface CheckResult {
  checkId: string;
  title: string;
  severity: Severity;
  controls: string[];
  frameworks: string[];
  /** A waived check keeps its real status (`fail`) and carries `waiver`. */
  status: CheckStatus;
  /** Why it is not applicable or unknown; for a failure on partial data, what was missing. */
  reason?: string;
  remediation: string;
  evidence: Evidence[];
  waiver?: { expiresAt: string; reason?: string };
}

/** @public */
export interface EvaluationInput {
  profile: ServiceProfile;
  /** The catalog owner squad and its tribe (names or entity refs). */
  ownership: { squad?: string; tribe?: string };
  inventories: readonly InventorySource[];
  /** Absent: Consul was not read, so Consul checks are unknown. */
  consul?: ConsulSource;
  waivers?: readonly Waiver[];
  /** Defaults to the current time; only used to expire waivers. */
  now?: Date;
  /** `failures` (default): evidence for failing and unknown checks only, the fast path; `all`: passes too. */
  evidence?: 'failures' | 'all';
  /** Names the service in evidence of service-level checks. */
  entityRef?: string;
}

/** @public */
export interface ComplianceEvaluation {
  policy: { name: string; version?: string };
  frameworks: Array<FrameworkApplicability & { score: ComplianceScore }>;
  parameters: Applicability['parameters'];
  checks: CheckResult[];
  /** Over all checks of the service. */
  score: ComplianceScore;
}
