// The backend as a production deployment gets it: `backstage-cli package build` of
// packages/backend (dist/bundle.tar.gz and dist/skeleton.tar.gz, with the built app and the
// plugins packed inside), unpacked into a folder of its own and installed with
// `yarn workspaces focus --all --production`, exactly the steps of packages/backend/Dockerfile.
// Yarn's global cache (filled by the repository's own install) keeps the install offline-fast.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { root } from '../../lib/portal.mjs';

const yarnRelease = () =>
  resolve(
    root,
    '.yarn/releases',
    readdirSync(resolve(root, '.yarn/releases')).find(f =>
      /^yarn-.*\.cjs$/.test(f),
    ),
  );

/**
 * backstage-cli runs `yarn` from PATH when it packs the workspace; these machines have no
 * global yarn, so a shim to the committed release goes first on PATH. Node's own folder too,
 * so `yarn` runs on the Node this script runs on.
 */
function envWithYarn(dir) {
  const bin = join(dir, '.bin');
  mkdirSync(bin, { recursive: true });
  const shim = join(bin, 'yarn');
  writeFileSync(
    shim,
    `#!/bin/sh\nexec "${process.execPath}" "${yarnRelease()}" "$@"\n`,
  );
  chmodSync(shim, 0o755);
  return {
    ...process.env,
    PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}`,
  };
}

function timed(label, timings, fn) {
  const started = Date.now();
  const result = fn();
  timings.push([label, Math.round((Date.now() - started) / 1000)]);
  return result;
}

/**
 * Builds the backend bundle and installs it into a new temporary folder; returns that
 * folder (the backend's working directory is `<dir>/packages/backend`) and step timings.
 */
export function buildAndInstallBundle({ logFile }) {
  const dir = mkdtempSync(join(tmpdir(), 'si-prod-'));
  try {
    return buildInto(dir, logFile);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

function buildInto(dir, logFile) {
  const env = envWithYarn(dir);
  const timings = [];
  const run = (cmd, args, cwd) => {
    try {
      execFileSync(cmd, args, {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch (e) {
      writeFileSync(logFile, `${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      throw new Error(
        `\`${[cmd, ...args].join(' ')}\` failed in ${cwd}; see ${logFile}`,
      );
    }
  };
  const backend = resolve(root, 'packages/backend');
  timed('backstage-cli package build (backend, app, plugins)', timings, () =>
    run(
      resolve(root, 'node_modules/.bin/backstage-cli'),
      ['package', 'build'],
      backend,
    ),
  );
  const app = join(dir, 'app');
  mkdirSync(join(app, '.yarn'), { recursive: true });
  cpSync(resolve(root, '.yarn/releases'), join(app, '.yarn/releases'), {
    recursive: true,
  });
  for (const f of ['.yarnrc.yml', 'backstage.json']) {
    cpSync(resolve(root, f), join(app, f));
  }
  for (const f of ['skeleton.tar.gz', 'bundle.tar.gz']) {
    const tarball = resolve(backend, 'dist', f);
    if (!existsSync(tarball))
      throw new Error(`the backend build left no ${tarball}`);
    run('tar', ['xzf', tarball], app);
  }
  timed('yarn workspaces focus --all --production', timings, () =>
    run(
      process.execPath,
      [yarnRelease(), 'workspaces', 'focus', '--all', '--production'],
      app,
    ),
  );
  return { dir, app, timings };
}
