/*
 * Portfolio refresh benchmark: the scheduled full pass over N generated services, one service
 * at a time (the path before the bulk pass) against the bulk pass, in one run on one SQLite
 * file (goal: 5,000 services in seconds, not minutes).
 *
 *   cd plugins/squad-insights-backend && ../../node_modules/.bin/tsx bench/portfolioRefresh.bench.ts [--services 5000] [--latency 0]
 *
 * The world is the tests' (src/services/__testUtils__/portfolioWorld.ts): real stores and
 * migrations, the real evaluation with the default policy, an in-memory catalog with indexed
 * lookups, and varied services (waivers, reviews, attestations, stale and failing facts,
 * refused bindings, user-owned services). `--latency <ms>` adds that much to every catalog
 * call, as a catalog across the network does; 0 times only the plugin's side. Both passes
 * start from an empty portfolio, and their stored rows are compared afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { createPortfolioWorld } from '../src/services/__testUtils__/portfolioWorld';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The portfolio's tables, each with the columns that order its rows. */
const TABLES: Record<string, string[]> = {
  si_compliance_summaries: ['entity_ref'],
  si_compliance_summary_frameworks: ['entity_ref', 'framework_id'],
  si_compliance_summary_sources: ['entity_ref', 'source'],
  si_compliance_summary_failing_checks: ['entity_ref', 'check_id'],
  si_compliance_results: ['entity_ref'],
};

async function stored(knex: Knex) {
  const rows = [];
  for (const [table, order] of Object.entries(TABLES)) {
    rows.push(await knex(table).orderBy(order));
  }
  return JSON.stringify(rows);
}

async function clear(knex: Knex) {
  for (const table of Object.keys(TABLES)) await knex(table).delete();
}

async function main() {
  const services = arg('services', 5000);
  const latencyMs = arg('latency', 0);
  const dir = mkdtempSync(join(tmpdir(), 'si-refresh-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: join(dir, 'bench.sqlite'),
    useNullAsDefault: true,
  });
  try {
    let t = performance.now();
    const world = await createPortfolioWorld(knex, {
      services,
      now: new Date(),
    });
    const seedS = (performance.now() - t) / 1000;
    world.catalog.latencyMs = latencyMs;

    const single = world.portfolio({ bulk: false });
    world.catalog.calls.clear();
    t = performance.now();
    const before = await single.refreshAllOneByOne();
    const oneByOneS = (performance.now() - t) / 1000;
    const oneByOneCalls = [...world.catalog.calls.values()].reduce(
      (a, b) => a + b,
      0,
    );
    const expected = await stored(knex);

    await clear(knex);
    const bulk = world.portfolio({ bulk: true });
    world.catalog.calls.clear();
    t = performance.now();
    const after = await bulk.refreshAll();
    const bulkS = (performance.now() - t) / 1000;
    const bulkCalls = [...world.catalog.calls.values()].reduce(
      (a, b) => a + b,
      0,
    );
    const identical = (await stored(knex)) === expected;

    console.log(
      `services                 ${services}  (world built in ${seedS.toFixed(
        1,
      )} s; catalog latency ${latencyMs} ms per call)`,
    );
    console.log(
      `one by one (before)      ${oneByOneS.toFixed(2).padStart(7)} s  ${
        before.refreshed
      } refreshed, ${
        before.failed.length
      } failed, ${oneByOneCalls} catalog calls`,
    );
    console.log(
      `bulk                     ${bulkS.toFixed(2).padStart(7)} s  ${
        after.refreshed
      } refreshed, ${after.failed.length} failed, ${bulkCalls} catalog calls`,
    );
    console.log(
      `ratio                    ${(oneByOneS / bulkS).toFixed(1)}x faster`,
    );
    console.log(`stored rows identical    ${identical ? 'yes' : 'NO'}`);
    if (!identical) process.exitCode = 1;
  } finally {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
