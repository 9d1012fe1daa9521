import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  PORTFOLIO_EXPIRING_SOON_DAYS,
  type PortfolioFrameworkStatus,
  type PortfolioSortField,
  type PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { Knex } from 'knex';
import type {
  ComplianceSummary,
  ComplianceSummaryStore,
  StoredComplianceResult,
  StoredComplianceSummary,
  SummaryQuery,
} from './ComplianceSummaryStore';
import { whereVisible } from './visibleRefs';
import { inBatches } from './inBatches';
import { dateFromDb, DbTime } from './dbTime';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

const SUMMARIES = 'si_compliance_summaries';
const FRAMEWORKS = 'si_compliance_summary_frameworks';
const FAILING_CHECKS = 'si_compliance_summary_failing_checks';
const SOURCES = 'si_compliance_summary_sources';
const RESULTS = 'si_compliance_results';
/** Well below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const CHUNK = 500;

type SummaryRow = {
  entity_ref: string;
  name: string;
  title: string | null;
  squad_ref: string | null;
  tribe_ref: string | null;
  chapter_ref: string | null;
  guild_ref: string | null;
  search_text: string;
  status: PortfolioStatus;
  status_rank: number;
  score: number | null;
  failing_checks: number;
  frameworks: string;
  waivers_active: number;
  waivers_expiring_soon: number;
  next_waiver_expiry: DbTime | null;
  attested_checks: number;
  attestations_current: number;
  attestations_awaiting: number;
  attestations_expired: number;
  next_attestation_expiry: DbTime | null;
  last_review_at: DbTime | null;
  last_review_by: string | null;
  last_review_decision: 'approved' | 'changes_requested' | null;
  stale: boolean | number;
  computed_at: DbTime;
};

type ResultRow = {
  entity_ref: string;
  result: string;
  evaluated_at: DbTime;
  valid_until: DbTime | null;
};

/** Worst first when sorted ascending, which is what a reviewer opens the page for. */
const STATUS_RANK: Record<PortfolioStatus, number> = {
  failing: 0,
  unknown: 1,
  compliant: 2,
};

const SORT_COLUMNS: Record<PortfolioSortField, string> = {
  service: 's.name',
  squad: 's.squad_ref',
  tribe: 's.tribe_ref',
  status: 's.status_rank',
  score: 's.score',
  failingChecks: 's.failing_checks',
  nextWaiverExpiry: 's.next_waiver_expiry',
  lastReviewAt: 's.last_review_at',
};

/**
 * Lower-cased in JavaScript rather than with SQL `lower()`: SQLite's `lower()` folds ASCII
 * only, so "Ödeskontot" would never match "öde" there.
 */
function searchText(
  s: Pick<ComplianceSummary, 'name' | 'title' | 'squad' | 'tribe'>,
): string {
  return [s.name, s.title, s.squad, s.tribe]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase('en');
}

/** `!` escapes LIKE wildcards the same way on SQLite (no default escape) and PostgreSQL. */
const likePattern = (q: string) =>
  `%${q.toLocaleLowerCase('en').replace(/[!%_]/g, c => `!${c}`)}%`;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    out.push(values.slice(i, i + CHUNK));
  return out;
}

/** The rows of one service in each table; without a result, none in the results table. */
function rowsOf(
  summary: ComplianceSummary,
  result?: StoredComplianceResult,
): Record<string, object[]> {
  const entityRef = summary.entityRef;
  return {
    [SUMMARIES]: [toRow(summary)],
    [RESULTS]: result
      ? [
          {
            entity_ref: entityRef,
            result: JSON.stringify(result.result),
            evaluated_at: new Date(result.result.evaluatedAt),
            valid_until: result.validUntil ?? null,
          },
        ]
      : [],
    [FRAMEWORKS]: summary.frameworks.map(f => ({
      entity_ref: entityRef,
      framework_id: f.id,
      title: f.title,
      status: f.status,
      score: f.score,
      failed: f.failed,
    })),
    [SOURCES]: [...new Set(summary.sources)].map(source => ({
      entity_ref: entityRef,
      source,
    })),
    [FAILING_CHECKS]: [...new Set(summary.failingCheckIds)].map(checkId => ({
      entity_ref: entityRef,
      check_id: checkId,
    })),
  };
}

