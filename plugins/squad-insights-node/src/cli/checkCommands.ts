/*
 * `squad-insights check`: the portal's compliance evaluation for a squad's CI pipeline. The
 * exit code is the gate (`--fail-on`); the formats feed code scanning (SARIF), test reports
 * (JUnit) or people (table).
 *
 * There is no portal here: the squad is the Component's `spec.owner`; the tribe, which the
 * portal reads from the owner Group's parent, comes from `--catalog` (the organisation's Group
 * files) or `--tribe` (a name or title); without either the tribe-ownership checks are
 * `unknown`, never failed. The Organization tag is checked against `--organization`.
 */
import type { Command } from 'commander';
import {
  evaluate,
  knownRequirements,
  mergePolicy,
  readServiceProfile,
  SEVERITIES,
  Severity,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { checkOwnership, readCatalogGroups } from './checkOwnership';
import {
  readComponentEntity,
  readConsul,
  readInventories,
  readPlans,
  readPolicy,
} from './checkInput';
import { Report, toReport } from './formats/report';
import { toJunit } from './formats/junit';
import { toSarif } from './formats/sarif';
import { toTable } from './formats/table';

const FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions {
  state?: string[];
  plan?: string[];
  entity: string;
  consul?: string;
  policy?: string;
  tribe?: string;
  catalog?: string[];
  organization?: string;
  format: string;
  failOn: string;
}

function parseChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new Error(`${flag}: "${value}" is not one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** Whether an unwaived failure at or above the threshold should fail the pipeline. */
export function breaches(report: Report, threshold: Severity): boolean {
  const min = SEVERITIES.indexOf(threshold);
  return report.results.some(
    r =>
      r.status === 'fail' && !r.waived && SEVERITIES.indexOf(r.severity) >= min,
  );
}

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          service: report.service,
          policy: report.policy,
          results: report.results,
          scores: report.scores,
        },
        null,
        2,
      )}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(report), null, 2)}\n`;
    case 'junit':
      return toJunit(report);
    default:
      return toTable(report);
  }
}

/**
 * `check (--state <file...> | --plan <file...>) --entity <catalog-info.yaml> [--consul <url>]
 * [--policy <file>] ...`. A plan (`terraform show -json <planfile>`) is judged by what it would
 * leave behind, so a new service's pipeline can gate its first apply.
 */
export function registerCheckCommands(program: Command) {
  program
    .command('check')
    .description(
      "Evaluate the compliance policy against a service's Terraform states (and Consul)",
    )
    .option('-s, --state <file...>', 'Terraform state files of the service')
    .option(
      '-p, --plan <file...>',
      'Terraform plans of the service, as `terraform show -json <planfile>` writes them; judged by their planned values',
    )
    .requiredOption(
      '-e, --entity <file>',
      'catalog-info.yaml with the service Component',
    )
    .option(
      '--consul <url>',
      "Consul HTTP address to read the service's registration from",
    )
    .option(
      '--policy <file>',
      'policy override (or full policy) merged over the default policy',
    )
    .option(
      '--tribe <name>',
      "the owner squad's tribe, by name or title (default: the owner's parent in --catalog)",
    )
    .option(
      '--catalog <file...>',
      "catalog files with the organisation's Group entities (squads, tribes, chapters, guilds)",
    )
    .option(
      '--organization <name>',
      'what the Organization tag must say (the portal uses organization.name)',
    )
    .option(
      '-f, --format <format>',
      `output format: ${FORMATS.join(', ')}`,
      'table',
    )
    .option(
      '--fail-on <severity>',
      `exit 1 on a failed check at or above: ${SEVERITIES.join(', ')}`,
      'high',
    )
    .action(async (options: CheckOptions) => {
      // Flags first: a typo should not wait for states or Consul.
      const format = parseChoice('--format', options.format, FORMATS);
      const failOn = parseChoice('--fail-on', options.failOn, SEVERITIES);
      const states = options.state ?? [];
      const plans = options.plan ?? [];
      if (!states.length && !plans.length) {
        throw new Error(
          "--state or --plan: give the service's Terraform states, or plans of them",
        );
      }
      const base = await readPolicy(options.policy);
      const policy = options.organization
        ? mergePolicy(
            base,
            { parameters: { organization: options.organization } },
            { fileName: '--organization' },
          )
        : base;
      const entity = await readComponentEntity(options.entity);
      const groups = await readCatalogGroups(options.catalog ?? []);
      const { profile, problems } = readServiceProfile(
        entity as Parameters<typeof readServiceProfile>[0],
        {
          requirements: knownRequirements(policy),
        },
      );
      for (const p of problems)
        process.stderr.write(
          `squad-insights: warning: ${p.annotation}: ${p.message}\n`,
        );
      // With states and plans together, a file maps to a declared state as if it were alone
      // in its kind; a state and a plan of the same state would both be judged.
      const inventories = [
        ...(await readInventories(states, profile.terraformStates)),
        ...(await readPlans(plans, profile.terraformStates)),
      ];
      const consul = options.consul
        ? await readConsul(
            options.consul,
            profile.consulService ?? entity.metadata.name,
          )
        : undefined;
      const owner =
        typeof entity.spec.owner === 'string' ? entity.spec.owner : undefined;
      const evaluation = evaluate(policy, {
        profile,
        ...checkOwnership({ owner, tribe: options.tribe, profile, groups }),
        inventories,
        consul,
        entityRef: `component:default/${entity.metadata.name}`,
      });
      const report = toReport(entity.metadata.name, evaluation);
      process.stdout.write(render(report, format));
      // exitCode, not exit(): stdout may still be draining into a pipe.
      if (breaches(report, failOn)) process.exitCode = 1;
    });
}
