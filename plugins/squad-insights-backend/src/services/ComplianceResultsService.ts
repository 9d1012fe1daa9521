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

interface ResultsDeps {
  catalog: typeof catalogServiceRef.T;
  compliance: Pick<ComplianceService, 'getEntityCompliance'>;
  portfolio: Pick<CompliancePortfolioService, 'refresh'>;
  results: Pick<ComplianceSummaryStore, 'getResult'>;
}

/**
 * Serves `GET .../compliance` from the evaluations the portfolio stores whenever an input
 * changes (facts, waivers, reviews; see `PortfolioRefreshTriggers`), so a page view costs a
 * catalog lookup and a row read rather than an evaluation.
 *
 * A stored result is evaluated again, and stored, when there is none yet, when it has passed
 * its `validUntil` (a waiver it applied expired, or a fact it judged fresh turned stale by
 * age) and when it was judged from stale facts: a failing source recovers without an event
 * that would refresh it. Entities outside the portfolio (not services) are evaluated per
 * request, as nothing keeps a stored result of theirs current.
 *
 * @public
 */
export class ComplianceResultsService {
  /** Evaluations running for a request, so concurrent first views evaluate once. */
  private readonly inFlight = new Map<
    string,
    Promise<EntityCompliance | undefined>
  >();

  static create(options: ResultsDeps & { now?: () => Date }) {
    return new ComplianceResultsService(
      options,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: ResultsDeps,
    private readonly now: () => Date,
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
    if (stored && this.holds(stored)) {
      return stored.result;
    }
    const refreshed = await this.refreshOnce(entityRef);
    return (
      refreshed ??
      this.deps.compliance.getEntityCompliance(ref, { credentials })
    );
  }

  private holds(stored: StoredComplianceResult): boolean {
    if (stored.result.stale) return false;
    return !stored.validUntil || stored.validUntil > this.now();
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
