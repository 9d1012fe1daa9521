import type { ServiceProfile } from '../profile';
import type { Applicability, FrameworkApplicability } from './applicability';
import type { ConsulSource, InventorySource } from './facts';
import type { Severity } from './model';
import type { Evidence, OwnershipRole } from './ruleRuntime';
import type { GroupIdentity } from '../groupNames';
import type { ComplianceScore } from './score';

/** @public */
export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'unknown';

/** An accepted, time-limited exception. It expires by itself at `expiresAt`. @public */
export interface Waiver {
  checkId: string;
  expiresAt: string | Date;
  reason?: string;
}

/**
 * A reviewer's statement that a control no infrastructure can show is in place (GDPR erasure,
 * PSD2 strong customer authentication). It expires by itself at `expiresAt`.
 *
 * @public
 */
export interface Attestation {
  checkId: string;
  statement: string;
  evidenceUrl?: string;
  attestedBy: string;
  attestedAt: string | Date;
  expiresAt: string | Date;
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
  /** Set on checks a reviewer attests (the policy's `attested` checks). */
  attested?: true;
  /** The current attestation that makes an attested check pass, or the expired one that failed it. */
  attestation?: {
    attestedBy: string;
    attestedAt: string;
    expiresAt: string;
    statement: string;
    evidenceUrl?: string;
  };
}

/** @public */
export interface EvaluationInput {
  profile: ServiceProfile;
  /**
   * The catalog owner squad and its tribe, and the chapter and guild the service declares:
   * entity refs or names, or identities with their titles and display names, which labels may use
   * instead (`Squad = "Payments Squad"` names `group:default/payments-squad`).
   */
  ownership: Partial<Record<OwnershipRole, string | GroupIdentity>>;
  /**
   * The catalog's groups (with their types), when known: a label naming none of them is reported
   * as "no such group" rather than as drift.
   */
  groups?: readonly GroupIdentity[];
  /** Current and past attestations of the service's attested checks. */
  attestations?: readonly Attestation[];
  inventories: readonly InventorySource[];
  /** Absent: Consul was not read, so Consul checks are unknown. */
  consul?: ConsulSource;
  waivers?: readonly Waiver[];
  /** Defaults to the current time; only used to expire waivers and attestations. */
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
