// Installs the Squad Insights packages into a stock Backstage app the way an adopter would:
// builds and packs the five packages (`backstage-cli package build`, `yarn pack`), creates an app
// with @backstage/create-app at this repository's Backstage release, follows the plugin READMEs'
// install steps (stockAppEdits.mjs), builds the app and backend, starts the backend (which
// serves the built app) and checks in headless Chromium that a service page shows the Ownership
// card and the Compliance and Sustainability tabs, and that the Compliance review page opens.
//
// Everything happens in a temporary folder; the repository only gains build output (dist/,
// git-ignored) and test-results/adopter/ (logs, screenshots). Exit codes: 0 passed, 1 a check or
// step failed, 2 the npm registry could not be reached (nothing was installed).
// Run through scripts/adopter/install.sh (sets up Node and the repository's dependencies).
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  launchChromium,
  root,
  startProcess,
  waitForUrl,
} from '../../e2e/lib/portal.mjs';
import { pinBackstageRanges, repoRanges } from './pinRelease.mjs';
import {
  PACKAGES,
  addPackages,
  checkAppDiscovery,
  wireBackend,
  writeConfig,
} from './stockAppEdits.mjs';

/** create-app 0.9.2 is Backstage 1.55.0 (backstage.json); pinRelease.mjs moves it to the repo's release. */
const CREATE_APP = '@backstage/create-app@0.9.2';
const PLUGIN_DIRS = [
  'plugins/squad-insights-common',
  'plugins/squad-insights-node',
  'plugins/squad-insights-backend',
  'plugins/scaffolder-backend-module-squad',
  'plugins/squad-insights',
];
const SERVICE = 'payment-processing';

const out = resolve(root, 'test-results/adopter');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'si-adopter-'));
const keep = process.env.SI_ADOPTER_KEEP === '1';
const timings = [];
const started = Date.now();
const yarnRelease = resolve(
  root,
  '.yarn/releases',
  readdirSync(resolve(root, '.yarn/releases')).find(f =>
    /^yarn-.*\.cjs$/.test(f),
  ),
);

// backstage-cli runs `yarn` from PATH; these machines have none but the committed release.
const bin = join(work, '.bin');
mkdirSync(bin);
writeFileSync(
  join(bin, 'yarn'),
  `#!/bin/sh\nexec "${process.execPath}" "${yarnRelease}" "$@"\n`,
);
chmodSync(join(bin, 'yarn'), 0o755);
const env = {
  ...process.env,
  PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}`,
  // create-app asks for the app's name unless it is given here.
  BACKSTAGE_APP_NAME: 'stock-app',
};

class StepError extends Error {}

function step(label, fn) {
  const t = Date.now();
  process.stdout.write(`  ${label} ... `);
  try {
    const result = fn();
    const s = Math.round((Date.now() - t) / 1000);
    timings.push([label, s]);
    console.log(`${s}s`);
    return result;
  } catch (e) {
    console.log('failed');
    throw e;
  }
}

function run(cmd, args, { cwd, logName, timeout = 20 * 60_000 }) {
  const logFile = join(out, `${logName}.log`);
  try {
    const output = execFileSync(cmd, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
      timeout,
    });
    writeFileSync(logFile, output);
    return output;
  } catch (e) {
    writeFileSync(logFile, `${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    throw new StepError(
      `\`${[cmd, ...args]
        .map(a => a.replace(work, '$TMP'))
        .join(' ')}\` failed; see ${logFile}`,
    );
  }
}

const yarn = (args, opts) =>
  run(process.execPath, [yarnRelease, ...args], opts);

