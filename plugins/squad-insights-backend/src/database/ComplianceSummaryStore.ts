import type {
  EntityComplianceResponse,
  PortfolioQuery,
  PortfolioRow,
  PortfolioSortField,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The compliance verdict of one service as the portfolio shows it, computed ahead of time.
 *
 * @public
 */
export interface ComplianceSummary
  // The last gate decision is not part of the verdict: it is read from the gate store per page.
  extends Omit<
    PortfolioRow,
    'waivers' | 'attestations' | 'lastReview' | 'lastGate'
  > {
  waivers: { active: number; expiringSoon: number; nextExpiry?: Date };
  attestations: Omit<PortfolioRow['attestations'], 'nextExpiry'> & {
    nextExpiry?: Date;
  };
  lastReview?: {
    at: Date;
    reviewer: string;
    decision: 'approved' | 'changes_requested';
  };
  stale: boolean;
  /** Fact sources the verdict was computed from: `state:<reference>`, `consul:<service>`. */
  sources: string[];
  /** Ids of the checks failing without an active waiver, for the filter by check. */
  failingCheckIds: string[];
  computedAt: Date;
}

/** A summary as queries return it, without the lookup keys kept beside it. @public */
export type StoredComplianceSummary = Omit<
  ComplianceSummary,
  'sources' | 'failingCheckIds'
>;

/**
 * The full evaluation of a service, as `GET .../compliance` serves it, stored beside its
 * summary.
 *
 * @public
 */
export interface StoredComplianceResult {
  result: EntityComplianceResponse;
  /** When the result stops holding by time alone (a waiver expires, a fact turns stale). */
  validUntil?: Date;
}

/**
 * A portfolio query with defaults applied and values checked, as the store runs it.
 *
 * @public
 */
export type SummaryQuery = Omit<
  PortfolioQuery,
  'sort' | 'order' | 'offset' | 'limit' | 'lastGate'
> & {
  sort: PortfolioSortField;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** The time `expiringWithinDays` and `attestation` count from. */
  now: Date;
  /**
   * Only these services (the ones the caller may read in the catalog); every service when
   * absent.
   */
  visibleEntityRefs?: readonly string[];
};

/**
 * Storage of the per-service compliance summaries behind the portfolio query.
 *
 * @public
 */
export interface ComplianceSummaryStore {
  /**
   * Writes the summary of a service and the full result it was computed from, replacing the
   * previous ones. Without a result, a stored one is removed: it would no longer agree.
   */
  upsert(
    summary: ComplianceSummary,
    result?: StoredComplianceResult,
  ): Promise<void>;
  /** {@link ComplianceSummaryStore.upsert} of many services in one transaction. */
  upsertMany(
    rows: Array<{
      summary: ComplianceSummary;
      result?: StoredComplianceResult;
    }>,
  ): Promise<void>;
  /** Removes the summary and result of a service that left the portfolio. */
  delete(entityRefs: string[]): Promise<void>;
  /** The stored full result of a service, if any. */
  getResult(entityRef: string): Promise<StoredComplianceResult | undefined>;
  /** Every service with a summary, for pruning the ones gone from the catalog. */
  listEntityRefs(): Promise<string[]>;
  /** Services whose last summary was computed from any of these fact sources. */
  entitiesForSources(sources: string[]): Promise<string[]>;
  query(
    query: SummaryQuery,
  ): Promise<{ items: StoredComplianceSummary[]; totalCount: number }>;
  /**
   * The values the filters can take over all summaries (or over the visible ones only), and
   * when the oldest was computed.
   */
  facets(options?: { visibleEntityRefs?: readonly string[] }): Promise<{
    tribes: string[];
    squads: string[];
    chapters: string[];
    guilds: string[];
    frameworks: Array<{ id: string; title: string }>;
    oldestComputedAt?: Date;
  }>;
}
