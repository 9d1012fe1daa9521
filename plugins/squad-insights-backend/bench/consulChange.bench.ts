/*
 * Consul change latency: from a change in Consul to the facts store holding it (what the API
 * serves), through the real client, blocking-query watches and the SQLite facts store, against
 * the demo's Consul stand-in over real HTTP (goal: ≤ 5 s).
 *
 *   cd plugins/squad-insights-backend && ../../node_modules/.bin/tsx bench/consulChange.bench.ts [--changes 7]
 */
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { ConsulClient } from '@squad-insights/backstage-plugin-squad-insights-node';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startConsulStandIn } from '../../../demo/consul/standIn';
import { DatabaseFactsStore } from '../src/database/DatabaseFactsStore';
import { ConsulIngester } from '../src/ingestion/ConsulIngester';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

type Health = { instances?: Array<{ health: string }> };

async function main() {
  const changes = arg('changes', 7);
  const consul = await startConsulStandIn({ port: 0 });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DatabaseFactsStore.create({
    database: { getClient: async () => knex },
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
  const ingester = ConsulIngester.create({
    client: ConsulClient.create({ address: consul.url }),
    store,
    logger,
  });
  ingester.start();

  const health = async () => {
    const snapshot = await store.getConsulSnapshot('rights-ledger');
    return (snapshot?.view as Health | undefined)?.instances?.map(
      i => i.health,
    );
  };
  const until = async (wanted: string) => {
    for (;;) {
      const now = await health();
      if (now && now.length > 0 && now.every(h => h === wanted)) return;
      await new Promise(r => setTimeout(r, 20));
    }
  };

  // Once the first view is stored (the stand-in serves one instance of it critical).
  for (let now = await health(); !now?.length; now = await health()) {
    await new Promise(r => setTimeout(r, 20));
  }
  const latencies: number[] = [];
  for (let n = 0; n < changes; n++) {
    const status = n % 2 === 0 ? 'passing' : 'critical';
    const changedAt = performance.now();
    consul.update('rights-ledger', s => {
      for (const instance of s.instances)
        for (const check of instance.checks) check.status = status;
    });
    await until(status);
    latencies.push(performance.now() - changedAt);
  }
  await ingester.stop();
  await consul.close();
  await knex.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`changes                 ${changes}`);
  console.log(
    `latency each (ms)       ${latencies.map(l => l.toFixed(0)).join(', ')}`,
  );
  console.log(
    `median / worst          ${sorted[Math.floor(sorted.length / 2)].toFixed(
      0,
    )} ms / ${sorted[sorted.length - 1].toFixed(0)} ms  (goal ≤ 5000 ms)`,
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
