import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  bindingProblem,
  EntityFactsResponse,
  FactBinding,
  FactFreshness,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  ConsulServiceView,
  StateBindingPolicy,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore, StateSnapshot } from '../database/FactsStore';
import type { StateIngester } from '../ingestion/StateIngester';
import type { CatalogVisibility } from './catalogVisibility';
import type { CatalogGroupDirectory } from './CatalogGroupDirectory';
import {
  entityStateBindings,
  factBinding,
  owningGroup,
} from './entityBindings';

/**
 * Freshness of one fact; the same shape the frontend reads.
 *
 * @public
 */
export type Freshness = FactFreshness;

/**
 * What the API answers about an entity's facts (the spec's EntityFacts). A refused binding is
 * listed in `states` (or `consul`) as stale with no inventory, and in `problems`.
 *
 * @public
 */
export type EntityFacts = EntityFactsResponse;

const EMPTY_INVENTORY = (): StateSnapshot['inventory'] => ({
  status: 'no-state',
  format: 'empty',
  resources: [],
  outputs: {},
});

/** What the service works with. */
interface FactsDeps {
  catalog: typeof catalogServiceRef.T;
  reader: Pick<TerraformStateReader, 'resolve'>;
  store: FactsStore;
  ingester: StateIngester;
  staleAfterSeconds: number;
  consulEnabled?: boolean;
  /** Which entity may bind which state or Consul service. */
  bindings: Pick<StateBindingPolicy, 'decideState' | 'decideConsul'>;
  /** The catalog's groups, to compare Consul's owner with the owning group's titles. */
  groups?: Pick<CatalogGroupDirectory, 'list'>;
  /** Which entities a caller may see in the list of services: those the catalog lets them read. */
  visibility: Pick<CatalogVisibility, 'visibleAmong'>;
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
    options: { credentials: BackstageCredentials },
  ): Promise<EntityFacts> {
    return (await this.getVersionedEntityFacts(ref, options)).facts;
  }

  /**
   * The facts with a version that names exactly this answer, so the bytes of an answer may be
   * reused while the version stays (see versionedAnswers.ts). The version is the answer with
   * each inventory replaced by the id of the committed read it is (its generation), so it moves
   * with every new read, check, error, binding decision and Consul index, and once more when a
   * fact turns stale by age. The answer names instants (`readAt`, `checkedAt`), never an age in
   * seconds, so it holds still between those: the reader computes the age when it shows it.
   * No version when an inventory has no id.
   */
  async getVersionedEntityFacts(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<{ facts: EntityFacts; version?: string }> {
    const inventoryIds = new Map<object, string>();
    let unnamed = false;
    const empty = () => {
      const inventory = EMPTY_INVENTORY();
      inventoryIds.set(inventory, 'empty');
      return inventory;
    };
    const {
      references,
      refused,
      problems,
      bindings,
      entityRef,
      entity,
      consulService,
    } = await this.references(ref, credentials);
    const snapshots = await this.options.store.getStateSnapshots(references);
    const byRef = new Map(snapshots.map(s => [s.reference, s]));
    const consul = this.options.consulEnabled
      ? await this.consulFacts(consulService, entity)
      : undefined;
    if (consul?.binding) {
      bindings.push(consul.binding);
      if (!consul.binding.allowed)
        problems.push(bindingProblem(consul.binding));
    }
    const facts: EntityFacts = {
      entityRef,
      problems,
      bindings,
      consul: consul?.facts,
      states: [
        ...references.map(reference => {
          const snap = byRef.get(reference);
          if (!snap) {
            return {
              reference,
              freshness: { stale: true, lastError: 'not read yet' },
              inventory: empty(),
            };
          }
          if (snap.generation) {
            inventoryIds.set(snap.inventory, `read:${snap.generation}`);
          } else {
            unnamed = true;
          }
          return {
            reference,
            freshness: this.freshness(snap),
            inventory: snap.inventory,
          };
        }),
        // Refused: not read, and whatever is stored under that key (another squad's state, or
        // this entity's own history from before the operator denied it) is not shown or judged.
        // Stale with an empty inventory, so checks that need it are unknown.
        ...refused.map(({ reference, binding }) => ({
          reference,
          freshness: { stale: true, lastError: bindingProblem(binding) },
          inventory: empty(),
        })),
      ],
    };
    if (unnamed) return { facts };
    // The inventories are the bulk of the answer and are named by their read; the rest is small.
    const version = JSON.stringify(
      facts,
      (_key, value) =>
        (value !== null &&
          typeof value === 'object' &&
          inventoryIds.get(value)) ||
        value,
    );
    return { facts, version };
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
      .map(
        s =>
          Date.parse(s.freshness.checkedAt!) +
          this.options.staleAfterSeconds * 1000,
      );
    return times.length ? new Date(Math.min(...times)) : undefined;
  }

  /** One page of the entities with facts, among those the caller may read in the catalog. */
  async listServices(
    options: { offset: number; limit: number },
    { credentials }: { credentials: BackstageCredentials },
  ) {
    const visibleEntityRefs = await this.options.visibility.visibleAmong(
      () => this.options.store.listEntityRefs(),
      credentials,
    );
    const page = await this.options.store.listEntities({
      ...options,
      visibleEntityRefs,
    });
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
          oldestReadAt: readAts.length
            ? new Date(Math.min(...readAts)).toISOString()
            : undefined,
        };
      }),
    };
  }

  /** The Consul facts of the entity's service and how the binding rules judged it. */
  private async consulFacts(
    serviceName: string,
    entity: Entity,
  ): Promise<{
    facts: NonNullable<EntityFacts['consul']>;
    binding?: FactBinding;
  }> {
    const snap = await this.options.store.getConsulSnapshot(serviceName);
    const view = (snap?.view ?? undefined) as ConsulServiceView | undefined;
    // Judged on what Consul says now: its meta names the owner. A service Consul has not
    // (yet) shown registered has no view to leak and is judged by its name alone.
    const decision = this.options.bindings.decideConsul(entity, serviceName, {
      owner: await owningGroup(entity, this.options.groups),
      meta: view?.meta?.raw,
      registered: Boolean(view),
    });
    const binding = factBinding(
      SQUAD_INSIGHTS_ANNOTATIONS.consulService,
      serviceName,
      decision,
    );
    if (!binding.allowed) {
      // Not shown and not judged: runtime checks of the entity are then unknown.
      return {
        binding,
        facts: {
          serviceName,
          freshness: { stale: true, lastError: bindingProblem(binding) },
        },
      };
    }
    if (!snap?.readAt) {
      return {
        binding,
        facts: {
          serviceName,
          freshness: {
            stale: true,
            lastError: snap?.lastError ?? 'not read yet',
            lastErrorAt: snap?.lastErrorAt?.toISOString(),
          },
        },
      };
    }
    return {
      binding,
      facts: {
        serviceName,
        // null view: Consul answered that the service is not registered.
        view,
        freshness: {
          readAt: snap.readAt.toISOString(),
          marker:
            snap.consulIndex === undefined
              ? undefined
              : String(snap.consulIndex),
          stale: Boolean(snap.lastError),
          lastError: snap.lastError,
          lastErrorAt: snap.lastErrorAt?.toISOString(),
        },
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
      marker: snap.marker,
      stale:
        never ||
        Boolean(snap.lastError) ||
        checkedAge > this.options.staleAfterSeconds,
      lastError: snap.lastError,
      lastErrorAt: snap.lastErrorAt?.toISOString(),
    };
  }

  private async references(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ) {
    // Reading through the catalog with the caller's credentials applies catalog permissions.
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const consulService =
      entity.metadata.annotations?.[
        SQUAD_INSIGHTS_ANNOTATIONS.consulService
      ]?.trim() || entity.metadata.name;
    return {
      ...entityStateBindings(
        entity,
        this.options.reader,
        this.options.bindings,
      ),
      entityRef: stringifyEntityRef(entity),
      entity,
      consulService,
    };
  }
}
