import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  PortfolioResponse,
  PortfolioRow,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceStore } from '../database/ComplianceStore';
import type {
  ComplianceSummary,
  ComplianceSummaryStore,
  StoredComplianceResult,
  StoredComplianceSummary,
} from '../database/ComplianceSummaryStore';
import type { FactsStore } from '../database/FactsStore';
import type { GateStore, StoredGateDecision } from '../database/GateStore';
import { AffiliationGroups } from './affiliationGroups';
import type { CatalogVisibility } from './catalogVisibility';
import type { ComplianceService, EntityCompliance } from './ComplianceService';
import { parsePortfolioQuery } from './portfolioQuery';
import {
  dropRowsNotIn,
  inPortfolio,
  PORTFOLIO_FILTER,
} from './portfolioMembership';
import type { ServiceProfileService } from './ServiceProfileService';
import { summarizeCompliance } from './summarizeCompliance';

/** Evaluations in flight during a full refresh: enough to overlap catalog round trips. */
const CONCURRENCY = 4;

/** @public */
export interface PortfolioRefreshSummary {
  refreshed: number;
  removed: number;
  failed: string[];
}

/** What the portfolio reads and writes. */
interface PortfolioDeps {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  logger: LoggerService;
  compliance: Pick<ComplianceService, 'evaluateEntity'>;
  serviceProfile: ServiceProfileService;
  decisions: Pick<ComplianceStore, 'listWaivers' | 'listReviews'>;
  facts: Pick<FactsStore, 'getEntityStates'>;
  summaries: ComplianceSummaryStore;
  /** Which rows a caller may see: the services the catalog lets them read. */
  visibility: Pick<CatalogVisibility, 'visibleAmong'>;
  /** The deployment gate's decisions: each row's last one, and the `lastGate` filter. */
  gates: Pick<GateStore, 'latestDecisions' | 'entitiesByLastGate'>;
  /**
   * Refreshes many services with bulk reads (see bulkEvaluation.ts): the full pass and the
   * catalog's additions use it. Absent: one service at a time.
   */
  bulk?: {
    refreshAll(): Promise<PortfolioRefreshSummary>;
    refreshEntities(entityRefs: string[]): Promise<PortfolioRefreshSummary>;
  };
}

/** What one service's row is computed from (the portfolio's deps, or their bulk stand-ins). */
export interface SummarizeDeps {
  compliance: Pick<ComplianceService, 'evaluateEntity'>;
  serviceProfile: ServiceProfileService;
  decisions: Pick<ComplianceStore, 'listWaivers' | 'listReviews'>;
  facts: Pick<FactsStore, 'getEntityStates'>;
}

/**
 * The compliance portfolio of the review page. Verdicts are computed ahead of time into one
 * summary row per service (see {@link ComplianceSummaryStore}), so a query over thousands of
 * services is a single indexed SQL query instead of thousands of evaluations. Each row keeps
 * the full evaluation beside it, which the per-entity endpoint serves. Rows are
 * recomputed when an input changes ({@link CompliancePortfolioService.refresh}) and all of
 * them by a scheduled pass, which also catches what no event announces: waivers expiring,
 * ownership moving in the catalog, facts going stale.
 *
 * @public
 */
