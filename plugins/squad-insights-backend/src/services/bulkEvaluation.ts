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
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SQUAD_GROUP_ANNOTATIONS,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { AttestationStore } from '../database/AttestationStore';
import type { ComplianceStore } from '../database/ComplianceStore';
import type { ComplianceSummaryStore } from '../database/ComplianceSummaryStore';
import type {
  ConsulSnapshot,
  FactsStore,
  StateSnapshot,
} from '../database/FactsStore';
import { BATCH_SIZE, inBatches } from '../database/inBatches';
import { AffiliationGroups } from './affiliationGroups';
import {
  PortfolioRefreshSummary,
  summarizeService,
} from './CompliancePortfolioService';
import {
  dropRowsNotIn,
  inPortfolio,
  PORTFOLIO_FILTER,
} from './portfolioMembership';
import type { ComplianceService } from './ComplianceService';
import { PrefetchedCatalog } from './prefetchedCatalog';
import type { ServiceProfileService } from './ServiceProfileService';

/** What an evaluation reads; the bulk pass hands in stand-ins answering from bulk reads. */
export interface EvaluationSources {
  catalog: CatalogService;
  facts: FactsStore;
  decisions: ComplianceStore;
  attestations: AttestationStore;
}

/**
 * The services the per-entity path evaluates with, built over other sources. The bulk pass
 * runs the very same code over its stand-ins, so its rows cannot drift from `refresh`'s.
 */
export type EvaluatorOver = (sources: EvaluationSources) => {
  compliance: Pick<ComplianceService, 'evaluateEntity'>;
  serviceProfile: ServiceProfileService;
};

/**
 * The store with some reads answered from `answers`; every other member is the store's own.
 */
function answering<T extends object>(store: T, answers: Partial<T>): T {
  return new Proxy(store, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(answers, key)) {
        return answers[key as keyof T];
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A per-entity list read in bulk: an entity the bulk read did not cover is read alone. */
function listOf<T>(
  found: Map<string, T[]>,
  covered: Set<string>,
  readOne: (entityRef: string) => Promise<T[]>,
) {
  return async (entityRef: string): Promise<T[]> =>
    covered.has(entityRef)
      ? [...(found.get(entityRef) ?? [])]
      : readOne(entityRef);
}

/** The contact annotations of a squad group, whose refs a profile resolves. */
const CONTACT_ANNOTATIONS = [
  SQUAD_GROUP_ANNOTATIONS.technicalContact,
  SQUAD_GROUP_ANNOTATIONS.businessContact,
  SQUAD_GROUP_ANNOTATIONS.onCall,
];

/**
 * Refs a group's contact annotations may name: only a hint of what to read ahead (whatever
 * is missed is read when asked for), so it errs on reading too much.
 */
function contactRefs(group: Entity): string[] {
  const namespace = group.metadata.namespace ?? 'default';
  return CONTACT_ANNOTATIONS.flatMap(annotation =>
    (group.metadata.annotations?.[annotation] ?? '')
      .split(',')
      .map(v => v.trim())
      .filter(v => v && !v.includes('@'))
      .flatMap(value => {
        try {
          return [
            stringifyEntityRef(
              parseEntityRef(value, {
                defaultKind: 'user',
                defaultNamespace: namespace,
              }),
            ),
          ];
        } catch {
          return [];
        }
      }),
  );
}

/** The owner a service names, in full form, as the profile reads it. */
function ownerOf(entity: Entity): string[] {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return [];
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace,
        }),
      ),
    ];
  } catch {
    return [];
  }
}

/**
 * The portfolio's full pass in bulk. Per page of services (a few hundred): the catalog's
 * entities come with the page, groups are read once per pass, and facts, waivers, reviews,
 * attestations and entity states are read with one query per table; the evaluation then
 * runs in memory, through the same code as `CompliancePortfolioService.refresh`, and the
 * page's rows are written in one transaction. Thousands of services take seconds instead of
 * thousands of catalog and database round trips each.
 */
