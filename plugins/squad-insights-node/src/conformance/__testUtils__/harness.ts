/*
 * Evaluates the conformance services the way the portal does: the catalog's ownership (owner
 * squad, its tribe, the chapter and guild the service declares, with their titles and display
 * names), the service profile from its annotations, and its Terraform states read by the real
 * state parser.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import {
  ComplianceEvaluation,
  defaultPolicy,
  evaluate,
  groupIdentityOf,
  InventorySource,
  mergePolicy,
  readServiceProfile,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseState } from '../../terraform/parse';
import { selectStateModule } from '../../terraform/stateReference';
import { SEED_ORGANIZATION } from './seed';

type Json = any;

export const FIXTURES = path.join(__dirname, '../__fixtures__');

/** A fixture state as parsed JSON (a fresh copy, free to mutate). */
export function fixtureState(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
}

const entities: Entity[] = parseAllDocuments(
  fs.readFileSync(path.join(FIXTURES, 'catalog.yaml'), 'utf8'),
)
  .map(d => d.toJS() as Entity)
  .filter(Boolean);
const groups = new Map(
  entities
    .filter(e => e.kind === 'Group')
    .map(g => [`group:default/${g.metadata.name}`, g]),
);

/** The organisation's policy: the default, with `organization.name` as the backend sets it. */
export const POLICY = mergePolicy(defaultPolicy(), {
  parameters: { organization: SEED_ORGANIZATION },
});

/** The catalog entity of a conformance service. */
export function component(name: string): Entity {
  const c = entities.find(
    e => e.kind === 'Component' && e.metadata.name === name,
  );
  if (!c) throw new Error(`no Component ${name} in catalog.yaml`);
  return c;
}

function identity(ref: string | undefined) {
  const g = ref && groups.get(ref.includes(':') ? ref : `group:default/${ref}`);
  return g ? groupIdentityOf(g) : undefined;
}

/**
 * Only the resources of one service's module instance, for a state that holds several services
 * (the book's `for_each` over the services map): what a reference ending in
 * `#module.squad_microservice["<service>"]` selects in the portal and the CLI.
 */
export function sliceInventory(
  inventory: StateInventory,
  modulePrefix: string | undefined,
): StateInventory {
  return selectStateModule(inventory, modulePrefix);
}

/** A state document as the parser reads it (JSON text, as a file or an HTTP body). */
export async function parseDocument(
  document: Json,
  key: string,
): Promise<StateInventory> {
  return parseState(JSON.stringify(document), {
    sourceId: 'conformance',
    key,
  });
}

export interface StateInput {
  /** The declared reference, e.g. `conformance:squad-services.tfstate`. */
  reference: string;
  document: Json;
  /** For shared states: the module instance that is this service's. */
  modulePrefix?: string;
}

/** Evaluates a conformance service over its states (evidence of failures, unless `all`). */
export async function evaluateService(
  name: string,
  states: StateInput[],
  evidence: 'failures' | 'all' = 'failures',
): Promise<ComplianceEvaluation> {
  const entity = component(name);
  const { profile, problems } = readServiceProfile(entity, {
    requirements: POLICY.frameworks.map(f => f.id),
  });
  if (problems.length)
    throw new Error(`catalog.yaml ${name}: ${JSON.stringify(problems)}`);
  const inventories: InventorySource[] = [];
  for (const s of states) {
    const inventory = sliceInventory(
      await parseDocument(s.document, s.reference),
      s.modulePrefix,
    );
    inventories.push({
      reference: s.reference,
      inventory,
      serial: inventory.serial,
    });
  }
  const squad = identity(String(entity.spec?.owner));
  const tribeRef = squad && (groups.get(squad.ref)?.spec?.parent as string);
  return evaluate(POLICY, {
    profile,
    ownership: {
      squad,
      tribe: identity(tribeRef),
      chapter: identity(profile.chapter),
      guild: identity(profile.guild),
    },
    groups: [...groups.values()].map(groupIdentityOf),
    inventories,
    entityRef: `component:default/${name}`,
    evidence,
    now: new Date('2026-12-01T12:00:00Z'),
  });
}
