import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  FactFreshness,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { TerraformStateReader } from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore, StateSnapshot } from '../database/FactsStore';
import type { StateIngester } from '../ingestion/StateIngester';

/**
 * Freshness of one fact; the same shape the frontend reads.
 *
 * @public
 */
export type Freshness = FactFreshness;

/** @public */
export interface EntityFacts {
  entityRef: string;
  states: Array<{ reference: string; freshness: Freshness; inventory: StateSnapshot['inventory'] }>;
  /** Absent when the portal runs without Consul. */
  consul?: { serviceName: string; freshness: Freshness; view?: unknown };
  problems: string[];
}

/** What the service works with. */
interface FactsDeps {
  catalog: typeof catalogServiceRef.T;
  reader: Pick<TerraformStateReader, 'resolve'>;
  store: FactsStore;
  ingester: StateIngester;
  staleAfterSeconds: number;
  consulEnabled?: boolean;
}

/**
 * Answers what is known about an entity, with each fact's freshness. It answers from
 * storage, so a source fault never turns into an error here: the last good facts are
 * returned, marked stale, with the error.
 *
 * @public
 */
export class FactsService {
  static create(options: FactsDeps & { now?: () => Date }) {
    return new FactsService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly options: FactsDeps,
    private readonly now: () => Date,
  ) {}

  async getEntityFacts(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityFacts> {
    const { references, problems, entityRef, consulService } = await this.references(
      ref,
      credentials,
    );
    const snapshots = await this.options.store.getStateSnapshots(references);
    const byRef = new Map(snapshots.map(s => [s.reference, s]));
    return {
      entityRef,
      problems,
      consul: this.options.consulEnabled ? await this.consulFacts(consulService) : undefined,
      states: references.map(reference => {
        const snap = byRef.get(reference);
        if (!snap) {
          return {
            reference,
            freshness: { stale: true, lastError: 'not read yet' },
            inventory: { status: 'no-state', format: 'empty', resources: [], outputs: {} },
          };
        }
        return { reference, freshness: this.freshness(snap), inventory: snap.inventory };
      }),
    };
  }

  async refreshEntity(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityFacts> {
    const { references, entityRef } = await this.references(ref, credentials);
    await this.options.store.setEntityStates(entityRef, references);
    await this.options.ingester.ingest(references, { force: true });
    return this.getEntityFacts(ref, { credentials });
  }

  /**
   * When the first of these facts that is fresh now turns stale by age alone, unless a newer
   * check comes first. A result judged from the facts holds no longer than that.
   */
  freshUntil(facts: Pick<EntityFacts, 'states'>): Date | undefined {
    const times = facts.states
      .filter(s => !s.freshness.stale && s.freshness.checkedAt)
      .map(s => Date.parse(s.freshness.checkedAt!) + this.options.staleAfterSeconds * 1000);
    return times.length ? new Date(Math.min(...times)) : undefined;
  }

  async listServices(options: { offset: number; limit: number }) {
    const page = await this.options.store.listEntities(options);
    const snapshots = await this.options.store.getStateSnapshots(
      page.items.flatMap(i => i.references),
    );
    const byRef = new Map(snapshots.map(s => [s.reference, s]));
    return {
      ...options,
      totalCount: page.totalCount,
      items: page.items.map(({ entityRef, references }) => {
        const snaps = references.map(r => byRef.get(r));
        const readAts = snaps.filter(Boolean).map(s => s!.readAt.getTime());
        return {
          entityRef,
          references,
          stale: snaps.some(s => !s || this.freshness(s).stale),
          oldestReadAt: readAts.length ? new Date(Math.min(...readAts)).toISOString() : undefined,
        };
      }),
    };
  }

  private async consulFacts(serviceName: string) {
    const snap = await this.options.store.getConsulSnapshot(serviceName);
    if (!snap?.readAt) {
      return {
        serviceName,
        freshness: { stale: true, lastError: snap?.lastError ?? 'not read yet', lastErrorAt: snap?.lastErrorAt?.toISOString() },
      };
    }
    return {
      serviceName,
      // null view: Consul answered that the service is not registered.
      view: snap.view ?? undefined,
      freshness: {
        readAt: snap.readAt.toISOString(),
        ageSeconds: Math.round((this.now().getTime() - snap.readAt.getTime()) / 1000),
        marker: snap.consulIndex === undefined ? undefined : String(snap.consulIndex),
        stale: Boolean(snap.lastError),
        lastError: snap.lastError,
        lastErrorAt: snap.lastErrorAt?.toISOString(),
      },
    };
  }

  private freshness(snap: StateSnapshot): Freshness {
    const now = this.now().getTime();
    const never = snap.readAt.getTime() === 0;
    const checkedAge = (now - snap.checkedAt.getTime()) / 1000;
    return {
      readAt: never ? undefined : snap.readAt.toISOString(),
      checkedAt: snap.checkedAt.toISOString(),
      ageSeconds: never ? undefined : Math.round((now - snap.readAt.getTime()) / 1000),
      marker: snap.marker,
      stale: never || Boolean(snap.lastError) || checkedAge > this.options.staleAfterSeconds,
      lastError: snap.lastError,
      lastErrorAt: snap.lastErrorAt?.toISOString(),
    };
  }

  private async references(ref: CompoundEntityRef, credentials: BackstageCredentials) {
    // Reading through the catalog with the caller's credentials applies catalog permissions.
    const entity = await this.options.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} in the catalog`);
    }
    const raw = entity.metadata.annotations?.[SQUAD_INSIGHTS_ANNOTATIONS.terraformState] ?? '';
    const references: string[] = [];
    const problems: string[] = [];
    for (const value of raw.split(',').map(v => v.trim()).filter(Boolean)) {
      try {
        const { sourceId, key } = this.options.reader.resolve(value);
        references.push(`${sourceId}:${key}`);
      } catch (e) {
        problems.push(`${SQUAD_INSIGHTS_ANNOTATIONS.terraformState}: ${(e as Error).message}`);
      }
    }
    const consulService =
      entity.metadata.annotations?.[SQUAD_INSIGHTS_ANNOTATIONS.consulService]?.trim() ||
      entity.metadata.name;
    return { entityRef: stringifyEntityRef(entity), references, problems, consulService };
  }
}