function toRow(s: ComplianceSummary): SummaryRow {
  return {
    entity_ref: s.entityRef,
    name: s.name,
    title: s.title ?? null,
    squad_ref: s.squad ?? null,
    tribe_ref: s.tribe ?? null,
    chapter_ref: s.chapter ?? null,
    guild_ref: s.guild ?? null,
    search_text: searchText(s),
    status: s.status,
    status_rank: STATUS_RANK[s.status],
    score: s.score,
    failing_checks: s.failingChecks,
    frameworks: JSON.stringify(s.frameworks),
    waivers_active: s.waivers.active,
    waivers_expiring_soon: s.waivers.expiringSoon,
    next_waiver_expiry: s.waivers.nextExpiry ?? null,
    attested_checks: s.attestations.applicable,
    attestations_current: s.attestations.current,
    attestations_awaiting: s.attestations.awaiting,
    attestations_expired: s.attestations.expired,
    next_attestation_expiry: s.attestations.nextExpiry ?? null,
    last_review_at: s.lastReview?.at ?? null,
    last_review_by: s.lastReview?.reviewer ?? null,
    last_review_decision: s.lastReview?.decision ?? null,
    stale: s.stale,
    computed_at: s.computedAt,
  };
}

function fromRow(r: SummaryRow): StoredComplianceSummary {
  return {
    entityRef: r.entity_ref,
    name: r.name,
    title: r.title ?? undefined,
    squad: r.squad_ref ?? undefined,
    tribe: r.tribe_ref ?? undefined,
    chapter: r.chapter_ref ?? undefined,
    guild: r.guild_ref ?? undefined,
    status: r.status,
    score: r.score === null ? null : Number(r.score),
    failingChecks: r.failing_checks,
    frameworks: JSON.parse(r.frameworks) as PortfolioFrameworkStatus[],
    waivers: {
      active: r.waivers_active,
      expiringSoon: r.waivers_expiring_soon,
      nextExpiry:
        r.next_waiver_expiry === null
          ? undefined
          : dateFromDb(r.next_waiver_expiry),
    },
    attestations: {
      applicable: r.attested_checks,
      current: r.attestations_current,
      awaiting: r.attestations_awaiting,
      expired: r.attestations_expired,
      nextExpiry:
        r.next_attestation_expiry === null
          ? undefined
          : dateFromDb(r.next_attestation_expiry),
    },
    lastReview:
      r.last_review_at === null
        ? undefined
        : {
            at: dateFromDb(r.last_review_at),
            reviewer: r.last_review_by!,
            decision: r.last_review_decision!,
          },
    stale: Boolean(r.stale),
    computedAt: dateFromDb(r.computed_at),
  };
}

type Facets = Awaited<ReturnType<ComplianceSummaryStore['facets']>>;

/** How long facets over every row are reused at most, for writes by another backend instance. */
const FACETS_TTL_MS = 10_000;

/**
 * Writes per database client: every store on the same client (the portfolio's and the
 * scanner's) sees the others' writes, so kept facets never outlive one in this process.
 */
const writes = new WeakMap<Knex, number>();
const wrote = (db: Knex) => writes.set(db, (writes.get(db) ?? 0) + 1);

/**
 * {@link ComplianceSummaryStore} on the plugin's database (SQLite or PostgreSQL). Filters,
 * search, sort and paging all run in SQL on indexed columns; the per-framework verdicts sit in
 * their own table so "PCI_DSS failing" is an indexed lookup rather than a scan of JSON.
 *
 * @public
 */
