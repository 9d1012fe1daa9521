// What the squad-insights plugin weighs in the production build of the app: run
// `yarn workspace app build` first (about half a minute here; packages/app/dist is ~70 MB with
// source maps), then `node e2e/bench/prodBundle.mjs`.
//
// Minified chunks have no module paths, so bytes are attributed through each chunk's source
// map: every generated segment counts for the source file it maps to. "Startup" is the scripts
// index.html loads; the rest are chunks loaded on demand. Sizes are minified bytes and, for
// chunks, gzip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { root } from '../lib/portal.mjs';

const dist = resolve(root, 'packages/app/dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(
    `no production build at ${dist}: run \`yarn workspace app build\` first`,
  );
  process.exit(1);
}

const GROUPS = {
  plugin: s => /plugins\/squad-insights\/src\//.test(s),
  common: s => /plugins\/squad-insights-common\/src\//.test(s),
  recharts: s => /node_modules\/(recharts|d3-|victory-vendor)/.test(s),
};

/** Minified bytes of `code` per group, through its source map. */
function attribute(code, map) {
  const lines = code.split('\n');
  const totals = Object.fromEntries(Object.keys(GROUPS).map(g => [g, 0]));
  const consumer = new SourceMapConsumer(map);
  let prev;
  const count = (m, end) => {
    if (!m?.source) return;
    for (const [name, test] of Object.entries(GROUPS)) {
      if (test(m.source)) totals[name] += end - m.generatedColumn;
    }
  };
  consumer.eachMapping(m => {
    if (prev && prev.generatedLine === m.generatedLine) {
      count(prev, m.generatedColumn);
    } else if (prev) {
      count(
        prev,
        lines[prev.generatedLine - 1]?.length ?? prev.generatedColumn,
      );
    }
    prev = { ...m };
  });
  if (prev) count(prev, lines[prev.generatedLine - 1]?.length ?? 0);
  return totals;
}

const initial = new Set(
  [
    ...readFileSync(resolve(dist, 'index.html'), 'utf8').matchAll(
      /src="\/?(static\/[^"]+\.js)"/g,
    ),
  ].map(m => m[1]),
);
const kb = b => `${(b / 1024).toFixed(1)} KiB`;
const sums = {
  startup: { all: 0, plugin: 0, common: 0, recharts: 0 },
  lazy: { all: 0, plugin: 0, common: 0, recharts: 0 },
};
const pluginChunks = [];
for (const file of readdirSync(resolve(dist, 'static'))) {
  if (!file.endsWith('.js')) continue;
  const path = `static/${file}`;
  const code = readFileSync(resolve(dist, path), 'utf8');
  const mapFile = resolve(dist, `${path}.map`);
  const totals = existsSync(mapFile)
    ? attribute(code, JSON.parse(readFileSync(mapFile, 'utf8')))
    : { plugin: 0, common: 0, recharts: 0 };
  const where = initial.has(path) ? 'startup' : 'lazy';
  sums[where].all += code.length;
  for (const g of Object.keys(GROUPS)) sums[where][g] += totals[g];
  if (totals.plugin + totals.common > 0) {
    pluginChunks.push({
      path,
      where,
      size: code.length,
      gzip: gzipSync(code).length,
      ...totals,
    });
  }
}

for (const where of ['startup', 'lazy']) {
  const s = sums[where];
  console.log(
    `${
      where === 'startup' ? 'startup scripts (index.html)' : 'on-demand chunks'
    }: ${kb(s.all)} minified; ` +
      `squad-insights plugin ${kb(s.plugin)}, -common ${kb(
        s.common,
      )}, recharts and d3 ${kb(s.recharts)}`,
  );
}
console.log(
  'chunks holding plugin code (minified / gzip; plugin, common bytes):',
);
for (const c of pluginChunks.sort((a, b) => b.plugin - a.plugin)) {
  console.log(
    `  ${c.where.padEnd(7)} ${c.path}: ${kb(c.size)} / ${kb(
      c.gzip,
    )}; plugin ${kb(c.plugin)}, common ${kb(c.common)}, recharts ${kb(
      c.recharts,
    )}`,
  );
}
