// What the browser smoke test and the benchmarks share: starting and stopping a portal in
// its own process group, waiting for it, headless Chromium, and the backend API as guest.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** How long a stopped process group may take to shut down before it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * Starts a long-running command (the portal, a Consul stand-in) in its own process group, so
 * `stop()` ends the whole tree it spawns and nothing else. Output goes to `logFile`.
 *
 * `stop()` sends SIGTERM at once and returns a promise of the end: a backend busy with 5,000
 * entities has been seen to take minutes over a graceful shutdown, holding its port and
 * database meanwhile, so after `STOP_GRACE_MS` the group is killed. Await it before starting
 * another portal on the same ports.
 */
export function startProcess(command, args, { logFile, env, cwd = root } = {}) {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, {
    cwd,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const ended = new Promise(done => child.once('exit', done));
  const signal = name => {
    try {
      process.kill(-child.pid, name);
    } catch {
      /* already gone */
    }
  };
  return {
    child,
    exited,
    async stop() {
      if (!child.pid) return;
      // The whole group, even when the direct child is gone: its children may not be.
      signal('SIGTERM');
      if (exited()) return;
      let timer;
      const late = new Promise(done => {
        timer = setTimeout(done, STOP_GRACE_MS, 'late');
      });
      if ((await Promise.race([ended, late])) === 'late') {
        signal('SIGKILL');
        await ended;
      }
      clearTimeout(timer);
    },
  };
}

/** `yarn start` with the committed Yarn release: frontend dev server and backend. */
export function yarnStart(configFiles, { logFile }) {
  const yarn = readdirSync(resolve(root, '.yarn/releases')).find(f =>
    /^yarn-.*\.cjs$/.test(f),
  );
  // Config paths are resolved per package by backstage-cli, so they must be absolute.
  const args = configFiles.flatMap(f => ['--config', resolve(root, f)]);
  return startProcess(
    process.execPath,
    [resolve(root, '.yarn/releases', yarn), 'start', ...args],
    { logFile },
  );
}

/**
 * The portal as `yarn start` runs it (the app on the webpack dev server, the backend from its
 * TypeScript sources), except that the backend is not watched: `backstage-cli package start`
 * restarts it on every change to any file it loaded, and in a checkout that others are editing
 * that restarts it every few seconds, leaving its scheduled tasks marked running until their
 * timeout. Returns one handle that stops both.
 */
export function devPortal(configFiles, { logDir }) {
  const configArgs = configFiles.flatMap(f => ['--config', resolve(root, f)]);
  const cli = resolve(root, 'node_modules/@backstage/cli/bin/backstage-cli');
  const app = startProcess(
    process.execPath,
    [cli, 'package', 'start', ...configArgs],
    {
      logFile: resolve(logDir, 'app.log'),
      cwd: resolve(root, 'packages/app'),
    },
  );
  const backend = sourceBackend(configFiles, { logDir });
  return {
    exited: () => app.exited() || backend.exited(),
    stop: () => Promise.all([app.stop(), backend.stop()]),
  };
}

/**
 * The backend from its TypeScript sources, unwatched (see {@link devPortal}). When
 * packages/app/dist holds a production build of the app, the backend's app plugin
 * (`@backstage/plugin-app-backend`) serves it, so frontend and API share the backend's port.
 */
export function sourceBackend(configFiles, { logDir }) {
  const configArgs = configFiles.flatMap(f => ['--config', resolve(root, f)]);
  const transform = resolve(
    root,
    'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
  );
  return startProcess(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      'src/index.ts',
      ...configArgs,
    ],
    {
      logFile: resolve(logDir, 'backend.log'),
      cwd: resolve(root, 'packages/backend'),
      env: {
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: resolve(root, 'tsconfig.json'),
      },
    },
  );
}

/**
 * Runs a command to its end with the committed Yarn release (`yarn workspace app build`, say),
 * output to `logFile`; rejects with the log's path when it fails.
 */
export function runYarn(args, { logFile }) {
  const yarn = readdirSync(resolve(root, '.yarn/releases')).find(f =>
    /^yarn-.*\.cjs$/.test(f),
  );
  const proc = startProcess(
    process.execPath,
    [resolve(root, '.yarn/releases', yarn), ...args],
    { logFile },
  );
  return {
    stop: proc.stop,
    done: new Promise((resolveDone, reject) => {
      proc.child.on('exit', code =>
        code === 0
          ? resolveDone()
          : reject(
              new Error(
                `yarn ${args.join(' ')} exited with ${code}; see ${logFile}`,
              ),
            ),
      );
    }),
  };
}

/**
 * Fails when something already answers at `url`: a portal left running (or still shutting
 * down) on the ports a run is about to use would otherwise be measured in its place.
 */
export async function assertNothingAt(url) {
  const answered = await fetch(url).then(
    () => true,
    () => false,
  );
  if (answered) {
    throw new Error(
      `something already answers at ${url}: stop it (a portal left from an earlier run?) or pick other ports`,
    );
  }
}

/** Waits until `url` answers 200; fails early when `proc` (if given) has stopped. */
export async function waitForUrl(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (proc?.exited())
      throw new Error(`the portal stopped before ${url} answered`);
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** Debian's chromium, headless; Playwright's own browser download cannot work here. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The backend API as the guest user signs in to it, so the tests compare what the page shows
 * with what the API answers the same user. The guest provider hands out a user token.
 */
export async function guestApi(backendUrl) {
  const res = await fetch(
    `${backendUrl}/api/auth/guest/refresh?env=development`,
    {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    },
  );
  if (!res.ok)
    throw new Error(`guest sign-in at ${backendUrl} answered ${res.status}`);
  const token = (await res.json()).backstageIdentity?.token;
  if (!token)
    throw new Error(`guest sign-in at ${backendUrl} returned no token`);
  const call = async (method, path, body) => {
    const r = await fetch(`${backendUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!r.ok)
      throw new Error(
        `${method} ${path} answered ${r.status}: ${(await r.text()).slice(
          0,
          200,
        )}`,
      );
    return r.headers.get('content-type')?.includes('json')
      ? r.json()
      : undefined;
  };
  return {
    token,
    get: path => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}

/** Polls `probe` until it returns a truthy value; the error names what was last seen. */
export async function pollUntil(
  probe,
  { timeoutMs, intervalMs = 2000, describe },
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${describe()} after ${timeoutMs / 1000}s${
          last ? ` (last error: ${last.message})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
