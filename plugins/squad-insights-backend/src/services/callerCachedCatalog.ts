import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';

type Catalog = typeof catalogServiceRef.T;

/** Who is asking: answers are cached per caller, so each sees only what the catalog shows them. */
export function callerKey(
  credentials: BackstageCredentials | undefined,
): string | undefined {
  const principal = credentials?.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: string }
    | undefined;
  if (!principal) return undefined;
  if ('userEntityRef' in principal) return `user:${principal.userEntityRef}`;
  if ('subject' in principal) return `service:${principal.subject}`;
  return undefined;
}

/**
 * The catalog with a short per-caller memory of entity lookups (`getEntityByRef`,
 * `getEntitiesByRefs`) and filtered lists (`getEntities`: the chapter and guild groups a
 * profile resolves its annotations against). A service page asks for the same entity and its
 * owner groups from several cards and routes within a second; each lookup is an HTTP round
 * trip to the catalog, which made every per-entity route slower than the catalog's own
 * by-name route.
 *
 * Why per caller: the catalog's permission rules decide what each user may see, so an
 * answer is only ever reused for the same principal. Why a few seconds: a change in the
 * catalog (or in who may see what) shows within `ttlMs`. Misses (an entity not found, an
 * empty list) are not remembered, so a newly registered entity appears at once. Everything
 * else passes through.
 *
 * An answer asked for again in the second half of its `ttlMs` is served and read anew in the
 * background, so a page in use never waits for its lookups to expire (every card then waited
 * for the whole chain of lookups again); nothing older than `ttlMs` is ever served, and a
 * refresh that finds the entity gone forgets it at once.
 *
 * `clearOn` hands over a function that forgets every answer: called when the catalog is known
 * to have changed (the catalog scanner's `catalog-entities-changed`), so the next lookup reads
 * the catalog again instead of waiting for `ttlMs`. A read in flight then is not kept either.
 *
 * @public
 */
export function callerCachedCatalog(
  catalog: Catalog,
  options: {
    ttlMs?: number;
    maxEntries?: number;
    now?: () => number;
    clearOn?: (clear: () => void) => void;
  } = {},
): Catalog {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 5_000;
  const now = options.now ?? Date.now;
  type Entry = { at: number; value: Promise<unknown>; refreshing?: boolean };
  const cache = new Map<string, Entry>();
  // Every kept entry and background refresh checks it is still the cached one before it
  // writes, so clearing the map is enough to drop reads that are still running.
  options.clearOn?.(() => cache.clear());

  /** Reads the answer again while the current one is still served; see above. */
  const refresh = <T>(
    key: string,
    hit: Entry,
    read: () => Promise<T>,
    keep: (value: T) => boolean,
  ) => {
    hit.refreshing = true;
    const at = now();
    const value = read();
    value.then(
      v => {
        if (cache.get(key) !== hit) return;
        cache.delete(key);
        if (keep(v)) cache.set(key, { at, value });
      },
      () => {
        // The current answer stays until it expires; a later request tries again.
        hit.refreshing = false;
      },
    );
  };

  const remember = <T>(
    key: string | undefined,
    read: () => Promise<T>,
    keep: (value: T) => boolean,
  ): Promise<T> => {
    if (key === undefined) return read();
    const at = now();
    const hit = cache.get(key);
    if (hit && at - hit.at <= ttlMs) {
      if (at - hit.at > ttlMs / 2 && !hit.refreshing)
        refresh(key, hit, read, keep);
      return hit.value as Promise<T>;
    }
    const value = read();
    cache.delete(key);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, { at, value });
    // Failures and misses are not kept: the next request asks the catalog again.
    value.then(
      v => {
        if (!keep(v) && cache.get(key)?.value === value) cache.delete(key);
      },
      () => {
        if (cache.get(key)?.value === value) cache.delete(key);
      },
    );
    return value;
  };

  return new Proxy(catalog, {
    get(target, prop, receiver) {
      if (prop === 'getEntityByRef') {
        const getEntityByRef: Catalog['getEntityByRef'] = (ref, opts) => {
          const caller = callerKey(opts?.credentials);
          const key =
            caller && `byRef\u0000${caller}\u0000${JSON.stringify(ref)}`;
          return remember(
            key,
            () => target.getEntityByRef(ref, opts),
            v => v !== undefined,
          );
        };
        return getEntityByRef;
      }
      if (prop === 'getEntitiesByRefs') {
        const getEntitiesByRefs: Catalog['getEntitiesByRefs'] = (
          request,
          opts,
        ) => {
          const caller = callerKey(opts?.credentials);
          const key =
            caller && `byRefs\u0000${caller}\u0000${JSON.stringify(request)}`;
          return remember(
            key,
            () => target.getEntitiesByRefs(request, opts),
            v => v.items.every(item => item !== undefined),
          );
        };
        return getEntitiesByRefs;
      }
      if (prop === 'getEntities') {
        const getEntities: Catalog['getEntities'] = (request, opts) => {
          const caller = callerKey(opts?.credentials);
          const key =
            caller && `list\u0000${caller}\u0000${JSON.stringify(request)}`;
          return remember(
            key,
            () => target.getEntities(request, opts),
            v => v.items.length > 0,
          );
        };
        return getEntities;
      }
      // Bound to the real catalog: implementations keep private fields (#entities), which a
      // method called on the proxy could not reach.
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