export class CompliancePortfolioService {
  static create(options: PortfolioDeps & { now?: () => Date }) {
    return new CompliancePortfolioService(
      options,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: PortfolioDeps,
    private readonly now: () => Date,
  ) {}

  /**
   * One page of the portfolio as the caller may see it; `raw` is the query string as it
   * arrived. Rows, the total and the facets cover only the services the caller may read in
   * the catalog: the portfolio must not tell who owns what, or what fails, to someone the
   * catalog hides the service from.
   */
  async getPortfolio(
    raw: Record<string, unknown>,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<PortfolioResponse> {
    const { lastGate, ...parsed } = parsePortfolioQuery(raw, this.now());
    const visibleEntityRefs = await this.deps.visibility.visibleAmong(
      () => this.deps.summaries.listEntityRefs(),
      credentials,
    );
    // Gate decisions change on every pipeline run, so the filter reads them live rather than
    // from the summaries: it narrows the rows the query may return to the matching services.
    const gated =
      lastGate && new Set(await this.deps.gates.entitiesByLastGate(lastGate));
    // (A gated ref without a summary row matches nothing, like a hidden one.)
    const queryRefs = gated
      ? visibleEntityRefs?.filter(r => gated.has(r)) ?? [...gated]
      : visibleEntityRefs;
    const query = { ...parsed, visibleEntityRefs: queryRefs };
    const [page, facets] = await Promise.all([
      this.deps.summaries.query(query),
      // The facets stay those of everything the caller may see, whatever the filters.
      this.deps.summaries.facets({ visibleEntityRefs }),
    ]);
    const { oldestComputedAt, ...filterValues } = facets;
    // One batched read for the page, never one per row.
    const lastGates = await this.deps.gates.latestDecisions(
      page.items.map(s => s.entityRef),
    );
    return {
      items: page.items.map(s => toPortfolioRow(s, lastGates.get(s.entityRef))),
      totalCount: page.totalCount,
      offset: query.offset,
      limit: query.limit,
      facets: filterValues,
      generatedAt: (oldestComputedAt ?? query.now).toISOString(),
    };
  }

  /**
   * Recomputes one service's row and stored result, returning the result; removes them when
   * the entity is no longer a service, returning nothing.
   */
  async refresh(entityRef: string): Promise<EntityCompliance | undefined> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!inPortfolio(entity)) {
      await this.deps.summaries.delete([entityRef]);
      return undefined;
    }
    const groups = await AffiliationGroups.load(this.deps.catalog, credentials);
    const { summary, result } = await this.summarize(
      entity,
      groups,
      credentials,
    );
    await this.deps.summaries.upsert(summary, result);
    return result.result;
  }

  /** Recomputes the rows of the services whose verdict used any of these fact sources. */
  async refreshSources(sources: string[]): Promise<void> {
    // In bulk: a shared state read by many services changes all their rows at once.
    const { failed } = await this.refreshEntities(
      await this.deps.summaries.entitiesForSources(sources),
    );
    if (failed.length) {
      throw new Error(`Compliance summaries failed for ${failed.join(', ')}`);
    }
  }

  /**
   * Recomputes the rows of these services (added to the catalog, say) and drops those of the
   * ones that are no longer services.
   */
  async refreshEntities(
    entityRefs: string[],
  ): Promise<PortfolioRefreshSummary> {
    if (this.deps.bulk) return this.deps.bulk.refreshEntities(entityRefs);
    const result: PortfolioRefreshSummary = {
      refreshed: 0,
      removed: 0,
      failed: [],
    };
    for (const entityRef of entityRefs) {
      try {
        if (await this.refresh(entityRef)) result.refreshed += 1;
        else result.removed += 1;
      } catch (error) {
        this.deps.logger.warn(
          `Compliance summary of ${entityRef} failed: ${error}`,
        );
        result.failed.push(entityRef);
      }
    }
    return result;
  }

  /** Recomputes every row and drops the rows of services gone from the catalog. */
  async refreshAll(): Promise<PortfolioRefreshSummary> {
    if (this.deps.bulk) return this.deps.bulk.refreshAll();
    return this.refreshAllOneByOne();
  }

