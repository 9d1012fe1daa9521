import fs from 'node:fs';
import path from 'node:path';
import type { InventoryResource } from '@squad-insights/backstage-plugin-squad-insights-common';
import { LocalStateSource, parseState, TerraformStateReader } from '../src';

// Child process of parse.bench.ts: reads one state file, prints its timing and peak RSS as
// JSON. Run alone: node --import tsx bench/streamChild.ts <file> <mode>
//
// Through the public reader (a `local` source over the file's directory):
//   each    - `TerraformStateReader.readEach`: resources handed on, none kept (bounded memory);
//   read    - `TerraformStateReader.read`: the whole inventory kept.
// Straight into the parser's streaming path:
//   sink    - `parseState` with `onResource`;
//   collect - `parseState` keeping the whole inventory.

type Counts = { resources: number; instances: number };

function counter(counts: Counts) {
  return (r: InventoryResource) => {
    counts.resources++;
    counts.instances += r.instances.length;
  };
}

function countAll(resources: InventoryResource[], counts: Counts) {
  resources.forEach(counter(counts));
}

async function readThrough(mode: string, file: string, counts: Counts) {
  const reader = TerraformStateReader.create({
    sources: new Map([
      [
        'bench',
        LocalStateSource.create({ id: 'bench', root: path.dirname(file) }),
      ],
    ]),
  });
  const reference = `bench:${path.basename(file)}`;
  if (mode === 'each') {
    await reader.readEach(reference, { onResource: counter(counts) });
  } else {
    countAll((await reader.read(reference)).inventory.resources, counts);
  }
}

async function parseDirectly(mode: string, file: string, counts: Counts) {
  const inventory = await parseState(
    fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    { sourceId: 'bench', key: file },
    {
      streamingThresholdBytes: 0,
      onResource: mode === 'sink' ? counter(counts) : undefined,
    },
  );
  countAll(inventory.resources, counts);
}

async function main() {
  const [file, mode = 'each'] = process.argv.slice(2);
  const counts: Counts = { resources: 0, instances: 0 };
  const started = process.hrtime.bigint();
  if (mode === 'each' || mode === 'read') await readThrough(mode, file, counts);
  else if (mode === 'sink' || mode === 'collect')
    await parseDirectly(mode, file, counts);
  else throw new Error(`unknown mode ${mode}`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // maxRSS is in kilobytes.
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ mode, ms, maxRssMB, ...counts })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
