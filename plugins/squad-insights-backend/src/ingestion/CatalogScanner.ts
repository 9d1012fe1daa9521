import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SQUAD_INSIGHTS_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  BindingEntity,
  StateBindingPolicy,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';
import type { DomainEvents } from '../events/DomainEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import { PORTFOLIO_FILTER } from '../services/portfolioMembership';

/** An entity's ref and its etag, which the catalog renews with every change of the entity. */
const REF_AND_ETAG = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/**
 * Finds the entities that name Terraform states and records which states each names.
 * References that do not resolve against a configured source, and those the operator's binding
 * rules refuse to the entity, are skipped here (never read) and reported on the entity's facts
 * instead.
 *
 * @public
 */
export class CatalogScanner {
  static create(options: {
    catalog: typeof catalogServiceRef.T;
    auth: AuthService;
    reader: Pick<TerraformStateReader, 'resolve'>;
    store: FactsStore;
    bindings: Pick<StateBindingPolicy, 'decideState'>;
    logger?: LoggerService;
    /**
     * Where each pass announces the services that appeared in or left the catalog since the
     * previous pass (`catalog-services-changed`). Absent: nothing is announced.
     */
    events?: Pick<DomainEvents<SquadInsightsEvents>, 'publish'>;
    /**
     * The services known before this process's first pass (the portfolio's rows), which that
     * pass compares the catalog with. Absent: the first pass announces every service.
     */
    knownServices?: () => Promise<string[]>;
  }) {
    const scanner = new CatalogScanner(
      options.catalog,
      options.auth,
      options.reader,
      options.store,
      options.bindings,
    );
    scanner.logger = options.logger;
    scanner.events = options.events;
    scanner.knownServices = options.knownServices;
    return scanner;
  }

  private logger?: LoggerService;
  private events?: Pick<DomainEvents<SquadInsightsEvents>, 'publish'>;
  private knownServices?: () => Promise<string[]>;
  /** The services the previous pass saw; unset before the first pass. */
  private services?: Set<string>;
  /**
   * The etag of each service, group and user the previous pass saw, by ref; unset before the
   * first pass.
   */
  private versions?: Map<string, string>;

  private constructor(
    private readonly catalog: typeof catalogServiceRef.T,
    private readonly auth: AuthService,
    private readonly reader: Pick<TerraformStateReader, 'resolve'>,
    private readonly store: FactsStore,
    private readonly bindings: Pick<StateBindingPolicy, 'decideState'>,
  ) {}

  /** Returns every valid state reference named by any entity. */
  async scan(): Promise<string[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const annotation = SQUAD_INSIGHTS_ANNOTATIONS.terraformState;
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
        },
        // spec.owner and spec.system: binding templates may name them ({owner}, {system}).
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec.owner',
          'spec.system',
        ],
      },
      { credentials },
    );
    const all = new Set<string>();
    for (const entity of items) {
      // One entity whose annotation or row cannot be stored is that entity's problem only:
      // an error here must never stop the pass, or every service's facts would go stale.
      try {
        const references = this.validReferences(
          entity,
          entity.metadata.annotations?.[annotation],
        );
        await this.store.setEntityStates(
          stringifyEntityRef(entity),
          references,
        );
        references.forEach(r => all.add(r));
      } catch (error) {
        this.logger?.warn(
          `Terraform states of ${stringifyEntityRef(
            entity,
          )} could not be recorded; skipped in this pass: ${error}`,
        );
      }
    }
    const services = await this.announceServices(credentials);
    await this.announceEntities(credentials, services);
    return [...all];
  }

  /**
   * Publishes the services added to and removed from the catalog since the previous pass, so
   * the portfolio follows the catalog within one pass. Resolves once subscribers handled it.
   */
  private async announceServices(
    credentials: BackstageCredentials,
  ): Promise<Entity[] | undefined> {
    if (!this.events) return undefined;
    try {
      const { items } = await this.catalog.getEntities(
        {
          filter: PORTFOLIO_FILTER,
          // The etag for announceEntities: it changes with every change of the entity.
          fields: REF_AND_ETAG,
        },
        { credentials },
      );
      const seen = new Set(items.map(e => stringifyEntityRef(e)));
      const before =
        this.services ?? new Set((await this.knownServices?.()) ?? []);
      const added = [...seen].filter(r => !before.has(r));
      const removed = [...before].filter(r => !seen.has(r));
      this.services = seen;
      if (added.length || removed.length) {
        await this.events.publish('catalog-services-changed', {
          added,
          removed,
        });
      }
      return items;
    } catch (error) {
      // The facts pass goes on; the portfolio's scheduled full refresh catches up meanwhile.
      this.logger?.warn(
        `Services added to or removed from the catalog could not be announced: ${error}`,
      );
      return undefined;
    }
  }

  /**
   * Publishes the services, groups and users that appeared, changed or left since the previous
   * pass (`catalog-entities-changed`), so caches of catalog lookups (owner groups, ancestry,
   * members, contacts) drop what they hold. The catalog publishes no such event itself.
   * Compared by `metadata.etag`, which the catalog renews whenever the stitched entity changes,
   * relations included: one small read of refs and etags per pass. The first pass of a process
   * has nothing to compare with and announces nothing.
   */
  private async announceEntities(
    credentials: BackstageCredentials,
    services: Entity[] | undefined,
  ): Promise<void> {
    // Without this pass's services every service would read as removed: skipped.
    if (!this.events || !services) return;
    try {
      const { items } = await this.catalog.getEntities(
        {
          filter: { kind: ['Group', 'User'] },
          fields: REF_AND_ETAG,
        },
        { credentials },
      );
      const versions = new Map(
        [...services, ...items].map(e => [
          stringifyEntityRef(e),
          e.metadata.etag ?? '',
        ]),
      );
      const before = this.versions;
      this.versions = versions;
      if (!before) return;
      const changed = [
        ...[...versions].filter(([ref, etag]) => before.get(ref) !== etag),
        ...[...before].filter(([ref]) => !versions.has(ref)),
      ].map(([ref]) => ref);
      if (changed.length) {
        await this.events.publish('catalog-entities-changed', {
          entityRefs: changed,
        });
      }
    } catch (error) {
      // Cached lookups then expire by their own age.
      this.logger?.warn(
        `Changes of catalog groups and users could not be announced: ${error}`,
      );
    }
  }

  /** The references of `value` that resolve and that the binding rules allow `entity`. */
  validReferences(entity: BindingEntity, value: string | undefined): string[] {
    const refs: string[] = [];
    for (const raw of (value ?? '')
      .split(',')
      .map(v => v.trim())
      .filter(Boolean)) {
      try {
        const reference = this.reader.resolve(raw);
        // A refused binding is left out of the entity's states: nothing is read for it, and a
        // key denied after it was bound keeps its history but is no longer checked.
        if (this.bindings.decideState(entity, reference).allowed) {
          refs.push(`${reference.sourceId}:${reference.key}`);
        }
      } catch {
        // Reported per entity by FactsService; nothing is read for it.
      }
    }
    return refs;
  }
}
