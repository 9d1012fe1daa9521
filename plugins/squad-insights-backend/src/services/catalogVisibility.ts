import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * Which of the plugin's stored entities a caller may see: `undefined` for all of them, or the
 * refs (full form, lower case as stored) the caller may read in the catalog.
 *
 * @public
 */
export type VisibleEntityRefs = readonly string[] | undefined;

/** Refs per catalog request: keeps request bodies small however large the portfolio is. */
const BATCH = 1000;
/** Only what identifies an entity: the answer is used for its presence, not its content. */
const FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Decides which entities a caller may see in lists the plugin serves from its own tables
 * (portfolio, `/services`), so that they show what the catalog would show that caller and no
 * more. The per-entity routes already read the entity through the catalog with the caller's
 * credentials; lists cannot afford one read per row.
 *
 * The catalog's read permission is asked first: an unconditional answer (allow or deny) costs
 * nothing more. A conditional one (e.g. "entities your squad owns") is left to the catalog
 * itself, which alone knows how to apply its rules: it is asked, with the caller's
 * credentials, for the candidates, and answers null for each one the caller may not read.
 *
 * @public
 */
export class CatalogVisibility {
  static create(options: {
    catalog: typeof catalogServiceRef.T;
    permissions: PermissionsService;
  }) {
    return new CatalogVisibility(options.catalog, options.permissions);
  }

  private constructor(
    private readonly catalog: typeof catalogServiceRef.T,
    private readonly permissions: PermissionsService,
  ) {}

  /**
   * The candidates the caller may read, or undefined when the caller may read every entity.
   * `candidates` is called only when the answer depends on the entity.
   */
  async visibleAmong(
    candidates: () => Promise<string[]>,
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return [];
    const refs = await candidates();
    const visible: string[] = [];
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH);
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: batch, fields: FIELDS },
        { credentials },
      );
      // Compared in the catalog's spelling: stored refs are lower case, the catalog's are not.
      items.forEach((entity, j) => {
        if (
          entity &&
          stringifyEntityRef(entity).toLocaleLowerCase('en') ===
            batch[j].toLocaleLowerCase('en')
        ) {
          visible.push(batch[j]);
        }
      });
    }
    return visible;
  }
}
