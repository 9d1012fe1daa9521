import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { callerKey } from './callerCachedCatalog';

/**
 * The permissions service with a short per-caller memory of the ALLOW decisions on the given
 * permissions (the read of a compliance record). Every per-entity route of a service page asks
 * for the same decision on the same service; each ask is a round trip to the permission
 * backend (a token signed for it, verified there, the policy run), which alone made a route as
 * slow as the catalog's own by-name read before any of its work.
 *
 * The same for an unconditional ALLOW from `authorizeConditional` on one of the given
 * permissions without a resource (the catalog's read, asked by every list the plugin serves
 * to decide whether the caller sees everything): a filter change on the review page asked it
 * again each time.
 *
 * Why only ALLOW, per caller and for a few seconds: a decision is only ever reused for the
 * principal and record it was made for, a refusal or a conditional answer is always asked
 * again (a granted permission shows at once), and a revoked one shows within `ttlMs`, like the
 * catalog lookups of `callerCachedCatalog`. Requests of other permissions and batches pass
 * straight through.
 *
 * @public
 */
export function callerCachedPermissions(
  permissions: PermissionsService,
  options: {
    /** The names of the permissions whose decisions may be reused. */
    permissionNames: readonly string[];
    ttlMs?: number;
    maxEntries?: number;
    now?: () => number;
  },
): PermissionsService {
  const names = new Set(options.permissionNames);
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 5_000;
  const now = options.now ?? Date.now;
  const allowed = new Map<string, number>();

  /** Asks `decide` unless `key` was allowed within `ttlMs`; remembers an ALLOW. */
  async function reuseAllow<T extends { result: AuthorizeResult }>(
    key: string,
    decide: () => Promise<T[]>,
  ): Promise<T[]> {
    const at = allowed.get(key);
    if (at !== undefined && now() - at <= ttlMs) {
      return [{ result: AuthorizeResult.ALLOW } as T];
    }
    const started = now();
    const decisions = await decide();
    allowed.delete(key);
    if (decisions[0]?.result === AuthorizeResult.ALLOW) {
      if (allowed.size >= maxEntries)
        allowed.delete(allowed.keys().next().value!);
      allowed.set(key, started);
    }
    return decisions;
  }

  return {
    async authorizeConditional(requests, opts) {
      const [request] = requests;
      const caller = callerKey(opts.credentials);
      if (
        requests.length !== 1 ||
        !caller ||
        !names.has(request.permission.name)
      )
        return permissions.authorizeConditional(requests, opts);
      return reuseAllow(`${caller}\u0000${request.permission.name}`, () =>
        permissions.authorizeConditional(requests, opts),
      );
    },
    async authorize(requests, opts) {
      const [request] = requests;
      const caller = callerKey(opts.credentials);
      const resourceRef =
        request && 'resourceRef' in request ? request.resourceRef : undefined;
      if (
        requests.length !== 1 ||
        !caller ||
        !resourceRef ||
        !names.has(request.permission.name)
      ) {
        return permissions.authorize(requests, opts);
      }
      return reuseAllow(
        `${caller}\u0000${request.permission.name}\u0000${resourceRef}`,
        () => permissions.authorize(requests, opts),
      );
    },
  };
}
