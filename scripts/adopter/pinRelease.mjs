// Puts a freshly created app on the Backstage release of this repository, as
// `backstage-cli versions:bump` would (it needs the internet, which these machines lack):
// every @backstage/* dependency this repository also uses gets this repository's range (and,
// through its yarn.lock copied in as the seed, the same resolved version); the few that only the
// stock app uses get the newest version on the registry, which is the release this repository
// is on. create-app's own ranges would otherwise resolve to a mix of releases (see
// ../shared/TOOLCHAIN.md: signals-backend 0.3.21 with backend-defaults 0.18.0 crashes at start).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** name → the range this repository's yarn.lock resolves to its highest version. */
export function repoRanges(lockText) {
  const best = new Map();
  const blocks = lockText.split(/\n(?=")/);
  for (const block of blocks) {
    const header = block.match(/^"([^\n]+)":\n\s+version: ([^\n]+)/);
    if (!header) continue;
    const version = header[2].trim();
    for (const descriptor of header[1].split(', ')) {
      const m = descriptor.match(/^(@backstage\/[^@]+)@npm:(.+)$/);
      if (!m) continue;
      const [, name, range] = m;
      const seen = best.get(name);
      if (!seen || compareVersions(version, seen.version) > 0)
        best.set(name, { range, version });
    }
  }
  return best;
}

function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  }
  return 0;
}

/** Rewrites the @backstage/* ranges of the given package.json files; returns what changed. */
export function pinBackstageRanges(appDir, packageFiles, ranges) {
  const latest = new Map();
  const newest = name => {
    if (!latest.has(name)) {
      const v = execFileSync('npm', ['view', `${name}@latest`, 'version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      }).trim();
      latest.set(name, `^${v}`);
    }
    return latest.get(name);
  };
  const changes = { fromRepo: 0, fromRegistry: [] };
  for (const file of packageFiles) {
    const path = join(appDir, file);
    const pkg = JSON.parse(readFileSync(path, 'utf8'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (!name.startsWith('@backstage/')) continue;
        if (ranges.has(name)) {
          pkg[field][name] = ranges.get(name).range;
          changes.fromRepo++;
        } else {
          pkg[field][name] = newest(name);
          changes.fromRegistry.push(`${name}@${pkg[field][name]}`);
        }
      }
    }
    writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return changes;
}