  /**
   * {@link CompliancePortfolioService.refreshAll} one service at a time, as before the bulk
   * pass: the reference the bulk pass is compared with (tests, bench).
   */
  async refreshAllOneByOne(): Promise<PortfolioRefreshSummary> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: PORTFOLIO_FILTER,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.title',
          'spec.type',
        ],
      },
      { credentials },
    );
    // Read once per pass: a renamed chapter or guild reaches every row on the same pass.
    const groups = await AffiliationGroups.load(this.deps.catalog, credentials);
    const result: PortfolioRefreshSummary = {
      refreshed: 0,
      removed: 0,
      failed: [],
    };
    const queue = [...items];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        const entityRef = stringifyEntityRef(entity);
        try {
          const { summary, result: stored } = await this.summarize(
            entity,
            groups,
            credentials,
          );
          await this.deps.summaries.upsert(summary, stored);
          result.refreshed += 1;
        } catch (error) {
          // One broken service must not keep the others stale; its old row stays meanwhile.
          this.deps.logger.warn(
            `Compliance summary of ${entityRef} failed: ${error}`,
          );
          result.failed.push(entityRef);
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker),
    );

    const present = new Set(items.map(e => stringifyEntityRef(e)));
    result.removed = await dropRowsNotIn(this.deps.summaries, present);
    return result;
  }

  private summarize(
    entity: Entity,
    groups: AffiliationGroups,
    credentials: BackstageCredentials,
  ): Promise<{ summary: ComplianceSummary; result: StoredComplianceResult }> {
    return summarizeService(this.deps, entity, groups, {
      credentials,
      now: this.now(),
    });
  }
}

/**
 * One service's row and stored result, read through `deps`: the per-entity path and the bulk
 * pass both call this, so they compute rows alike.
 */
export async function summarizeService(
  deps: SummarizeDeps,
  entity: Entity,
  groups: AffiliationGroups,
  { credentials, now }: { credentials: BackstageCredentials; now: Date },
): Promise<{ summary: ComplianceSummary; result: StoredComplianceResult }> {
  const entityRef = stringifyEntityRef(entity);
  const ref = parseEntityRef(entityRef);
  // Ownership as the service page resolves it: owner squad and that squad's tribe.
  const { ownership, profile } = await deps.serviceProfile.getProfile(ref, {
    credentials,
  });
  const [evaluation, waivers, reviews, states] = await Promise.all([
    deps.compliance.evaluateEntity(ref, { credentials }),
    deps.decisions.listWaivers(entityRef),
    deps.decisions.listReviews(entityRef),
    deps.facts.getEntityStates(entityRef),
  ]);
  const summary = summarizeCompliance({
    entity: {
      entityRef,
      name: entity.metadata.name,
      title: entity.metadata.title,
    },
    ownership: {
      squad: ownership.squad?.entityRef,
      tribe: ownership.tribe?.entityRef,
      // The annotations name chapters and guilds as people write them ("Backend Engineering",
      // "backend-engineering-chapter"); the row keeps the group's ref, which filters use.
      chapter: groups.resolve('chapter', profile.chapter),
      guild: groups.resolve('guild', profile.guild),
    },
    evaluation: evaluation.result,
    waivers,
    reviews,
    sources: [
      ...states.map(s => `state:${s}`),
      ...(profile.consulService ? [`consul:${profile.consulService}`] : []),
    ],
    now,
  });
  return { summary, result: evaluation };
}

function toPortfolioRow(
  s: StoredComplianceSummary,
  gate?: StoredGateDecision,
): PortfolioRow {
  return {
    entityRef: s.entityRef,
    name: s.name,
    title: s.title,
    squad: s.squad,
    tribe: s.tribe,
    chapter: s.chapter,
    guild: s.guild,
    status: s.status,
    score: s.score,
    failingChecks: s.failingChecks,
    frameworks: s.frameworks,
    waivers: {
      active: s.waivers.active,
      expiringSoon: s.waivers.expiringSoon,
      nextExpiry: s.waivers.nextExpiry?.toISOString(),
    },
    attestations: {
      applicable: s.attestations.applicable,
      current: s.attestations.current,
      awaiting: s.attestations.awaiting,
      expired: s.attestations.expired,
      nextExpiry: s.attestations.nextExpiry?.toISOString(),
    },
    lastReview: s.lastReview && {
      at: s.lastReview.at.toISOString(),
      reviewer: s.lastReview.reviewer,
      decision: s.lastReview.decision,
    },
    lastGate: gate && {
      decisionId: gate.id,
      environment: gate.environment,
      allowed: gate.allowed,
      decidedAt: gate.createdAt.toISOString(),
    },
    stale: s.stale,
  };
}
