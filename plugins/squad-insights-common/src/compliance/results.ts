import type { WireSchemas } from '../api';
import type { ServiceProfile } from '../profile';
import type { ConsulSource, InventorySource } from './facts';
import type { OwnershipRole } from './ruleRuntime';
import type { GroupIdentity } from '../groupNames';
import type { ComplianceScore } from './score';

/** @public */
export type CheckStatus = CheckResult['status'];

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

/**
 * The result of one check for one service. Defined by the backend's OpenAPI spec, which the
 * backend answers it in.
 *
 * @public
 */
export type CheckResult = WireSchemas['CheckResult'];

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
  frameworks: WireSchemas['FrameworkResult'][];
  parameters: WireSchemas['ResolvedParameters'];
  checks: CheckResult[];
  /** Over all checks of the service. */
  score: ComplianceScore;
}
