/*
 * Portfolio query benchmark: the review page's requests over N generated service summaries
 * on SQLite (goal: first rows of the page well under 1.75 s end to end, a filter change
 * ≤ 100 ms, so the backend's share should be a few milliseconds).
 *
 *   cd plugins/squad-insights-backend && ../../node_modules/.bin/tsx bench/portfolio.bench.ts [--services 5000] [--runs 25]
 *
 * Rows go through the real store and migrations into a SQLite file (as in a dev portal); each
 * query goes through CompliancePortfolioService.getPortfolio, so parsing, the page, the count
 * and the facets are all timed, for a caller who sees every service and for one the catalog
 * shows half of them (the catalog's own answer is not timed). Median of the runs after one warm-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import type { PortfolioStatus } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceSummary } from '../src/database/ComplianceSummaryStore';
import { DatabaseComplianceSummaryStore } from '../src/database/DatabaseComplianceSummaryStore';
import { CompliancePortfolioService } from '../src/services/CompliancePortfolioService';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

// Deterministic, so two runs time the same data.
let seed = 42;
const random = () =>
  (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(values: readonly T[]) =>
  values[Math.floor(random() * values.length)];

const FRAMEWORKS = [
  { id: 'GDPR', title: 'EU General Data Protection Regulation' },
  { id: 'PCI_DSS', title: 'PCI DSS v4.0' },
  {
    id: 'Svenska_Betaltjänstlagen',
    title: 'Swedish payment services and bookkeeping rules',
  },
  { id: 'Copyright_Law', title: 'Copyright law (upphovsrättslagen)' },
  { id: 'Music_Rights', title: 'Music licensing and royalty reporting' },
];
const STATUSES: PortfolioStatus[] = [
  'failing',
  'unknown',
  'compliant',
  'compliant',
];

function generate(i: number, now: Date): ComplianceSummary {
  const tribe = `group:default/tribe-${i % 20}`;
  const frameworks = [
    { id: 'baseline', title: 'Squad Insights baseline' },
    ...FRAMEWORKS.filter(() => random() < 0.4),
  ].map(f => {
    const status = pick(STATUSES);
    const failed = status === 'failing' ? 1 + Math.floor(random() * 4) : 0;
    return {
      ...f,
      status,
      score: status === 'unknown' ? null : 1 - failed / 20,
      failed,
    };
  });
  const failed = frameworks.reduce((n, f) => Math.max(n, f.failed), 0);
  let status: PortfolioStatus = 'compliant';
  if (failed) status = 'failing';
  else if (frameworks.some(f => f.status === 'unknown')) status = 'unknown';
  const waivers = random() < 0.15 ? 1 + Math.floor(random() * 3) : 0;
  return {
    entityRef: `component:default/service-${i}`,
    name: `service-${i}`,
    title: `Service ${i}`,
    squad: `${tribe}-squad-${i % 6}`.replace('tribe-', 'tribe'),
    tribe,
    status,
    score: 1 - failed / 20,
    failingChecks: failed,
    frameworks,
    waivers: {
      active: waivers,
      expiringSoon: waivers ? 1 : 0,
      nextExpiry: waivers
        ? new Date(now.getTime() + random() * 120 * 86_400_000)
        : undefined,
    },
    attestations: { applicable: 0, current: 0, awaiting: 0, expired: 0 },
    lastReview:
      random() < 0.5
        ? {
            at: new Date(now.getTime() - random() * 365 * 86_400_000),
            reviewer: 'user:default/carl',
            decision: pick(['approved', 'changes_requested'] as const),
          }
        : undefined,
    stale: random() < 0.05,
    sources: [
      `state:bench:service-${i}/terraform.tfstate`,
      `consul:service-${i}`,
    ],
    computedAt: now,
  };
}

async function main() {
  const services = arg('services', 5000);
  const runs = arg('runs', 25);
  const dir = mkdtempSync(join(tmpdir(), 'si-portfolio-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: join(dir, 'bench.sqlite'),
    useNullAsDefault: true,
  });
  const summaries = await DatabaseComplianceSummaryStore.create({
    database: { getClient: async () => knex },
  });
  const now = new Date();
  let t = performance.now();
  for (let i = 0; i < services; i++) await summaries.upsert(generate(i, now));
  const fillMs = performance.now() - t;

  // Only the query path is timed; refreshing is not, so its collaborators are never called.
  const unused = {} as any;
  // A caller the catalog shows every other service (a conditional decision): the visible refs
  // come back at once, so what is timed is the plugin's side, the SQL restricted to 2,500 refs.
  const half = (refs: string[]) => refs.filter((_, i) => i % 2 === 0);
  const visibility = {
    visibleAmong: async (
      candidates: () => Promise<string[]>,
      credentials: { restricted?: boolean },
    ) => (credentials.restricted ? half(await candidates()) : undefined),
  };
  const portfolio = CompliancePortfolioService.create({
    catalog: unused,
    auth: unused,
    logger: unused,
    compliance: unused,
    serviceProfile: unused,
    decisions: unused,
    facts: unused,
    summaries,
    visibility: visibility as any,
  });
  const median = async (query: Record<string, string>, restricted = false) => {
    const caller = { credentials: { restricted } as any };
    let body = await portfolio.getPortfolio(query, caller); // warm-up
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      body = await portfolio.getPortfolio(query, caller);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      ms: times[Math.floor(times.length / 2)],
      rows: body.items.length,
      total: body.totalCount,
    };
  };

  const cases: Array<[string, Record<string, string>]> = [
    ['first page, no filter (100 rows)', {}],
    [
      'tribe + PCI_DSS + failing',
      {
        tribe: 'group:default/tribe-3',
        framework: 'PCI_DSS',
        status: 'failing',
      },
    ],
    ['search "service-12"', { q: 'service-12' }],
    [
      'waivers expiring in 30 days',
      { expiringWithinDays: '30', sort: 'nextWaiverExpiry' },
    ],
    [
      'sort lastReviewAt desc, page 10',
      { sort: 'lastReviewAt', order: 'desc', offset: '900' },
    ],
    ['all rows (limit 1000)', { limit: '1000' }],
  ];
  console.log(
    `services                          ${services}  (rows written in ${fillMs.toFixed(
      0,
    )} ms)`,
  );
  console.log(`runs per query                    ${runs}, median`);
  for (const [label, query] of cases) {
    const { ms, rows, total } = await median(query);
    console.log(
      `${label.padEnd(34)}${ms
        .toFixed(2)
        .padStart(8)} ms  (${rows} of ${total})`,
    );
  }
  console.log('restricted caller (half the services visible)');
  for (const [label, query] of cases) {
    const { ms, rows, total } = await median(query, true);
    console.log(
      `${label.padEnd(34)}${ms
        .toFixed(2)
        .padStart(8)} ms  (${rows} of ${total})`,
    );
  }
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