export class BulkPortfolioRefresh {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    facts: FactsStore;
    decisions: ComplianceStore;
    attestations: AttestationStore;
    summaries: ComplianceSummaryStore;
    evaluatorOver: EvaluatorOver;
    /** Services per page: read, evaluated and written together. */
    batchSize?: number;
    now?: () => Date;
  }) {
    return new BulkPortfolioRefresh(
      options,
      options.batchSize ?? BATCH_SIZE,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      facts: FactsStore;
      decisions: ComplianceStore;
      attestations: AttestationStore;
      summaries: ComplianceSummaryStore;
      evaluatorOver: EvaluatorOver;
    },
    private readonly batchSize: number,
    private readonly now: () => Date,
  ) {}

  /** Recomputes every row and drops the rows of services gone from the catalog. */
  async refreshAll(): Promise<PortfolioRefreshSummary> {
    const pass = await this.startPass();
    const result: PortfolioRefreshSummary = {
      refreshed: 0,
      removed: 0,
      failed: [],
    };
    const present = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.batchSize }
          : { filter: PORTFOLIO_FILTER, limit: this.batchSize },
        { credentials: pass.credentials },
      );
      page.items.forEach(e => present.add(stringifyEntityRef(e)));
      await this.refreshBatch(pass, page.items, result);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    result.removed = await dropRowsNotIn(this.deps.summaries, present);
    return result;
  }

  /**
   * Recomputes the rows of these services and drops those of refs that are no longer
   * services in the catalog (gone, or changed kind or type).
   */
  async refreshEntities(
    entityRefs: string[],
  ): Promise<PortfolioRefreshSummary> {
    const result: PortfolioRefreshSummary = {
      refreshed: 0,
      removed: 0,
      failed: [],
    };
    const refs = [...new Set(entityRefs)];
    if (!refs.length) return result;
    const pass = await this.startPass();
    for (const batch of inBatches(refs, this.batchSize)) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials: pass.credentials },
      );
      const gone = batch.filter((_, i) => !inPortfolio(items[i]));
      await this.deps.summaries.delete(gone);
      result.removed += gone.length;
      await this.refreshBatch(pass, items.filter(inPortfolio), result);
    }
    return result;
  }

  /** What every page of a pass shares: the catalog's groups, read once. */
  private async startPass() {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const catalog = new PrefetchedCatalog(this.deps.catalog, credentials);
    const groups = await catalog.loadKind('group');
    // The users squads name as contacts, in a few queries rather than one per profile.
    await catalog.prefetch(groups.flatMap(contactRefs));
    return {
      credentials,
      catalog,
      // Read once per pass, as in the per-entity pass.
      affiliations: await AffiliationGroups.load(catalog.client, credentials),
    };
  }

  private async refreshBatch(
    pass: {
      credentials: BackstageCredentials;
      catalog: PrefetchedCatalog;
      affiliations: AffiliationGroups;
    },
    entities: Entity[],
    result: PortfolioRefreshSummary,
  ): Promise<void> {
    if (!entities.length) return;
    const { catalog, credentials, affiliations } = pass;
    catalog.add(entities);
    const sources = await this.readSources(entities);
    // Whom the evaluation looks up besides groups: owners that are users, and the authors of
    // waivers and attestations (separation of duties).
    await catalog.prefetch([
      ...entities.flatMap(ownerOf),
      ...[...sources.waivers.values()].flat().map(w => w.grantedBy),
      ...[...sources.attestations.values()].flat().map(a => a.attestedBy),
    ]);
    const decisions = answering(this.deps.decisions, {
      listWaivers: listOf(sources.waivers, sources.covered, r =>
        this.deps.decisions.listWaivers(r),
      ),
      listReviews: listOf(sources.reviews, sources.covered, r =>
        this.deps.decisions.listReviews(r),
      ),
    });
    const attestations = answering(this.deps.attestations, {
      listAttestations: listOf(sources.attestations, sources.covered, r =>
        this.deps.attestations.listAttestations(r),
      ),
    });
    const facts = answering(this.deps.facts, {
      getEntityStates: listOf(sources.states, sources.covered, r =>
        this.deps.facts.getEntityStates(r),
      ),
      getStateSnapshots: async (references: string[]) => {
        const missing = references.filter(r => !sources.snapshots.has(r));
        const read = missing.length
          ? await this.deps.facts.getStateSnapshots(missing)
          : [];
        return [
          ...references.flatMap(r => sources.snapshots.get(r) ?? []),
          ...read,
        ];
      },
      getConsulSnapshot: async (serviceName: string) =>
        sources.consulNames.has(serviceName)
          ? sources.consul.get(serviceName)
          : this.deps.facts.getConsulSnapshot(serviceName),
    });
    const evaluator = this.deps.evaluatorOver({
      catalog: catalog.client,
      facts,
      decisions,
      attestations,
    });
    const summarizeDeps = { ...evaluator, decisions, facts };
    const rows = await Promise.all(
      entities.map(async entity => {
        try {
          return await summarizeService(summarizeDeps, entity, affiliations, {
            credentials,
            now: this.now(),
          });
        } catch (error) {
          // One broken service must not keep the others stale; its old row stays meanwhile.
          const entityRef = stringifyEntityRef(entity);
          this.deps.logger.warn(
            `Compliance summary of ${entityRef} failed: ${error}`,
          );
          result.failed.push(entityRef);
          return undefined;
        }
      }),
    );
    const written = rows.filter(<T>(r: T | undefined): r is T => Boolean(r));
    await this.deps.summaries.upsertMany(written);
    result.refreshed += written.length;
  }

  /** The stored inputs of these services, one query per table. */
  private async readSources(entities: Entity[]) {
    const refs = entities.map(e => stringifyEntityRef(e));
    const [states, waivers, reviews, attestations] = await Promise.all([
      this.deps.facts.getEntityStatesOf(refs),
      this.deps.decisions.listWaiversOf(refs),
      this.deps.decisions.listReviewsOf(refs),
      this.deps.attestations.listAttestationsOf(refs),
    ]);
    // The states the scanner last recorded for them: what the evaluation will most likely ask
    // for (a reference it asks for beyond these is read when asked).
    const references = [...new Set([...states.values()].flat())];
    // Consul's name for a service, as the facts read it: the annotation, else the entity name.
    const consulNames = new Set(
      entities.map(
        e =>
          e.metadata.annotations?.[
            SQUAD_INSIGHTS_ANNOTATIONS.consulService
          ]?.trim() || e.metadata.name,
      ),
    );
    const [snapshotList, consul] = await Promise.all([
      this.deps.facts.getStateSnapshots(references),
      this.deps.facts.getConsulSnapshots([...consulNames]),
    ]);
    const snapshots = new Map<string, StateSnapshot[]>(
      references.map(r => [r, []]),
    );
    snapshotList.forEach(s => snapshots.get(s.reference)?.push(s));
    return {
      covered: new Set(refs),
      states,
      waivers,
      reviews,
      attestations,
      snapshots,
      consulNames,
      consul: consul as Map<string, ConsulSnapshot>,
    };
  }
}
