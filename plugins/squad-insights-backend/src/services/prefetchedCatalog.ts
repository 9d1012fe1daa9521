import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { inBatches } from '../database/inBatches';

/** The catalog's key for a ref: kind, namespace and name compare case-insensitively. */
function keyOf(ref: string | CompoundEntityRef): string {
  return stringifyEntityRef(
    typeof ref === 'string' ? parseEntityRef(ref) : ref,
  ).toLocaleLowerCase('en');
}

/**
 * The catalog as one pass of the portfolio reads it: entities read in bulk beforehand answer
 * the per-entity lookups the evaluation makes (`getEntityByRef`, `getEntitiesByRefs`) from
 * memory, and each distinct `getEntities` query is asked once per pass. Whatever was not read
 * beforehand is asked of the real catalog and remembered, so an answer never differs from the
 * catalog's, only the number of round trips does.
 *
 * Reads with the credentials it was made with, whatever a caller passes: it serves the
 * plugin's own passes, which read everything as the plugin.
 */
export class PrefetchedCatalog {
  /** By lower-case ref; `undefined` for a ref the catalog is known not to have. */
  private readonly known = new Map<string, Entity | undefined>();
  /** Kinds read in full: a ref of these kinds that is not known does not exist. */
  private readonly completeKinds = new Set<string>();
  private readonly queries = new Map<
    string,
    ReturnType<CatalogService['getEntities']>
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly credentials: BackstageCredentials,
  ) {}

  /** Remembers entities read elsewhere (the pass's pages of services). */
  add(entities: Entity[]): void {
    for (const entity of entities) {
      this.known.set(keyOf(stringifyEntityRef(entity)), entity);
    }
  }

  /** Reads every entity of `kind` in one query; absent refs of that kind then need no read. */
  async loadKind(kind: string): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind } },
      { credentials: this.credentials },
    );
    this.add(items);
    this.completeKinds.add(kind.toLocaleLowerCase('en'));
    return items;
  }

  /** Reads the refs not known yet, a few hundred per query. Unparseable refs are skipped. */
  async prefetch(refs: Iterable<string>): Promise<void> {
    const wanted = new Map<string, string>();
    for (const ref of refs) {
      try {
        const key = keyOf(ref);
        if (!this.isKnown(key)) wanted.set(key, ref);
      } catch {
        // Not a ref: the evaluation reports it, there is nothing to read.
      }
    }
    for (const batch of inBatches([...wanted.values()])) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials: this.credentials },
      );
      batch.forEach((ref, i) => this.known.set(keyOf(ref), items[i]));
    }
  }

  /** The catalog to hand to the services that evaluate: answers from what was read. */
  get client(): CatalogService {
    const overrides: Partial<CatalogService> = {
      getEntityByRef: async ref => this.lookup(ref),
      getEntitiesByRefs: async (request, options) => {
        // Filtered or shaped by a query: the catalog's own answer.
        if (request.filter || (request as { query?: unknown }).query) {
          return this.catalog.getEntitiesByRefs(request, options);
        }
        await this.prefetch(request.entityRefs);
        // Whole entities even where `fields` asked for fewer: callers read only those fields.
        return {
          items: request.entityRefs.map(ref => {
            try {
              return this.known.get(keyOf(ref));
            } catch {
              return undefined;
            }
          }),
        };
      },
      getEntities: (request, options) => {
        const key = JSON.stringify(request ?? {});
        let answer = this.queries.get(key);
        if (!answer) {
          answer = this.catalog.getEntities(request, options);
          this.queries.set(key, answer);
        }
        return answer;
      },
    };
    return new Proxy(this.catalog, {
      get: (target, key) => {
        if (Object.prototype.hasOwnProperty.call(overrides, key)) {
          return overrides[key as keyof CatalogService];
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  private isKnown(key: string): boolean {
    return (
      this.known.has(key) ||
      this.completeKinds.has(key.slice(0, key.indexOf(':')))
    );
  }

  private async lookup(
    ref: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    const key = keyOf(ref);
    if (!this.isKnown(key)) {
      this.known.set(
        key,
        await this.catalog.getEntityByRef(ref, {
          credentials: this.credentials,
        }),
      );
    }
    return this.known.get(key);
  }
}