export class DatabaseComplianceSummaryStore implements ComplianceSummaryStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseComplianceSummaryStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseComplianceSummaryStore(client);
  }

  /** The facets over every row, while no write has happened since (see `facets`). */
  private allFacets?: {
    generation: number;
    at: number;
    value: Promise<Facets>;
  };

  private constructor(private readonly db: Knex) {}

  async upsert(
    summary: ComplianceSummary,
    result?: StoredComplianceResult,
  ): Promise<void> {
    await this.upsertMany([{ summary, result }]);
  }

  async upsertMany(
    rows: Array<{
      summary: ComplianceSummary;
      result?: StoredComplianceResult;
    }>,
  ): Promise<void> {
    if (!rows.length) return;
    const tables = [SUMMARIES, FRAMEWORKS, SOURCES, FAILING_CHECKS, RESULTS];
    const inserts = new Map<string, object[]>(tables.map(t => [t, []]));
    for (const { summary, result } of rows) {
      for (const [table, tableRows] of Object.entries(
        rowsOf(summary, result),
      )) {
        inserts.get(table)!.push(...tableRows);
      }
    }
    // A few statements per few hundred services rather than ten per service: the full pass
    // writes thousands of rows.
    await this.db.transaction(async tx => {
      for (const refs of chunks(rows.map(r => r.summary.entityRef))) {
        for (const table of tables) {
          await tx(table).whereIn('entity_ref', refs).delete();
        }
      }
      for (const table of tables) {
        // Small enough that a summary row's columns stay under SQLite's parameter limit.
        for (const part of inBatches(inserts.get(table)!, 100)) {
          await tx(table).insert(part);
        }
      }
    });
    wrote(this.db);
  }

  async delete(entityRefs: string[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const refs of chunks(entityRefs)) {
        for (const table of [
          SUMMARIES,
          FRAMEWORKS,
          SOURCES,
          FAILING_CHECKS,
          RESULTS,
        ]) {
          await tx(table).whereIn('entity_ref', refs).delete();
        }
      }
    });
    wrote(this.db);
  }

  async getResult(
    entityRef: string,
  ): Promise<StoredComplianceResult | undefined> {
    const row = await this.db<ResultRow>(RESULTS)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    return {
      result: JSON.parse(row.result),
      validUntil:
        row.valid_until === null ? undefined : dateFromDb(row.valid_until),
    };
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db(SUMMARIES)
      .select('entity_ref')
      .orderBy('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async entitiesForSources(sources: string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(sources)])) {
      const rows = await this.db(SOURCES)
        .distinct('entity_ref')
        .whereIn('source', part);
      rows.forEach(r => found.add(r.entity_ref));
    }
    return [...found].sort();
  }

  async query(q: SummaryQuery) {
    const filtered = this.filtered(q);
    const [{ n }] = await filtered.clone().count({ n: '*' });
    const column = SORT_COLUMNS[q.sort];
    const rows: SummaryRow[] = await filtered
      .clone()
      .select('s.*')
      // Nulls last either way: services without a squad or a review belong at the end. Spelled
      // out because knex's `nulls: 'last'` on SQLite drops the column itself from the ORDER BY.
      .orderByRaw(`case when ?? is null then 1 else 0 end`, [column])
      .orderBy([
        { column, order: q.order },
        { column: 's.entity_ref', order: 'asc' },
      ])
      .offset(q.offset)
      .limit(q.limit);
    return { items: rows.map(fromRow), totalCount: Number(n) };
  }

  /**
   * The facets of everything a caller sees who sees every service are the same for every
   * such caller and every filter: they are read once per write through this database client,
   * not on each page or filter change (six scans of the table, most of a filtered page's
   * time). Writes by another instance of the backend show within {@link FACETS_TTL_MS}.
   */
  async facets(options: { visibleEntityRefs?: readonly string[] } = {}) {
    if (options.visibleEntityRefs !== undefined)
      return this.readFacets(options.visibleEntityRefs);
    const generation = writes.get(this.db) ?? 0;
    const at = Date.now();
    const kept = this.allFacets;
    if (
      kept?.generation === generation &&
      at >= kept.at &&
      at - kept.at < FACETS_TTL_MS
    ) {
      return kept.value;
    }
    const value = this.readFacets(undefined);
    const entry = { generation, at, value };
    this.allFacets = entry;
    value.catch(() => {
      if (this.allFacets === entry) this.allFacets = undefined;
    });
    return value;
  }

  private async readFacets(
    visibleEntityRefs: readonly string[] | undefined,
  ): Promise<Facets> {
    const options = { visibleEntityRefs };
    // A group or framework only hidden services name must not show up as a filter either.
    const visible = (table: string) =>
      whereVisible(
        this.db,
        this.db(table),
        'entity_ref',
        options.visibleEntityRefs,
      );
    const refs = (column: string) =>
      visible(SUMMARIES)
        .distinct(column)
        .whereNotNull(column)
        .orderBy(column)
        .then(rows => rows.map(r => r[column] as string));
    const [tribes, squads, chapters, guilds, frameworks, [{ oldest }]] =
      await Promise.all([
        refs('tribe_ref'),
        refs('squad_ref'),
        refs('chapter_ref'),
        refs('guild_ref'),
        visible(FRAMEWORKS)
          .select('framework_id')
          .min({ title: 'title' })
          .groupBy('framework_id')
          .orderBy('framework_id') as Promise<
          Array<{ framework_id: string; title: string }>
        >,
        visible(SUMMARIES).min({ oldest: 'computed_at' }),
      ]);
    return {
      tribes,
      squads,
      chapters,
      guilds,
      frameworks: frameworks.map(r => ({
        id: r.framework_id,
        title: String(r.title),
      })),
      oldestComputedAt:
        oldest === null || oldest === undefined
          ? undefined
          : dateFromDb(oldest),
    };
  }

  private filtered(q: SummaryQuery): Knex.QueryBuilder {
    const rows = whereVisible(
      this.db,
      this.db(`${SUMMARIES} as s`),
      's.entity_ref',
      q.visibleEntityRefs,
    );
    if (q.tribe) rows.where('s.tribe_ref', q.tribe);
    if (q.squad) rows.where('s.squad_ref', q.squad);
    if (q.chapter) rows.where('s.chapter_ref', q.chapter);
    if (q.guild) rows.where('s.guild_ref', q.guild);
    if (q.framework) {
      // With a framework, `status` is that framework's status rather than the service's.
      const { framework, status } = q;
      rows.whereExists(sub => {
        sub
          .select(this.db.raw('1'))
          .from(`${FRAMEWORKS} as f`)
          .whereRaw('f.entity_ref = s.entity_ref')
          .where('f.framework_id', framework);
        if (status) sub.where('f.status', status);
      });
    } else if (q.status) {
      rows.where('s.status', q.status);
    }
    if (q.check) {
      const check = q.check;
      rows.whereExists(sub =>
        sub
          .select(this.db.raw('1'))
          .from(`${FAILING_CHECKS} as c`)
          .whereRaw('c.entity_ref = s.entity_ref')
          .where('c.check_id', check),
      );
    }
    if (q.expiringWithinDays !== undefined) {
      const until = new Date(
        q.now.getTime() + q.expiringWithinDays * 86_400_000,
      );
      rows
        .where('s.next_waiver_expiry', '>', q.now)
        .where('s.next_waiver_expiry', '<=', until);
    }
    if (q.attestation === 'awaiting')
      rows.where('s.attestations_awaiting', '>', 0);
    if (q.attestation === 'expired') {
      // A current attestation that has lapsed since the row was computed counts as expired
      // now, as the evaluation would say, rather than waiting for the next refresh.
      rows.where(sub =>
        sub
          .where('s.attestations_expired', '>', 0)
          .orWhere('s.next_attestation_expiry', '<=', q.now),
      );
    }
    if (q.attestation === 'expiring') {
      const until = new Date(
        q.now.getTime() + PORTFOLIO_EXPIRING_SOON_DAYS * 86_400_000,
      );
      rows
        .where('s.next_attestation_expiry', '>', q.now)
        .where('s.next_attestation_expiry', '<=', until);
    }
    const search = q.q?.trim();
    if (search)
      rows.whereRaw(`s.search_text like ? escape '!'`, [likePattern(search)]);
    return rows;
  }
}
