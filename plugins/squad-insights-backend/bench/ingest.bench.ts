/*
 * Ingestion benchmark: a pass with nothing changed over N services against a full ingest of
 * the same services, in one run (goal: the no-change pass costs ≤ 2% of the full ingest).
 *
 *   cd plugins/squad-insights-backend && ../../node_modules/.bin/tsx bench/ingest.bench.ts [--services 2000]
 *
 * States are realistic demo states (demo/terraform) copied under a temp directory and read
 * through the real local source, reader, parser and a SQLite facts store.
 */
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { ConfigReader } from '@backstage/config';
import {
  createStateSources,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { DatabaseFactsStore } from '../src/database/DatabaseFactsStore';
import { StateIngester } from '../src/ingestion/StateIngester';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const services = arg('services', 2000);
  const demo = resolve(__dirname, '../../../demo/terraform');
  const templates = readdirSync(demo, { withFileTypes: true })
    .filter(d => d.isDirectory() && d.name !== 'generator')
    .map(d => readFileSync(join(demo, d.name, 'terraform.tfstate'), 'utf8'));
  const root = mkdtempSync(join(tmpdir(), 'si-ingest-bench-'));
  const references: string[] = [];
  for (let i = 0; i < services; i++) {
    mkdirSync(join(root, `svc-${i}`));
    // Distinct content per service: the serial differs, so nothing is shared by accident.
    writeFileSync(
      join(root, `svc-${i}`, 'terraform.tfstate'),
      templates[i % templates.length].replace(
        /"serial": \d+/,
        `"serial": ${1000 + i}`,
      ),
    );
    references.push(`bench:svc-${i}/terraform.tfstate`);
  }

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DatabaseFactsStore.create({
    database: { getClient: async () => knex },
  });
  const config = new ConfigReader({
    squadInsights: {
      terraform: { sources: [{ id: 'bench', type: 'local', root }] },
    },
  });
  const reader = TerraformStateReader.create({
    sources: createStateSources(config),
  });
  const logger = {
    warn() {},
    info() {},
    error() {},
    debug() {},
    child() {
      return logger;
    },
  } as any;
  const ingester = StateIngester.create({ reader, store, logger });

  let t = performance.now();
  const full = await ingester.ingest(references);
  const fullMs = performance.now() - t;

  // The scheduled pass repeats every period with nothing changed: its steady cost is what
  // matters, so the median of several passes is compared (the first one is printed too).
  const idleRuns: number[] = [];
  let idle = full;
  for (let run = 0; run < 7; run++) {
    t = performance.now();
    idle = await ingester.ingest(references);
    idleRuns.push(performance.now() - t);
  }
  const firstIdleMs = idleRuns[0];
  const idleMs = [...idleRuns].sort((a, b) => a - b)[3];

  console.log(`services                 ${services}`);
  console.log(
    `full ingest              ${fullMs.toFixed(0)} ms  (${JSON.stringify(
      full,
    )})`,
  );
  console.log(
    `pass, nothing changed    ${idleMs.toFixed(
      0,
    )} ms median of 7, first ${firstIdleMs.toFixed(0)} ms  (${JSON.stringify(
      idle,
    )})`,
  );
  console.log(
    `ratio no-change / full   ${((idleMs / fullMs) * 100).toFixed(
      2,
    )} %  (goal ≤ 2 %)`,
  );
  await knex.destroy();
  rmSync(root, { recursive: true, force: true });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
