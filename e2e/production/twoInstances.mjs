// Production smoke: the backend built as a production bundle (lib/bundle.mjs), started twice
// with NODE_ENV=production on app-config.yaml + app-config.production.yaml (plus the test-only
// app-config.two-instances.yaml) against one PostgreSQL (fresh databases per run) and Redis.
// Checks that both instances get ready, that a waiver granted through one is read through the
// other, that the permission policy is not allow-all (a caller without a user may not grant),
// that the scheduled facts ingestion runs once per interval across both, and that restarting
// one loses nothing. Run by scripts/test.sh; alone: `node e2e/production/twoInstances.mjs`
// (PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379, as on the project's machines).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pollUntil, root, startProcess, waitForUrl } from '../lib/portal.mjs';
import { buildAndInstallBundle } from './lib/bundle.mjs';

const { Client } = createRequire(resolve(root, 'packages/backend/'))('pg');

const PG = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? 'unused-with-trust-auth',
};
const REDIS_HOST = process.env.REDIS_HOST ?? '127.0.0.1';
/** squadInsights.facts.schedule.frequency in app-config.two-instances.yaml */
const INTERVAL_S = 15;

const logDir = resolve(root, 'test-results/production');
mkdirSync(logDir, { recursive: true });
const runId = randomBytes(4).toString('hex');
const dbPrefix = `si_prod_${runId}_`;
const serviceToken = randomBytes(24).toString('hex');
const timings = [];
const started = Date.now();
const results = [];

async function check(name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`  ✗ ${name}\n    ${String(e?.message ?? e).split('\n')[0]}`);
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const instances = {};
function startInstance(name, app, port) {
  const logFile = resolve(logDir, `${name}.log`);
  // The log stream opens asynchronously: a previous run's log must not be read as this one's.
  rmSync(logFile, { force: true });
  const configs = [
    'app-config.yaml',
    'app-config.production.yaml',
    'e2e/production/app-config.two-instances.yaml',
  ].flatMap(f => ['--config', resolve(root, f)]);
  const proc = startProcess(
    process.execPath,
    ['packages/backend', ...configs],
    {
      cwd: app,
      logFile,
      // What an operator provides (app-config.production.yaml names each); the GitHub values are
      // placeholders: nothing here talks to GitHub.
      env: {
        NODE_ENV: 'production',
        APP_BASE_URL: `http://localhost:${port}`,
        SI_LISTEN_PORT: String(port),
        SI_DB_PREFIX: dbPrefix,
        SI_SERVICE_TOKEN: serviceToken,
        SI_REPO_ROOT: root,
        POSTGRES_HOST: PG.host,
        POSTGRES_PORT: String(PG.port),
        POSTGRES_USER: PG.user,
        POSTGRES_PASSWORD: PG.password,
        REDIS_HOST,
        GITHUB_APP_ID: '1',
        GITHUB_APP_CLIENT_ID: 'placeholder',
        GITHUB_APP_CLIENT_SECRET: 'placeholder',
        GITHUB_APP_WEBHOOK_SECRET: 'placeholder',
        GITHUB_APP_PRIVATE_KEY: 'placeholder',
        AUTH_GITHUB_CLIENT_ID: 'placeholder',
        AUTH_GITHUB_CLIENT_SECRET: 'placeholder',
        GITHUB_ORG: 'placeholder',
      },
    },
  );
  const url = `http://localhost:${port}`;
  instances[name] = { proc, url, logFile, port };
  return instances[name];
}

/** Waits for readiness; fails at once when the backend logged that its startup failed. */
async function ready(inst) {
  const probe = async () => {
    if (readLog(inst.logFile).includes('BackendStartupError'))
      throw new Error(
        `the backend on port ${inst.port} failed to start; see ${inst.logFile}`,
      );
    const res = await fetch(`${inst.url}/.backstage/health/v1/readiness`).catch(
      () => undefined,
    );
    return res?.ok;
  };
  let fatal;
  await pollUntil(
    () =>
      probe().catch(e => {
        fatal = e;
        return true;
      }),
    {
      timeoutMs: 180_000,
      intervalMs: 1000,
      describe: () => `the backend on port ${inst.port} was not ready`,
    },
  );
  if (fatal) throw fatal;
}

async function stopInstance(inst) {
  inst.proc.stop();
  await pollUntil(() => inst.proc.exited(), {
    timeoutMs: 30_000,
    intervalMs: 200,
    describe: () => `the instance on port ${inst.port} did not stop`,
  });
}

