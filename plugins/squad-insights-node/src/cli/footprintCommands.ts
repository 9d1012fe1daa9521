import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  analyseService,
  FootprintComponent,
  ServiceFootprint,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseState } from '../terraform/parse';
import { readCriticality } from '@squad-insights/backstage-plugin-squad-insights-common';
import { readComponentEntity } from './checkInput';

const COMPONENTS: FootprintComponent[] = [
  'compute',
  'memory',
  'storage',
  'network',
  'embodied',
];

async function readStates(files: string[]): Promise<StateInventory[]> {
  const out: StateInventory[] = [];
  for (const file of files) {
    const path = resolve(file);
    if (!(await stat(path).catch(() => undefined))?.isFile()) {
      throw new Error(`${file}: no such file`);
    }
    out.push(
      await parseState(createReadStream(path), {
        sourceId: 'file',
        key: basename(path),
      }),
    );
  }
  return out;
}

/** The figures a pipeline gates on; gaps are listed so nobody reads them as zero. */
function summary(fp: ServiceFootprint, criticality: string) {
  return {
    service: fp.service,
    criticality,
    kwhPerDay: fp.kwhPerDay,
    co2eKgPerDay: fp.co2eKgPerDay,
    carbonTaxSekPerMonth: fp.carbonTaxSekPerMonth,
    breakdown: Object.fromEntries(COMPONENTS.map(c => [c, fp.breakdown[c]])),
    renewableShare: fp.renewableShare,
    coverage: fp.coverage,
    notEstimated: fp.notEstimated,
  };
}

function table(s: ReturnType<typeof summary>): string {
  const n = (v: number, digits = 3) => v.toFixed(digits).padStart(12);
  const lines = [
    `${s.service} (${s.criticality})`,
    `${'component'.padEnd(10)}${'kWh/day'.padStart(12)}${'kg CO2e/day'.padStart(
      12,
    )}`,
    ...COMPONENTS.map(
      c =>
        `${c.padEnd(10)}${n(s.breakdown[c].kwhPerDay)}${n(
          s.breakdown[c].co2eKgPerDay,
        )}`,
    ),
    `${'total'.padEnd(10)}${n(s.kwhPerDay)}${n(s.co2eKgPerDay)}`,
    `carbon tax: ${s.carbonTaxSekPerMonth.toFixed(2)} SEK/month`,
    `not estimated: ${s.coverage.notMade} of ${
      s.coverage.made + s.coverage.notMade
    } estimates (see --json)`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `footprint --state <file...> --entity <catalog-info.yaml> [--json]`. */
export function registerFootprintCommands(program: Command) {
  program
    .command('footprint')
    .description(
      'Estimate energy, CO2e and carbon tax of a service from its Terraform states',
    )
    .requiredOption(
      '-s, --state <file...>',
      'Terraform state files of the service',
    )
    .requiredOption(
      '-e, --entity <file>',
      'catalog-info.yaml with the service Component',
    )
    .option('--sek-per-kg <number>', 'carbon tax in SEK per kg CO2e', '1.25')
    .option('--json', 'print JSON instead of a table')
    .action(
      async (options: {
        state: string[];
        entity: string;
        sekPerKg: string;
        json?: boolean;
      }) => {
        const sekPerKgCo2e = Number(options.sekPerKg);
        if (!Number.isFinite(sekPerKgCo2e) || sekPerKgCo2e < 0) {
          throw new Error(
            `--sek-per-kg: "${options.sekPerKg}" is not a non-negative number`,
          );
        }
        const component = await readComponentEntity(options.entity);
        const inventories = await readStates(options.state);
        const { criticality, problem } = readCriticality(component);
        if (problem)
          process.stderr.write(`squad-insights: warning: ${problem}\n`);
        const { footprint } = analyseService(
          component.metadata.name,
          inventories,
          { criticality, sekPerKgCo2e },
        );
        const result = summary(footprint, criticality);
        process.stdout.write(
          options.json ? `${JSON.stringify(result, null, 2)}\n` : table(result),
        );
      },
    );
}
