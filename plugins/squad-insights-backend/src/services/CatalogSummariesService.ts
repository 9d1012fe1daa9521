import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CatalogSummariesResponse,
  CatalogSummary,
  MAX_CATALOG_SUMMARY_REFS,
  squadInsightsComplianceReadPermission,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceSummaryStore } from '../database/ComplianceSummaryStore';
import type { CatalogVisibility } from './catalogVisibility';
import type { FootprintService } from './FootprintService';
import { parsePortfolioQuery } from './portfolioQuery';

/** Footprints computed at once: each reads the catalog and the facts store. */
const CONCURRENCY = 4;

const key = (ref: string) => ref.toLocaleLowerCase('en');

/**
 * Checks the body of `POST /compliance/summaries` (the OpenAPI validator checks its shape too;
 * this keeps the service safe to call from elsewhere with messages that name the bad ref).
 * Returns the refs in the catalog's spelling, each once, with the spelling the caller sent.
 */
function parseRequest(body: unknown): Array<{ asked: string; ref: string }> {
  const refs = (body as { entityRefs?: unknown } | undefined)?.entityRefs;
  if (!Array.isArray(refs) || refs.length === 0) {
    throw new InputError('entityRefs must be a non-empty list of entity refs');
  }
  if (refs.length > MAX_CATALOG_SUMMARY_REFS) {
    throw new InputError(
      `entityRefs may hold at most ${MAX_CATALOG_SUMMARY_REFS} refs; got ${refs.length}`,
    );
  }
  const seen = new Map<string, { asked: string; ref: string }>();
  refs.forEach((asked, i) => {
    let ref: string;
    try {
      if (typeof asked !== 'string') throw new Error('not text');
      ref = stringifyEntityRef(parseEntityRef(asked));
    } catch (error) {
      throw new InputError(
        `entityRefs[${i}] ${JSON.stringify(
          asked,
        )} is not an entity ref like component:default/payments-api`,
      );
    }
    if (!seen.has(key(ref))) seen.set(key(ref), { asked, ref });
  });
  return [...seen.values()];
}

/**
 * What the catalog table shows for a page of entities, in one call: the compliance verdict
 * from the portfolio summaries (one SQL query for the page) and the monthly CO2e of each.
 * Each part follows the rule of the route it repeats: like the portfolio, only entities the
 * catalog lets the caller read are answered at all; like `GET …/footprint`, a footprint only
 * where the caller may read the compliance record (one permission request for the page).
 *
 * @public
 */
export class CatalogSummariesService {
  static create(options: {
    summaries: Pick<ComplianceSummaryStore, 'query'>;
    footprints: Pick<FootprintService, 'getEntityFootprint'>;
    visibility: Pick<CatalogVisibility, 'visibleAmong'>;
    permissions: Pick<PermissionsService, 'authorize'>;
    logger: LoggerService;
    now?: () => Date;
  }) {
    return new CatalogSummariesService(
      options,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: {
      summaries: Pick<ComplianceSummaryStore, 'query'>;
      footprints: Pick<FootprintService, 'getEntityFootprint'>;
      visibility: Pick<CatalogVisibility, 'visibleAmong'>;
      permissions: Pick<PermissionsService, 'authorize'>;
      logger: LoggerService;
    },
    private readonly now: () => Date,
  ) {}

  async getSummaries(
    body: unknown,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<CatalogSummariesResponse> {
    const requested = parseRequest(body);
    const visibleRefs = await this.deps.visibility.visibleAmong(
      async () => requested.map(r => r.ref),
      credentials,
    );
    const visibleKeys = visibleRefs && new Set(visibleRefs.map(key));
    const visible = requested.filter(
      r => !visibleKeys || visibleKeys.has(key(r.ref)),
    );
    if (visible.length === 0) return { items: [] };

    const [compliance, footprints] = await Promise.all([
      this.compliance(visible.map(r => r.ref)),
      this.footprints(
        visible.map(r => r.ref),
        credentials,
      ),
    ]);
    return {
      items: visible.map(({ asked, ref }): CatalogSummary => {
        const row = compliance.get(key(ref));
        const co2eKgPerMonth = footprints.get(key(ref));
        return {
          entityRef: asked,
          ...(row && {
            compliance: {
              status: row.status,
              failingChecks: row.failingChecks,
              frameworks: row.frameworks,
              stale: row.stale,
            },
          }),
          ...(co2eKgPerMonth !== undefined && { co2eKgPerMonth }),
        };
      }),
    };
  }

  /** The portfolio rows of these services, by lower-case ref: one query however many. */
  private async compliance(refs: string[]) {
    const query = parsePortfolioQuery({}, this.now());
    const { items } = await this.deps.summaries.query({
      ...query,
      limit: refs.length,
      visibleEntityRefs: refs,
    });
    return new Map(items.map(row => [key(row.entityRef), row]));
  }

  /**
   * Monthly CO2e by lower-case ref; absent when no state has been read, it failed, or the
   * caller may not read the compliance record.
   */
  private async footprints(refs: string[], credentials: BackstageCredentials) {
    const result = new Map<string, number>();
    const decisions = await this.deps.permissions.authorize(
      refs.map(resourceRef => ({
        permission: squadInsightsComplianceReadPermission,
        resourceRef,
      })),
      { credentials },
    );
    const queue = refs.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
    const worker = async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) {
        try {
          const fp = await this.deps.footprints.getEntityFootprint(
            parseEntityRef(ref),
            {
              credentials,
            },
          );
          if (fp.footprint) result.set(key(ref), fp.footprint.co2eKgPerMonth);
        } catch (error) {
          // One entity's footprint failing leaves its cell empty, not the whole page.
          this.deps.logger.debug(
            `Footprint of ${ref} for the catalog table failed: ${error}`,
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker),
    );
    return result;
  }
}
