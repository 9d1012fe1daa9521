import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
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
    .action(async (reference: string, options: { config: string[] }) => {
      const config = await loadCliConfig(options.config);
      const reader = TerraformStateReader.create({ sources: createStateSources(config) });
      const { inventory } = await reader.read(reference);
      print(inventory);
    });
}
