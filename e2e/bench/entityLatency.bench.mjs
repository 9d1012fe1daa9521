// Latency of the per-entity routes the service page calls, against the catalog's own
// `entities/by-name` route in the same backend, in one run (issue #14, "fast answers"):
//
//   node e2e/bench/entityLatency.bench.mjs [--rounds 6] [--requests 80] [--concurrency 8]
//
// Starts the demo backend from source on its own port (SI_BENCH_BACKEND_PORT, default 7217;
// never the 7007 of the start command), signs in as the demo guest, waits until the demo's
// Terraform states are read, then measures in interleaved rounds: each round sends
// `--requests` requests per route at `--concurrency`, routes in a rotated order, so every route
// sees the same machine load. Prints p50/p95 per route and the ratio of each route's p95 to the
// catalog route's p95 (goal: ≤ 1.0). With SI_BACKEND_URL it measures a backend already running.
//
// Not part of the test command: ratios, not milliseconds, are the figure, and only a quiet
// machine gives stable ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import {
  assertNothingAt,
  guestApi,
  root,
  sourceBackend,
  waitForUrl,
} from '../lib/portal.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const ROUNDS = arg('--rounds', 6);
const REQUESTS = arg('--requests', 80);
const CONCURRENCY = arg('--concurrency', 8);
const ENTITIES = [
  'payment-processing',
  'music-discovery',
  'playlist-management',
];

const port = Number(process.env.SI_BENCH_BACKEND_PORT ?? 7217);
let backendUrl = process.env.SI_BACKEND_URL;
let backend;
if (!backendUrl) {
  backendUrl = `http://localhost:${port}`;
  const logDir = resolve(root, 'e2e/.bench-logs');
  mkdirSync(logDir, { recursive: true });
  const benchConfig = resolve(logDir, 'app-config.latency.yaml');
  writeFileSync(
    benchConfig,
    `backend:\n  baseUrl: ${backendUrl}\n  listen: { port: ${port} }\n`,
  );
  await assertNothingAt(backendUrl).catch(error => {
    console.error(`bench not started: ${error.message}`);
    process.exit(1);
  });
  backend = sourceBackend(['app-config.yaml', benchConfig], { logDir });
  process.on('exit', () => backend.stop());
  await waitForUrl(
    `${backendUrl}/.backstage/health/v1/readiness`,
    240_000,
    backend,
  );
}

const transport = backendUrl.startsWith('https:') ? https : http;
const agent = new transport.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
try {
  const api = await guestApi(backendUrl);
  const token = api.token;
  // The demo states are read by the first facts pass shortly after start.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const facts = await api
      .get(
        `/api/squad-insights/entities/default/component/${ENTITIES[0]}/facts`,
      )
      .catch(() => undefined);
    if (facts?.states?.some(st => st.freshness?.readAt)) break;
    if (Date.now() > deadline)
      throw new Error('the demo states were not read within 2 minutes');
    await new Promise(r => setTimeout(r, 1000));
  }

  const routes = {
    'catalog by-name': n =>
      `/api/catalog/entities/by-name/component/default/${n}`,
    compliance: n =>
      `/api/squad-insights/entities/default/component/${n}/compliance`,
    footprint: n =>
      `/api/squad-insights/entities/default/component/${n}/footprint`,
    profile: n => `/api/squad-insights/entities/default/component/${n}/profile`,
    facts: n => `/api/squad-insights/entities/default/component/${n}/facts`,
  };
  const samples = Object.fromEntries(Object.keys(routes).map(r => [r, []]));

  // Each request is timed until its last byte arrives, as a browser takes it (gzip), but not
  // decompressed: `fetch` would gunzip every answer in this process, which shares the machine's
  // two cores with the backend, so the route with the largest answer (facts, ~120 KB) would
  // be timed with this client's decompression in its tail. What is compared is the backend.
  const one = path =>
    new Promise((resolveMs, reject) => {
      const started = performance.now();
      const req = transport.get(
        `${backendUrl}${path}`,
        {
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'accept-encoding': 'gzip',
          },
        },
        res => {
          res.on('data', () => {});
          res.on('error', reject);
          res.on('end', () =>
            res.statusCode === 200
              ? resolveMs(performance.now() - started)
              : reject(new Error(`${path} answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
    });
  const burst = async (route, record) => {
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const ms = await one(routes[route](ENTITIES[i % ENTITIES.length]));
        if (record) samples[route].push(ms);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  const names = Object.keys(routes);
  for (const route of names) await burst(route, false); // warm-up: caches, JIT, connections
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const route of order) await burst(route, true);
  }

  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  };
  const base = quantile(samples['catalog by-name'], 0.95);
  console.log(
    `concurrency ${CONCURRENCY}, ${ROUNDS} rounds × ${REQUESTS} requests per route, interleaved`,
  );
  console.log('route              p50 ms   p95 ms   p95 / catalog p95');
  for (const route of names) {
    const p50 = quantile(samples[route], 0.5);
    const p95 = quantile(samples[route], 0.95);
    console.log(
      `${route.padEnd(18)} ${p50.toFixed(1).padStart(6)}   ${p95
        .toFixed(1)
        .padStart(6)}   ${(p95 / base).toFixed(2)}×`,
    );
  }
} finally {
  agent.destroy();
  await backend?.stop();
}
