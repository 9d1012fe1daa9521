import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SQUAD_INSIGHTS_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  BindingEntity,
  StateBindingPolicy,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';

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
  }) {
    const scanner = new CatalogScanner(
      options.catalog,
      options.auth,
      options.reader,
      options.store,
      options.bindings,
    );
    scanner.logger = options.logger;
    return scanner;
  }

  private logger?: LoggerService;

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
    return [...all];
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
