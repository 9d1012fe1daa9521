import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  ComplianceSummaryStore,
  StoredComplianceResult,
} from '../database/ComplianceSummaryStore';
import type { CompliancePortfolioService } from './CompliancePortfolioService';
import type { ComplianceService, EntityCompliance } from './ComplianceService';
import { callerCachedCatalog } from './callerCachedCatalog';

interface ResultsDeps {
  catalog: typeof catalogServiceRef.T;
  compliance: Pick<ComplianceService, 'getEntityCompliance'>;
  portfolio: Pick<CompliancePortfolioService, 'refresh'>;
  results: Pick<ComplianceSummaryStore, 'getResult'>;
}

/**
 * Serves `GET .../compliance` from the evaluations the portfolio stores whenever an input
 * changes (facts, waivers, reviews; see `events/refreshPortfolioOnEvents`), so a page view costs a
 * catalog lookup and a row read rather than an evaluation.
 *
 * A stored result is evaluated again, and stored, when there is none yet and when it has
 * passed its `validUntil` (a waiver it applied expired, or a fact it judged fresh turned stale
 * by age); the request waits for it. One judged from stale facts `recheckStaleMs` ago or more
 * (default 30 seconds) is evaluated again in the background, as a failing source recovers
 * without an event that would refresh it; until then it is served, marked stale. A source that
 * stays down (or a refused binding, stale for good) so costs one evaluation per interval, not
 * one per page view, and no view waits for it. Entities outside the portfolio (not services)
 * are evaluated per request, as nothing keeps a stored result of theirs current.
 *
 * @public
 */
export class ComplianceResultsService {
  /** Evaluations running for a request, so concurrent first views evaluate once. */
  private readonly inFlight = new Map<
    string,
    Promise<EntityCompliance | undefined>
  >();

  static create(
    options: ResultsDeps & { now?: () => Date; recheckStaleMs?: number },
  ) {
    return new ComplianceResultsService(
      // The visibility lookup is the one catalog read of a page view: remembered per caller
      // for a few seconds, like the other per-entity routes' (callerCachedCatalog says why).
      { ...options, catalog: callerCachedCatalog(options.catalog) },
      options.now ?? (() => new Date()),
      options.recheckStaleMs ?? 30_000,
    );
  }

  private constructor(
    private readonly deps: ResultsDeps,
    private readonly now: () => Date,
    private readonly recheckStaleMs: number,
  ) {}

  async getEntityCompliance(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance> {
    // Stored results are computed with the plugin's own credentials; reading the entity with
    // the caller's keeps catalog permissions in force (404 for an entity they may not see).
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const stored = await this.deps.results.getResult(entityRef);
    const standing = stored && this.standing(stored);
    if (standing === 'holds') return stored!.result;
    if (standing === 'recheck') {
      // It says it is stale, which stays true until the evaluation shows otherwise: served as
      // it is while that runs in the background, and the next view shows the new result. A
      // failed evaluation leaves it stored; a later view tries again.
      this.refreshOnce(entityRef).catch(() => undefined);
      return stored!.result;
    }
    const refreshed = await this.refreshOnce(entityRef);
    return (
      refreshed ??
      this.deps.compliance.getEntityCompliance(ref, { credentials })
    );
  }

  /**
   * `holds`: served as stored. `recheck`: judged from stale facts `recheckStaleMs` ago or
   * more, evaluated again. `expired`: past its `validUntil` (a waiver it applied has expired),
   * so it is wrong now and never served.
   */
  private standing(
    stored: StoredComplianceResult,
  ): 'holds' | 'recheck' | 'expired' {
    const now = this.now();
    if (stored.validUntil && stored.validUntil <= now) return 'expired';
    if (!stored.result.stale) return 'holds';
    const evaluatedAt = Date.parse(stored.result.evaluatedAt);
    // An unreadable time counts as long ago.
    return Number.isFinite(evaluatedAt) &&
      now.getTime() - evaluatedAt < this.recheckStaleMs
      ? 'holds'
      : 'recheck';
  }

  private refreshOnce(
    entityRef: string,
  ): Promise<EntityCompliance | undefined> {
    let running = this.inFlight.get(entityRef);
    if (!running) {
      running = this.deps.portfolio
        .refresh(entityRef)
        .finally(() => this.inFlight.delete(entityRef));
      this.inFlight.set(entityRef, running);
    }
    return running;
  }
}
