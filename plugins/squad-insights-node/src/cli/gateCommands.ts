/*
 * `squad-insights gate`: asks the portal whether a service may be deployed to an environment.
 * Exit 0: allowed; 1: denied; 2: could not ask (portal unreachable, refused the token, bad
 * input). Whether a pipeline deploys on 2 is its own decision: the policy's `gate.failClosed`
 * says financial services must not (see the squad template's workflows).
 *
 * Offline (`--state`, `--entity <catalog-info.yaml>`, no `--portal`) it judges the files with
 * the same rules, but knows no reviews or waivers, and says so.
 */
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  decideGate,
  evaluate,
  gateEnvironments,
  knownRequirements,
  readCriticality,
  readServiceProfile,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { checkOwnership } from './checkOwnership';
import {
  readComponentEntity,
  readInventories,
  readPlans,
  readPolicy,
} from './checkInput';
import { askGate, GateUnavailableError } from './gateClient';
import {
  GateReport,
  gateJunit,
  gateSarif,
  gateText,
} from './formats/gateReport';

export const TOKEN_VARIABLE = 'SQUAD_INSIGHTS_TOKEN';

interface GateOptions {
  portal?: string;
  entity: string;
  environment: string;
  commit?: string;
  plan?: string;
  stateReference?: string;
  state?: string[];
  policy?: string;
  junit?: string;
  sarif?: string;
}

async function online(
  options: GateOptions & { portal: string },
): Promise<GateReport> {
  const token = process.env[TOKEN_VARIABLE]?.trim();
  if (!token)
    throw new GateUnavailableError(
      `${TOKEN_VARIABLE} is not set: the pipeline's token for the portal (backend.auth.externalAccess)`,
    );
  // CI systems name the commit being built; --commit wins.
  const commit =
    options.commit ?? process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
  if (!commit)
    throw new GateUnavailableError(
      '--commit: give the commit being deployed (or run where GITHUB_SHA is set)',
    );
  const plan = options.plan
    ? await readJson(options.plan, '--plan')
    : undefined;
  const decision = await askGate({
    portal: options.portal,
    entityRef: options.entity,
    environment: options.environment,
    commit,
    plan,
    stateReference: options.stateReference,
    token,
  });
  return {
    service: decision.entityRef ?? options.entity,
    environment: decision.environment,
    allowed: decision.allowed,
    decisionId: decision.id,
    reasons: decision.reasons,
    notes: [],
  };
}

async function offline(options: GateOptions): Promise<GateReport> {
  if (!options.state?.length && !options.plan) {
    throw new GateUnavailableError(
      "--state: offline, give the service's Terraform states (or --portal to ask the portal)",
    );
  }
  const policy = await readPolicy(options.policy).catch(error => {
    throw new GateUnavailableError(error.message);
  });
  if (!policy.gate?.environments[options.environment]) {
    throw new GateUnavailableError(
      `--environment: "${
        options.environment
      }" is not gated by the policy; known: ${
        gateEnvironments(policy.gate).join(', ') || 'none'
      }`,
    );
  }
  const entity = await readComponentEntity(options.entity).catch(error => {
    throw new GateUnavailableError(error.message);
  });
  const { profile } = readServiceProfile(
    entity as Parameters<typeof readServiceProfile>[0],
    {
      requirements: knownRequirements(policy),
    },
  );
  const owner =
    typeof entity.spec.owner === 'string' ? entity.spec.owner : undefined;
  const judge = async (
    inventories: Awaited<ReturnType<typeof readInventories>>,
  ) =>
    evaluate(policy, {
      profile,
      ...checkOwnership({ owner, profile, groups: [] }),
      inventories,
      entityRef: `component:default/${entity.metadata.name}`,
    });
  const read = async <T>(fn: () => Promise<T>) =>
    fn().catch(error => {
      throw new GateUnavailableError(error.message);
    });
  const current = await judge(
    await read(() =>
      readInventories(options.state ?? [], profile.terraformStates),
    ),
  );
  const plan = options.plan
    ? await judge(
        await read(() => readPlans([options.plan!], profile.terraformStates)),
      )
    : undefined;
  const now = new Date();
  const decision = decideGate({
    gate: policy.gate,
    environment: options.environment,
    profile,
    criticality: readCriticality(entity).criticality,
    evaluation: current,
    plan,
    reviewsUnknown: true,
    // The files given are the facts, read just now.
    factsReadAt: now,
    now,
  });
  return {
    service: entity.metadata.name,
    environment: options.environment,
    allowed: decision.allowed,
    reasons: decision.reasons,
    notes: [
      "offline: judged from the files given; the portal's reviews, waivers and attestations are not known",
    ],
  };
}

async function readJson(file: string, flag: string): Promise<unknown> {
  const text = await readFile(resolve(file), 'utf8').catch(() => {
    throw new GateUnavailableError(`${flag}: ${file}: no such file`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new GateUnavailableError(
      `${flag}: ${file} is not JSON; give the output of terraform show -json <planfile>`,
    );
  }
}

export function registerGateCommands(program: Command) {
  program
    .command('gate')
    .description(
      'Ask the portal whether a service may be deployed (exit 0 allowed, 1 denied, 2 could not ask)',
    )
    .option(
      '--portal <url>',
      "the portal's backend URL; the token comes from SQUAD_INSIGHTS_TOKEN",
    )
    .requiredOption(
      '-e, --entity <ref-or-file>',
      'the service: an entity ref with --portal, its catalog-info.yaml offline',
    )
    .requiredOption(
      '--environment <name>',
      'the environment being deployed to, e.g. production',
    )
    .option(
      '--commit <sha>',
      'the commit being deployed (default: GITHUB_SHA or CI_COMMIT_SHA)',
    )
    .option(
      '-p, --plan <file>',
      'the plan being applied, as `terraform show -json <planfile>` writes it',
    )
    .option(
      '--state-reference <ref>',
      'the declared state the plan changes, when the service declares several',
    )
    .option(
      '-s, --state <file...>',
      "offline: the service's Terraform state files",
    )
    .option(
      '--policy <file>',
      'offline: policy override (or full policy) merged over the default policy',
    )
    .option('--junit <file>', 'also write the reasons as a JUnit report')
    .option('--sarif <file>', 'also write the reasons as SARIF')
    // Usage errors are "could not ask" too: a pipeline must not read them as "denied".
    .exitOverride(error => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (options: GateOptions) => {
      try {
        const report = options.portal
          ? await online({ ...options, portal: options.portal })
          : await offline(options);
        process.stdout.write(gateText(report));
        if (options.junit) await writeFile(options.junit, gateJunit(report));
        if (options.sarif)
          await writeFile(
            options.sarif,
            `${JSON.stringify(gateSarif(report), null, 2)}\n`,
          );
        process.exitCode = report.allowed ? 0 : 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(
          `squad-insights gate: could not ask: ${message.split('\n')[0]}\n`,
        );
        process.exitCode = 2;
      }
    });
}