/** A user token for the guest, a reviewer (Compliance Office) in the demo organisation. */
async function signIn(url) {
  const res = await fetch(`${url}/api/auth/guest/refresh?env=production`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in at ${url} answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

function api(url, token) {
  return async (method, path, body) => {
    const res = await fetch(`${url}/api/squad-insights${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok)
      throw new Error(
        `${method} ${url}${path} answered ${res.status}: ${(
          await res.text()
        ).slice(0, 200)}`,
      );
    return res.json();
  };
}

const readLog = file => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

const listOf = body => (Array.isArray(body) ? body : body.items);

/** Facts passes in an instance's JSON log: time and how many states the pass handled. */
function factsPasses(inst) {
  return readLog(inst.logFile)
    .split('\n')
    .filter(l => l.includes('Terraform states:'))
    .map(l => {
      const entry = JSON.parse(l);
      const [read, unchanged, failed, tookMs] = entry.message
        .match(/\d+/g)
        .map(Number);
      const at = Date.parse(entry.timestamp);
      return {
        at,
        start: at - tookMs,
        tookMs,
        states: read + unchanged + failed,
        instance: inst.port,
      };
    });
}

async function dropDatabases() {
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${dbPrefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    return rows.length;
  } finally {
    await client.end();
  }
}

let bundleDir;
try {
  console.log('production smoke: building the backend bundle');
  const bundle = buildAndInstallBundle({
    logFile: resolve(logDir, 'build.log'),
  });
  bundleDir = bundle.dir;
  timings.push(...bundle.timings);

  const [portA, portB] = [await freePort(), await freePort()];
  let t = Date.now();
  // One after the other, as a rolling deployment starts replicas: two backends starting at
  // once on an empty database race to create the scheduler's knex migration tables
  // (backstage_backend_tasks__knex_migrations_lock: duplicate key), and one of them exits.
  // Everything after needs both: a failure here ends the run.
  const a = startInstance('a', bundle.app, portA);
  await ready(a);
  const b = startInstance('b', bundle.app, portB);
  await ready(b);
  timings.push(['both instances ready', Math.round((Date.now() - t) / 1000)]);
  results.push(true);
  console.log(`  ✓ both instances report ready (ports ${portA}, ${portB})`);

  const callA = api(a.url, await signIn(a.url));
  const callB = api(b.url, await signIn(b.url));

  // A failing check of a service, once the first facts pass has judged the demo services.
  let target;
  await check('the facts pass has judged the demo services', async () => {
    target = await pollUntil(
      async () => {
        const page = await callA(
          'GET',
          '/compliance/portfolio?status=failing&limit=20',
        );
        for (const row of page.items) {
          const [kind, rest] = row.entityRef.split(':');
          const [namespace, name] = rest.split('/');
          const path = `/entities/${namespace}/${kind}/${name}`;
          const compliance = await callA('GET', `${path}/compliance`);
          const failing = compliance.checks.find(
            c => c.status === 'fail' && !c.waiver,
          );
          if (failing) return { path, checkId: failing.checkId };
        }
        return undefined;
      },
      {
        timeoutMs: 180_000,
        describe: () => 'no failing check appeared in the portfolio',
      },
    );
  });
  if (!target)
    throw new Error(
      'nothing to waive; see the logs in test-results/production',
    );

  let waiver;
  await check('a waiver granted through A is read through B', async () => {
    waiver = await callA('POST', `${target.path}/waivers`, {
      checkId: target.checkId,
      justification: `production smoke ${runId}`,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const seen = listOf(await callB('GET', `${target.path}/waivers`));
    if (!seen.some(w => w.id === waiver.id))
      throw new Error(`B does not list waiver ${waiver.id}`);
    const judged = await callB('GET', `${target.path}/compliance`);
    const c = judged.checks.find(x => x.checkId === target.checkId);
    if (!c?.waiver)
      throw new Error(
        `B's verdict of ${target.checkId} does not apply the waiver`,
      );
  });

  await check(
    'the production policy refuses a waiver to a caller without a user',
    async () => {
      const res = await fetch(
        `${b.url}/api/squad-insights${target.path}/waivers`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${serviceToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            checkId: target.checkId,
            justification: 'not allowed',
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          }),
        },
      );
      if (res.status !== 403)
        throw new Error(
          `expected 403 (no allow-all policy), got ${res.status}`,
        );
    },
  );

  let review;
  await check('a review recorded through B is read through A', async () => {
    review = await callB('POST', `${target.path}/reviews`, {
      decision: 'changes_requested',
      comment: `production smoke ${runId}`,
    });
    const seen = listOf(await callA('GET', `${target.path}/reviews`));
    if (!seen.some(r => r.comment === review.comment))
      throw new Error('A does not list the review recorded through B');
  });

  await check(
    `the facts ingestion runs once per ${INTERVAL_S}s interval across both instances`,
    async () => {
      // Observed from the first pass that found the demo states (before it, warm-up retries
      // may trigger extra passes on purpose), plus one interval for a retry already asked for.
      const first = await pollUntil(
        () =>
          [...factsPasses(a), ...factsPasses(b)]
            .filter(p => p.states > 0)
            .sort((x, y) => x.at - y.at)[0],
        {
          timeoutMs: 120_000,
          describe: () => 'no facts pass read the demo states',
        },
      );
      const from = first.at + INTERVAL_S * 1000;
      const passes = await pollUntil(
        () => {
          const seen = [...factsPasses(a), ...factsPasses(b)]
            .filter(p => p.at > from)
            .sort((x, y) => x.at - y.at);
          return seen.length >= 4 ? seen : undefined;
        },
        {
          timeoutMs: 8 * INTERVAL_S * 1000,
          describe: () => 'fewer than 4 facts passes were logged',
        },
      );
      passes.sort((x, y) => x.start - y.start);
      const gaps = passes
        .slice(1)
        .map((p, i) => (p.start - passes[i].start) / 1000);
      const by = new Set(passes.map(p => p.instance)).size;
      console.log(
        `    passes ${passes.length}, started ${gaps
          .map(g => g.toFixed(1))
          .join('s, ')}s apart, each taking ${passes
          .map(p => (p.tookMs / 1000).toFixed(1))
          .join('s, ')}s, run by ${by} instance(s)`,
      );
      // Measured from when each pass began, not when it logged: a pass that outlasts the
      // interval is followed at once by the next (the scheduler catches up), so their log
      // lines are close though their starts are not. Both instances running a pass would
      // overlap (the two logs' clocks are one machine's).
      const problems = passes.slice(1).flatMap((p, i) => {
        const previous = passes[i];
        const previousEnd = previous.start + previous.tookMs;
        if (p.start < previousEnd - 500)
          return [
            `a pass on :${p.instance} began ${(
              (previousEnd - p.start) /
              1000
            ).toFixed(1)}s before the one on :${previous.instance} ended`,
          ];
        if (p.start - previous.start < (INTERVAL_S * 1000) / 2)
          return [
            `passes began ${((p.start - previous.start) / 1000).toFixed(
              1,
            )}s apart: more than one run per interval`,
          ];
        return [];
      });
      if (problems.length) throw new Error(problems.join('; '));
    },
  );

  await check('restarting A loses nothing', async () => {
    t = Date.now();
    await stopInstance(a);
    const again = startInstance('a-restarted', bundle.app, portA);
    await ready(again);
    timings.push([
      'restart of A until ready',
      Math.round((Date.now() - t) / 1000),
    ]);
    const call = api(again.url, await signIn(again.url));
    const waivers = listOf(await call('GET', `${target.path}/waivers`));
    if (!waivers.some(w => w.id === waiver.id && w.status === 'active'))
      throw new Error(
        `after the restart A does not list active waiver ${waiver.id}`,
      );
    const reviews = listOf(await call('GET', `${target.path}/reviews`));
    if (!reviews.some(r => r.comment === review.comment))
      throw new Error('after the restart A does not list the review');
    const judged = await call('GET', `${target.path}/compliance`);
    if (!judged.checks.find(x => x.checkId === target.checkId)?.waiver)
      throw new Error(
        'after the restart the verdict no longer applies the waiver',
      );
    // B kept serving throughout.
    await waitForUrl(`${b.url}/.backstage/health/v1/readiness`, 5_000, b.proc);
  });
} catch (e) {
  results.push(false);
  console.log(`  ✗ ${String(e?.message ?? e).split('\n')[0]}`);
} finally {
  // Ended, not just signalled: a backend still shutting down holds its database open.
  await Promise.all(Object.values(instances).map(inst => inst.proc.stop()));
  try {
    const dropped = await dropDatabases();
    console.log(`  dropped the run's ${dropped} databases (${dbPrefix}*)`);
  } catch (e) {
    console.log(`  could not drop the databases ${dbPrefix}*: ${e.message}`);
  }
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
}

timings.push(['total', Math.round((Date.now() - started) / 1000)]);
console.log(`  timings: ${timings.map(([k, v]) => `${k} ${v}s`).join('; ')}`);
const failed = results.filter(r => !r).length;
console.log('  logs in test-results/production');
console.log(`production: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
