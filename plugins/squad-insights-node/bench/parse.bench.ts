import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseState } from '../src/terraform/parse';
import { leastInventory, scrubFloor } from './floor';
import { stateBuffer, writeState } from './generate';

/*
 * Benchmark of the Terraform state parser. From the package directory:
 *
 *   node --import tsx bench/parse.bench.ts [--count 2000] [--state-mb 1] [--size 1GB]
 *                                          [--skip-small] [--skip-large] [--modes each,read]
 *
 * (a) fast path: `parseState` on N distinct ~1 MB states vs `JSON.parse` of the same bytes
 *     (including the UTF-8 decode both need), interleaved, best of three rounds; also the
 *     median of the per-state ratios, which a loaded machine disturbs far less than the sums;
 *     and the floor (`floor.ts`): the least a JavaScript scrubber and inventory must add to
 *     `JSON.parse`, timed on the same parsed documents;
 * (b) a large state: a generated state of --size written to a temp directory and read in a
 *     child process, which reports its peak RSS. Through the public reader, from a `local`
 *     source over that directory: `each` (`TerraformStateReader.readEach`, resources handed
 *     on and none kept: bounded memory) and `read` (the whole inventory kept). Straight into
 *     the parser's streaming path: `sink` (`parseState` with `onResource`) and `collect`.
 */

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function bytesOf(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(GB|MB|KB|B)?$/i.exec(text);
  if (!m) throw new Error(`bad size ${text}`);
  const unit = { GB: 2 ** 30, MB: 2 ** 20, KB: 2 ** 10, B: 1 }[
    (m[2] ?? 'B').toUpperCase()
  ]!;
  return Math.round(Number(m[1]) * unit);
}

function printTable(rows: Array<Record<string, string | number>>): void {
  const keys = Object.keys(rows[0]);
  const cell = (v: string | number) =>
    typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 0) : v;
  const widths = keys.map(k =>
    Math.max(k.length, ...rows.map(r => String(cell(r[k])).length)),
  );
  const line = (values: string[]) =>
    values.map((v, i) => v.padEnd(widths[i])).join(' | ');
  console.log(line(keys));
  console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(keys.map(k => String(cell(r[k])))));
}

async function time(fn: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function fastPath(count: number, stateBytes: number) {
  process.stdout.write(
    `generating ${count} states of ~${stateBytes >> 20} MB... `,
  );
  const buffers = Array.from({ length: count }, (_, i) =>
    stateBuffer(stateBytes, i + 1),
  );
  const total = buffers.reduce((n, b) => n + b.length, 0);
  console.log(`${(total / 2 ** 20).toFixed(0)} MB`);
  const ctx = { sourceId: 'bench', key: 'state' };
  const timeJson = (b: Buffer) =>
    time(() => void JSON.parse(b.toString('utf8')));
  const timeParser = (b: Buffer) =>
    time(async () => void (await parseState(b, ctx)));
  const timeFloor = async (b: Buffer) => {
    const doc = JSON.parse(b.toString('utf8'));
    return {
      scrub: await time(() => void scrubFloor(doc)),
      build: await time(() => void leastInventory(doc)),
    };
  };
  for (const b of buffers.slice(0, 100)) {
    await timeJson(b);
    await timeParser(b);
  }
  // The two are interleaved state by state (alternating which goes first), so background load
  // and GC hit both alike; the best of three rounds is reported.
  const best = { json: Infinity, parser: Infinity, scrub: 0, build: 0 };
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) {
    let json = 0;
    let parser = 0;
    let scrub = 0;
    let build = 0;
    for (let i = 0; i < buffers.length; i++) {
      let j: number;
      let p: number;
      if (i % 2) {
        j = await timeJson(buffers[i]);
        p = await timeParser(buffers[i]);
      } else {
        p = await timeParser(buffers[i]);
        j = await timeJson(buffers[i]);
      }
      json += j;
      parser += p;
      ratios.push(p / j);
      const floor = await timeFloor(buffers[i]);
      scrub += floor.scrub;
      build += floor.build;
    }
    if (json < best.json) Object.assign(best, { json, scrub, build });
    best.parser = Math.min(best.parser, parser);
  }
  const mb = total / 2 ** 20;
  printTable([
    {
      path: 'JSON.parse(bytes)',
      'total ms': best.json,
      'MB/s': mb / (best.json / 1000),
      'ms/state': best.json / count,
    },
    {
      path: 'parseState(Buffer)',
      'total ms': best.parser,
      'MB/s': mb / (best.parser / 1000),
      'ms/state': best.parser / count,
    },
  ]);
  ratios.sort((a, b) => a - b);
  console.log(
    `ratio parseState / JSON.parse = ${(best.parser / best.json).toFixed(
      2,
    )}x (goal <= 1.2x); median per-state ratio ${ratios[
      ratios.length >> 1
    ].toFixed(2)}x`,
  );
  console.log(
    `floor (bench/floor.ts, in JSON.parse's best round): a verdict per key and string ${(
      best.scrub / best.json
    ).toFixed(2)}x + the least inventory ${(best.build / best.json).toFixed(
      2,
    )}x = ${(1 + (best.scrub + best.build) / best.json).toFixed(
      2,
    )}x JSON.parse, before regions, providers, drops\n`,
  );
}

function runChild(
  file: string,
  mode: string,
): Promise<Record<string, number | string>> {
  const args = ['--import', 'tsx'];
  // Keeping the whole inventory of a huge state needs more than the default heap.
  if (mode === 'collect' || mode === 'read')
    args.push('--max-old-space-size=16384');
  args.push(path.join(__dirname, 'streamChild.ts'), file, mode);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`child (${mode}) exited ${code}`)),
    );
  });
}

async function streamingPath(size: number, modes: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'si-parse-bench-'));
  const file = path.join(dir, 'terraform.tfstate');
  try {
    process.stdout.write(
      `writing a ~${(size / 2 ** 20).toFixed(0)} MB state to ${file}... `,
    );
    const written = await writeState(file, size);
    console.log(`${(written / 2 ** 20).toFixed(0)} MB`);
    const rows = [];
    for (const mode of modes) {
      const r = await runChild(file, mode);
      const ms = r.ms as number;
      rows.push({
        mode,
        'state MB': written / 2 ** 20,
        resources: r.resources,
        instances: r.instances,
        s: ms / 1000,
        'MB/s': written / 2 ** 20 / (ms / 1000),
        'peak RSS MB': r.maxRssMB,
      });
    }
    printTable(rows);
    console.log('goal: peak RSS <= 512 MB');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!flag('skip-small')) {
    await fastPath(
      Number(option('count', '2000')),
      bytesOf(`${option('state-mb', '1')}MB`),
    );
  }
  if (!flag('skip-large')) {
    await streamingPath(
      bytesOf(option('size', '1GB')),
      option('modes', 'each,read').split(','),
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
