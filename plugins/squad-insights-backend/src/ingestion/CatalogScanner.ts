import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SQUAD_INSIGHTS_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { TerraformStateReader } from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';

/**
 * Finds the entities that name Terraform states and records which states each names.
 * References that do not resolve against a configured source are skipped here and reported
 * on the entity's facts instead.
 *
 * @public
 */
export class CatalogScanner {
  static create(options: {
    catalog: typeof catalogServiceRef.T;
    auth: AuthService;
    reader: Pick<TerraformStateReader, 'resolve'>;
    store: FactsStore;
  }) {
    return new CatalogScanner(options.catalog, options.auth, options.reader, options.store);
  }

  private constructor(
    private readonly catalog: typeof catalogServiceRef.T,
    private readonly auth: AuthService,
    private readonly reader: Pick<TerraformStateReader, 'resolve'>,
    private readonly store: FactsStore,
  ) {}

  /** Returns every valid state reference named by any entity. */
  async scan(): Promise<string[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const annotation = SQUAD_INSIGHTS_ANNOTATIONS.terraformState;
    const { items } = await this.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'],
      },
      { credentials },
    );
    const all = new Set<string>();
    for (const entity of items) {
      const references = this.validReferences(entity.metadata.annotations?.[annotation]);
      references.forEach(r => all.add(r));
      await this.store.setEntityStates(stringifyEntityRef(entity), references);
    }
    return [...all];
  }

  validReferences(value: string | undefined): string[] {
    const refs: string[] = [];
    for (const raw of (value ?? '').split(',').map(v => v.trim()).filter(Boolean)) {
      try {
        const { sourceId, key } = this.reader.resolve(raw);
        refs.push(`${sourceId}:${key}`);
      } catch {
        // Reported per entity by FactsService; nothing is read for it.
      }
    }
    return refs;
  }
}
