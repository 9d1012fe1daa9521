import type { AuthService } from '@backstage/backend-plugin-api';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  GroupIdentity,
  groupIdentityOf,
} from '@squad-insights/backstage-plugin-squad-insights-common';

type Catalog = typeof catalogServiceRef.T;

/**
 * Every Group of the catalog with its titles, so that a tag naming no group at all reads
 * "no such squad in the catalog" rather than "ownership drift". Read with the plugin's own
 * credentials and kept for `ttlMs` (default one minute): the portfolio judges thousands of
 * services in one pass, and the names only decide the wording of evidence.
 *
 * @public
 */
export class CatalogGroupDirectory {
  private cached?: { at: number; groups: Promise<GroupIdentity[]> };
  private refreshing = false;

  static create(options: {
    catalog: Catalog;
    auth: AuthService;
    ttlMs?: number;
    now?: () => number;
  }) {
    return new CatalogGroupDirectory(
      options.catalog,
      options.auth,
      options.ttlMs ?? 60_000,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly catalog: Catalog,
    private readonly auth: AuthService,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * The groups, or undefined when the catalog could not be read (evidence then says "drift").
   * Asked for in the second half of `ttlMs`, the list is served and read anew in the
   * background: the facts and footprint routes ask on every request, and none of them should
   * wait for the whole list once a minute. Nothing older than `ttlMs` is served.
   */
  async list(): Promise<GroupIdentity[] | undefined> {
    const at = this.now();
    if (!this.cached || at - this.cached.at > this.ttlMs) {
      const groups = this.read();
      this.cached = { at, groups };
      // A failed read is not kept: the next evaluation tries again.
      groups.catch(() => {
        if (this.cached?.groups === groups) this.cached = undefined;
      });
    } else if (at - this.cached.at > this.ttlMs / 2 && !this.refreshing) {
      this.refreshing = true;
      const current = this.cached;
      const groups = this.read();
      groups
        .then(
          () => {
            if (this.cached === current) this.cached = { at, groups };
          },
          // The current list stays until it expires.
          () => undefined,
        )
        .finally(() => {
          this.refreshing = false;
        });
    }
    return this.cached.groups.catch(() => undefined);
  }

  /**
   * Forgets the list, so the next `list()` reads the catalog again: called when the catalog is
   * known to have changed (`catalog-entities-changed`) rather than waiting for `ttlMs`. A read
   * running now, or a background refresh, does not bring the old list back.
   */
  clear(): void {
    this.cached = undefined;
  }

  private async read(): Promise<GroupIdentity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.type',
          'spec.profile.displayName',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.map(groupIdentityOf);
  }
}
