import type { GateReason } from '@squad-insights/backstage-plugin-squad-insights-common';

/** A stored gate decision. @public */
export interface StoredGateDecision {
  id: string;
  entityRef: string;
  environment: string;
  commit: string;
  allowed: boolean;
  reasons: GateReason[];
  caller: string;
  overrideId?: string;
  createdAt: Date;
}

/** A break-glass override of a denied decision. @public */
export interface StoredGateOverride {
  id: string;
  decisionId: string;
  entityRef: string;
  environment: string;
  commit: string;
  reason: string;
  grantedBy: string;
  grantedAt: Date;
  expiresAt: Date;
  consumedBy?: string;
  consumedAt?: Date;
}

/**
 * Storage of gate decisions and overrides. No delete and no update but consuming an override
 * once: the history of who deployed past what cannot be rewritten through this interface.
 *
 * @public
 */
export interface GateStore {
  /** Stores a decision; with `overrideId`, consumes that override in the same transaction. */
  insertDecision(
    decision: Omit<StoredGateDecision, 'id'>,
  ): Promise<StoredGateDecision>;
  getDecision(id: string): Promise<StoredGateDecision | undefined>;
  /** The entity's latest decisions, newest first. */
  listDecisions(
    entityRef: string,
    limit: number,
  ): Promise<StoredGateDecision[]>;
  /** The latest decision of each of these entities (for the portfolio). */
  latestDecisions(
    entityRefs: string[],
  ): Promise<Map<string, StoredGateDecision>>;
  /**
   * Every entity whose latest decision (same tie-break as {@link GateStore.latestDecisions})
   * had this outcome, for the portfolio's `lastGate` filter.
   */
  entitiesByLastGate(outcome: 'allowed' | 'denied'): Promise<string[]>;
  insertOverride(
    override: Omit<StoredGateOverride, 'id' | 'consumedBy' | 'consumedAt'>,
  ): Promise<StoredGateOverride>;
  /** Unconsumed overrides for this deploy that have not expired at `now`, oldest first. */
  findUsableOverride(
    target: { entityRef: string; environment: string; commit: string },
    now: Date,
  ): Promise<StoredGateOverride | undefined>;
  /** Overrides granted for the entity, newest first. */
  listOverrides(entityRef: string): Promise<StoredGateOverride[]>;
}
