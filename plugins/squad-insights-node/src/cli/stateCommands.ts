import type { Command } from 'commander';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseState } from '../terraform/parse/parseState';
import { createStateSources } from '../terraform/sources/createStateSources';
import { TerraformStateReader } from '../terraform/TerraformStateReader';
import { loadCliConfig } from './loadCliConfig';

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `state inspect <file>` and `state fetch <source-id>:<key>`. */
export function registerStateCommands(program: Command) {
  const state = program.command('state').description('Read Terraform state into an inventory');

  state
    .command('inspect <file>')
    .description('Print the inventory of a local state file as JSON (secrets removed)')
    .action(async (file: string) => {
      const path = resolve(file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) {
        throw new Error(`${file}: no such file`);
      }
      print(await parseState(createReadStream(path), { sourceId: 'file', key: basename(path) }));
    });

  state
    .command('fetch <reference>')
    .description('Print the inventory of a state from a configured source, e.g. demo:payments/terraform.tfstate')
    .option('-c, --config <path...>', 'app-config files to read sources from', ['app-config.yaml'])
    .option(
      '--base-dir <dir>',
      'directory that relative local source roots are resolved against, as the backend resolves them from its working directory (default: packages/backend beside the first config file when it exists, else the current directory)',
    )
    .action(async (reference: string, options: { config: string[]; baseDir?: string }) => {
      const config = await loadCliConfig(options.config);
      const baseDir = options.baseDir ?? backendWorkingDir(options.config[0]);
      const reader = TerraformStateReader.create({
        sources: createStateSources(config, { baseDir }),
      });
      const { inventory } = await reader.read(reference);
      print(inventory);
    });
}

/**
 * The directory the backend resolves relative paths from when a Backstage repository runs it
 * (`yarn start` runs it in packages/backend), so `state fetch` reads what the portal reads.
 */
function backendWorkingDir(configFile: string | undefined): string {
  const candidate = resolve(dirname(resolve(configFile ?? 'app-config.yaml')), 'packages', 'backend');
  return existsSync(candidate) ? candidate : process.cwd();
}
