import fs from 'node:fs';
import { parseState } from '../src/terraform/parse';

// Child process of parse.bench.ts: parses one state file through the streaming path and prints
// its timing and peak RSS as JSON. Run alone: node --import tsx bench/streamChild.ts <file> <sink|collect>

async function main() {
  const [file, mode = 'sink'] = process.argv.slice(2);
  let resources = 0;
  let instances = 0;
  const started = process.hrtime.bigint();
  const inventory = await parseState(
    fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    { sourceId: 'bench', key: file },
    {
      streamingThresholdBytes: 0,
      // `sink`: hand resources on and forget them; `collect`: keep the whole inventory.
      onResource:
        mode === 'sink'
          ? r => {
              resources++;
              instances += r.instances.length;
            }
          : undefined,
    },
  );
  if (mode !== 'sink') {
    resources = inventory.resources.length;
    instances = inventory.resources.reduce((n, r) => n + r.instances.length, 0);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // maxRSS is in kilobytes.
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ mode, ms, maxRssMB, resources, instances })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