/** The registry create-app and the install need; unreachable → exit 2 before anything is made. */
function checkRegistry() {
  try {
    // One try with a bounded wait: npm's default retries take a minute to give up.
    execFileSync(
      'npm',
      [
        'view',
        CREATE_APP,
        'version',
        '--fetch-retries=0',
        '--fetch-timeout=30000',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
    );
  } catch (e) {
    console.log('unreachable');
    const registry = (() => {
      try {
        return execFileSync('npm', ['config', 'get', 'registry'], {
          env,
          encoding: 'utf8',
        }).trim();
      } catch {
        return 'the npm registry';
      }
    })();
    const reason =
      String(e.stderr ?? '')
        .split('\n')
        .find(l => /npm (error|ERR!) (code|errno|network)/.test(l))
        ?.replace(/^npm (error|ERR!) /, '') ?? e.message;
    console.error(
      `cannot reach ${registry} to fetch ${CREATE_APP} (${reason.trim()}).\n` +
        'Nothing was installed and the repository is unchanged; connect to the registry (or set ' +
        'npm_config_registry to a mirror) and run this again.',
    );
    cleanUp();
    process.exit(2);
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

function cleanUp() {
  if (keep) {
    console.log(`  kept the stock app in ${work}`);
    return;
  }
  // The app's node_modules is ~1.5 GB: removing it takes a while on a busy disk.
  const t = Date.now();
  rmSync(work, { recursive: true, force: true });
  timings.push([
    'remove the temporary app',
    Math.round((Date.now() - t) / 1000),
  ]);
}

/** Builds and packs one package; returns its name, version and pack. */
function buildAndPack(dir) {
  const pkgDir = resolve(root, dir);
  const { name, version } = JSON.parse(
    readFileSync(join(pkgDir, 'package.json'), 'utf8'),
  );
  const logName = `build-${dir.split('/').pop()}`;
  run(resolve(root, 'node_modules/.bin/backstage-cli'), ['package', 'build'], {
    cwd: pkgDir,
    logName,
  });
  const file = join(
    work,
    'packs',
    `${name.replace('@', '').replace('/', '-')}-${version}.tgz`,
  );
  // `yarn pack` applies publishConfig (dist entry points) and turns workspace: ranges into versions.
  yarn(['pack', '--out', file], {
    cwd: pkgDir,
    logName: `pack-${dir.split('/').pop()}`,
  });
  return [name, { version, file }];
}

let backend;
let browser;
let failures = 0;
let passes = 0;
try {
  console.log(`adopter install: working in ${work}`);
  step('npm registry reachable', checkRegistry);

  // Packages ship .d.ts built from the repository-wide type-check (dist-types/), as
  // Backstage's publishing flow does (`yarn tsc && yarn build:all`); incremental, so quick
  // after the test command's own type-check.
  step('yarn tsc (declarations for the packs)', () =>
    yarn(['tsc'], { cwd: root, logName: 'repo-tsc' }),
  );
  mkdirSync(join(work, 'packs'));
  const packs = step('build and pack the five packages', () =>
    Object.fromEntries(PLUGIN_DIRS.map(buildAndPack)),
  );
  for (const name of [
    ...PACKAGES.backend,
    ...PACKAGES.app,
    ...PACKAGES.indirect,
  ]) {
    if (!packs[name]) throw new StepError(`no pack was made for ${name}`);
  }

  const app = join(work, 'stock-app');
  step(`npx ${CREATE_APP} --skip-install`, () => {
    mkdirSync(app);
    run('npx', ['--yes', CREATE_APP, '--path', app, '--skip-install'], {
      cwd: work,
      logName: 'create-app',
    });
  });

  step("pin @backstage/* to this repository's release", () => {
    const lock = readFileSync(resolve(root, 'yarn.lock'), 'utf8');
    const changes = pinBackstageRanges(
      app,
      [
        'package.json',
        'packages/app/package.json',
        'packages/backend/package.json',
      ],
      repoRanges(lock),
    );
    // The repository's lockfile as the seed (create-app fetches one from GitHub, unreachable
    // here): shared dependencies resolve to the versions this repository is tested with.
    cpSync(resolve(root, 'yarn.lock'), join(app, 'yarn.lock'));
    writeFileSync(
      join(out, 'pinned.txt'),
      `${
        changes.fromRepo
      } ranges from this repository; newest on the registry: ${changes.fromRegistry.join(
        ', ',
      )}\n`,
    );
  });

  step('follow the READMEs: add the packs, wire the backend, config', () => {
    addPackages(app, packs);
    wireBackend(app);
    checkAppDiscovery(app);
  });
  const port = await freePort();
  writeConfig(app, root, port);

  // A new app's lockfile is written by this install, also on CI (where Yarn defaults to immutable).
  step('yarn install', () =>
    yarn(['install', '--no-immutable'], { cwd: app, logName: 'yarn-install' }),
  );
  step('yarn tsc', () => yarn(['tsc'], { cwd: app, logName: 'tsc' }));
  step('yarn build:backend (app and backend)', () =>
    yarn(['build:backend'], { cwd: app, logName: 'build-backend' }),
  );

  // As create-app's Dockerfile does: the backend runs from its unpacked bundle; here its
  // dependencies come from the app's own node_modules above it instead of a production install.
  const bundle = join(app, 'packages/backend/dist/bundle');
  mkdirSync(bundle);
  run('tar', ['xzf', '../bundle.tar.gz'], {
    cwd: bundle,
    logName: 'unpack-bundle',
  });
  const t = Date.now();
  backend = startProcess(
    process.execPath,
    [
      'packages/backend',
      '--config',
      join(app, 'app-config.yaml'),
      '--config',
      join(app, 'app-config.local.yaml'),
    ],
    // The guest sign-in of a stock app works in development only.
    {
      cwd: bundle,
      logFile: join(out, 'backend.log'),
      env: { ...env, NODE_ENV: 'development' },
    },
  );
  const url = `http://localhost:${port}`;
  await waitForUrl(`${url}/.backstage/health/v1/readiness`, 180_000, backend);
  timings.push(['backend ready', Math.round((Date.now() - t) / 1000)]);
  console.log(`  backend ready ... ${timings.at(-1)[1]}s (${url})`);

  browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
  });
  page.setDefaultTimeout(90_000);
  const check = async (name, fn) => {
    try {
      await fn();
      passes++;
      console.log(`  ✓ ${name}`);
    } catch (e) {
      failures++;
      console.log(`  ✗ ${name}\n    ${String(e?.message ?? e).split('\n')[0]}`);
      await page
        .screenshot({
          path: join(out, `failed-${failures}.png`),
          fullPage: true,
        })
        .catch(() => {});
    }
  };

  await check('guest signs in to the stock app', async () => {
    await page.goto(url);
    await page.getByText('Enter', { exact: true }).click();
    await page
      .getByRole('link', { name: 'Payment Processing' })
      .first()
      .waitFor();
  });
  await check(
    `${SERVICE}: the Ownership card and the Compliance and Sustainability tabs`,
    async () => {
      await page.goto(`${url}/catalog/default/component/${SERVICE}`);
      await page.getByText('Ownership', { exact: true }).first().waitFor();
      await page
        .getByRole('link', { name: 'Payments Squad' })
        .first()
        .waitFor();
      for (const tab of ['Compliance', 'Sustainability']) {
        await page
          .getByRole('link', { name: tab, exact: true })
          .first()
          .waitFor();
      }
      await page.screenshot({
        path: join(out, `${SERVICE}.png`),
        fullPage: true,
      });
      await page
        .getByRole('link', { name: 'Compliance', exact: true })
        .first()
        .click();
      await page.waitForURL(u => u.pathname.endsWith('/compliance'));
      await page.screenshot({
        path: join(out, `${SERVICE}-compliance.png`),
        fullPage: true,
      });
    },
  );
  await check(
    'the squad template, registered as its README says, is offered on /create',
    async () => {
      await page.goto(`${url}/create`);
      await page
        .getByText('Squad microservice', { exact: true })
        .first()
        .waitFor();
    },
  );
  await check(
    'the Compliance review page opens and lists services',
    async () => {
      await page.goto(`${url}/squad-insights/compliance-review`);
      await page
        .getByRole('table', { name: 'Compliance portfolio' })
        .locator('tbody tr th a')
        .first()
        .waitFor();
      await page.screenshot({
        path: join(out, 'compliance-review.png'),
        fullPage: true,
      });
    },
  );
} catch (e) {
  failures++;
  console.log(`  ✗ ${String(e?.message ?? e).split('\n')[0]}`);
  if (!(e instanceof StepError) && e?.stack)
    console.log(e.stack.split('\n').slice(1, 3).join('\n'));
} finally {
  await browser?.close().catch(() => {});
  backend?.stop();
  cleanUp();
}
timings.push(['total', Math.round((Date.now() - started) / 1000)]);
console.log(`  timings: ${timings.map(([k, v]) => `${k} ${v}s`).join('; ')}`);
console.log('  logs and screenshots in test-results/adopter');
console.log(`adopter: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
