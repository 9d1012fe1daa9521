import type { Command } from 'commander';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type {
  InventoryResource,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseState } from '../terraform/parse/parseState';
import { BOUNDED_STREAMING_THRESHOLD } from '../terraform/parse/types';
import { createStateSources } from '../terraform/sources/createStateSources';
import { TerraformStateReader } from '../terraform/TerraformStateReader';
import { loadCliConfig } from './loadCliConfig';

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line of NDJSON. Writes to a file or pipe are synchronous, so nothing piles up. */
function printLine(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * `--ndjson`: every resource on its own line as soon as it is parsed, then one last line with
 * the rest of the inventory (no `address`, so `jq 'select(.address)'` keeps the resources).
 */
async function printNdjson(
  read: (
    onResource: (resource: InventoryResource) => void,
  ) => Promise<Omit<StateInventory, 'resources'>>,
) {
  let resourceCount = 0;
  const rest = await read(resource => {
    resourceCount++;
    printLine(resource);
  });
  printLine({ ...rest, resourceCount });
}

const NDJSON_HELP =
  'print one resource per line as it is parsed, then a line with status, outputs and resourceCount; memory stays bounded, for states of any size';

/** `state inspect <file>` and `state fetch <source-id>:<key>`. */
export function registerStateCommands(program: Command) {
  const state = program
    .command('state')
    .description('Read Terraform state into an inventory');

  state
    .command('inspect <file>')
    .description(
      'Print the inventory of a local state file as JSON (secrets removed)',
    )
    .option('--ndjson', NDJSON_HELP)
    .action(async (file: string, options: { ndjson?: boolean }) => {
      const path = resolve(file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) {
        throw new Error(`${file}: no such file`);
      }
      const context = { sourceId: 'file', key: basename(path) };
      if (!options.ndjson) {
        print(await parseState(createReadStream(path), context));
        return;
      }
      await printNdjson(async onResource => {
        const { resources: _handedOn, ...rest } = await parseState(
          createReadStream(path),
          context,
          {
            onResource,
            streamingThresholdBytes: BOUNDED_STREAMING_THRESHOLD,
            sizeBytes: info.size,
          },
        );
        return rest;
      });
    });

  state
    .command('fetch <reference>')
    .description(
      'Print the inventory of a state from a configured source, e.g. demo:payments/terraform.tfstate',
    )
    .option('-c, --config <path...>', 'app-config files to read sources from', [
      'app-config.yaml',
    ])
    .option(
      '--base-dir <dir>',
      'directory that relative local source roots are resolved against, as the backend resolves them from its working directory (default: packages/backend beside the first config file when it exists, else the current directory)',
    )
    .option('--ndjson', NDJSON_HELP)
    .action(
      async (
        reference: string,
        options: { config: string[]; baseDir?: string; ndjson?: boolean },
      ) => {
        const config = await loadCliConfig(options.config);
        const baseDir = options.baseDir ?? backendWorkingDir(options.config[0]);
        const reader = TerraformStateReader.create({
          sources: createStateSources(config, { baseDir }),
        });
        if (!options.ndjson) {
          print((await reader.read(reference)).inventory);
          return;
        }
        await printNdjson(
          async onResource =>
            (
              await reader.readEach(reference, { onResource })
            ).inventory,
        );
      },
    );
}

/**
 * The directory the backend resolves relative paths from when a Backstage repository runs it
 * (`yarn start` runs it in packages/backend), so `state fetch` reads what the portal reads.
 */
function backendWorkingDir(configFile: string | undefined): string {
  const candidate = resolve(
    dirname(resolve(configFile ?? 'app-config.yaml')),
    'packages',
    'backend',
  );
  return existsSync(candidate) ? candidate : process.cwd();
}
