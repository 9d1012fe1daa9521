import {
  CatalogSummary,
  MAX_CATALOG_SUMMARY_REFS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import DataLoader from 'dataloader';
import type { SquadInsightsApi } from '../api';

/**
 * How long an answer is reused. The table re-mounts its cells when the entity list reloads
 * (each filter settling, the catalog's refresh), which must not cost another request for the
 * same page; the summaries behind it are computed ahead of time anyway, so a minute adds
 * little staleness.
 */
export const SUMMARY_TTL_MS = 60_000;
/** Expired entries are swept once the cache holds this many (a few dozen pages). */
const SWEEP_AT = 2_000;

const key = (ref: string) => ref.toLocaleLowerCase('en');

/** DataLoader's cache with an expiry per entry. */
class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(k: string): V | undefined {
    const entry = this.entries.get(k);
    if (entry && entry.expires > this.now()) return entry.value;
    this.entries.delete(k);
    return undefined;
  }

  set(k: string, value: V) {
    if (this.entries.size >= SWEEP_AT) {
      for (const [old, entry] of this.entries) {
        if (entry.expires <= this.now()) this.entries.delete(old);
      }
    }
    this.entries.set(k, { value, expires: this.now() + this.ttlMs });
  }

  delete(k: string) {
    this.entries.delete(k);
  }

  clear() {
    this.entries.clear();
  }
}

/**
 * A loader of catalog-table summaries: loads started in the same tick (the status and CO2e
 * cells of every row on the page) become one `POST /compliance/summaries`, a ref asked twice
 * is sent once, and answers are reused for `ttlMs`. A failed request is not kept.
 */
export function createSummaryLoader(
  api: Pick<SquadInsightsApi, 'getCatalogSummaries'>,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const { ttlMs = SUMMARY_TTL_MS, now = Date.now } = options;
  const loader = new DataLoader<string, CatalogSummary | undefined, string>(
    async refs => {
      const items = await api.getCatalogSummaries([...refs]);
      const byRef = new Map(items.map(item => [key(item.entityRef), item]));
      // A ref left out is one the catalog hides from the user, or unknown: no summary.
      return refs.map(ref => byRef.get(key(ref)));
    },
    {
      maxBatchSize: MAX_CATALOG_SUMMARY_REFS,
      cacheKeyFn: key,
      cacheMap: new ExpiringCache<Promise<CatalogSummary | undefined>>(
        ttlMs,
        now,
      ),
    },
  );
  return async (entityRef: string) => {
    try {
      return await loader.load(entityRef);
    } catch (error) {
      loader.clear(entityRef);
      throw error;
    }
  };
}

// One loader per API instance: every cell of the app shares it.
const loaders = new WeakMap<
  SquadInsightsApi,
  (entityRef: string) => Promise<CatalogSummary | undefined>
>();

/** The catalog-table summary of one entity, through the app's shared loader. */
export function loadCatalogSummary(
  api: SquadInsightsApi,
  entityRef: string,
): Promise<CatalogSummary | undefined> {
  let load = loaders.get(api);
  if (!load) {
    load = createSummaryLoader(api);
    loaders.set(api, load);
  }
  return load(entityRef);
}
