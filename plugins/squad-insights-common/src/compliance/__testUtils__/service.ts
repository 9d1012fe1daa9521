import corpus from '../__fixtures__/corpus-resources.json';
import type { ServiceProfile } from '../../profile';
import { evaluate } from '../evaluate';
import type { CheckResult, EvaluationInput } from '../results';
import type { StateInventory } from '../../inventory';
import {
  demoConsulViews,
  demoGroups,
  demoPolicy,
  demoServices,
  rawState,
} from './demo';
import { stateToInventory } from './stateToInventory';

/** A resource as a raw state holds it (one instance). */
export interface RawResource {
  type: string;
  name: string;
  module?: string;
  indexKey?: string | number;
  attributes: any;
}

/** A copy of a demo state's resource, e.g. `demo('payment-processing', 'module.kafka.aws_msk_cluster.this')`. */
export function demo(
  service: string,
  address: string,
  indexKey?: string | number,
): RawResource {
  const r = rawState(service).resources.find(
    (x: any) =>
      [x.module, `${x.type}.${x.name}`].filter(Boolean).join('.') === address &&
      x.mode === 'managed',
  );
  if (!r) throw new Error(`no ${address} in ${service}`);
  const i =
    indexKey === undefined
      ? r.instances[0]
      : r.instances.find((x: any) => x.index_key === indexKey);
  return {
    type: r.type,
    name: r.name,
    module: r.module,
    indexKey,
    attributes: structuredClone(i.attributes),
  };
}

/** A copy of a resource from the public-state fixture (real shapes that fail). */
export function fromCorpus(type: string, name: string): RawResource {
  const r = corpus.resources.find(x => x.type === type && x.name === name)!;
  return { type, name, attributes: structuredClone(r.attributes) };
}

/** Changes a copy: `edit(demo(...), a => { a.storage_encrypted = false })`. */
export function edit(
  r: RawResource,
  change: (attributes: any) => void,
): RawResource {
  change(r.attributes);
  return r;
}

export function inventoryOf(
  resources: RawResource[],
  serial = 7,
): StateInventory {
  return stateToInventory({
    serial,
    resources: resources.map(r => ({
      mode: 'managed',
      type: r.type,
      name: r.name,
      module: r.module,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ index_key: r.indexKey, attributes: r.attributes }],
    })),
  });
}

const services = new Map(demoServices().map(s => [s.name, s]));
// The demo portal's policy: the default one with the organisation's name from app-config.
const policy = demoPolicy();
const views = demoConsulViews();

/** The catalog profile and ownership of a demo service. */
export function demoProfile(service: string): {
  profile: ServiceProfile;
  ownership: EvaluationInput['ownership'];
  groups: EvaluationInput['groups'];
} {
  const s = services.get(service)!;
  return {
    profile: { ...s.profile, terraformStates: ['test:service'] },
    ownership: s.ownership,
    groups: demoGroups(),
  };
}

/** A demo service's Consul view (a fresh copy). */
export function consulView(service: string): any {
  return structuredClone(views.get(service));
}

/** One check's result for a service made of `resources`, as payment-processing (all frameworks but Copyright/Music) unless `input` says otherwise. */
export function checkResult(
  checkId: string,
  resources: RawResource[],
  input: Partial<EvaluationInput> = {},
): CheckResult {
  const r = evaluate(policy, {
    ...demoProfile('payment-processing'),
    inventories: [
      { reference: 'test:service', inventory: inventoryOf(resources) },
    ],
    ...input,
  });
  const result = r.checks.find(c => c.checkId === checkId);
  if (!result) throw new Error(`no check ${checkId}`);
  return result;
}
