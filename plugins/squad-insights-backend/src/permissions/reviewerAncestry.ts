import type { AuthService } from '@backstage/backend-plugin-api';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { groupAncestry } from '../services/groupAncestry';

/**
 * The given group refs and every group above them in the catalog (`childOf`, `spec.parent`).
 *
 * @public
 */
export type GroupsAbove = (groupRefs: string[]) => Promise<ReadonlySet<string>>;

/**
 * {@link GroupsAbove} with its answers cached; `clear` drops them (on a catalog change).
 *
 * @public
 */
export type CachedGroupsAbove = GroupsAbove & { clear(): void };

/** More distinct claim sets than a portal's users have; only a bound on memory. */
const MAX_CACHED = 1_000;

/**
 * Reads group ancestry from the catalog with the plugin's own credentials, so that a member of
 * a sub-team counts as a member of the reviewer group above it. The sign-in resolver gives only
 * direct groups, and every Squad Insights permission check of a non-reviewer asks this, so each
 * claim set's answer is kept for `ttlMs` (default one minute), or until `clear` (the plugin's
 * catalog scan announces changes). A failed read is not kept.
 *
 * @public
 */
export function catalogGroupsAbove(options: {
  catalog: typeof catalogServiceRef.T;
  auth: AuthService;
  ttlMs?: number;
  now?: () => number;
}): CachedGroupsAbove {
  const { catalog, auth, ttlMs = 60_000, now = Date.now } = options;
  const cache = new Map<
    string,
    { at: number; groups: Promise<ReadonlySet<string>> }
  >();
  const groupsAbove = (refs: string[]) => {
    const key = [...refs].sort().join('\n');
    const at = now();
    const hit = cache.get(key);
    if (hit && at - hit.at <= ttlMs) return hit.groups;
    if (cache.size >= MAX_CACHED) cache.clear();
    const groups = (async () => {
      const credentials = await auth.getOwnServiceCredentials();
      return new Set((await groupAncestry(catalog, refs, credentials)).keys());
    })();
    cache.set(key, { at, groups });
    groups.catch(() => {
      if (cache.get(key)?.groups === groups) cache.delete(key);
    });
    return groups;
  };
  return Object.assign(groupsAbove, { clear: () => cache.clear() });
}
