import type { StateInventory } from '../inventory';

/**
 * The part of a Consul service view the checks read. Structural, so that the node package's
 * `ConsulServiceView` (and a plain object in tests or the CLI) fits without an import.
 *
 * @public
 */
export interface ConsulServiceFacts {
  name: string;
  datacenter?: string;
  instances: ReadonlyArray<{
    health: 'passing' | 'warning' | 'critical';
    tags?: readonly string[];
    meta?: Readonly<Record<string, string>>;
  }>;
  tags?: readonly string[];
  /** `Service.Meta`: a string map, or the node view's merged meta (`{ team, compliance[], raw }`). */
  meta?: object;
  connect?: { sidecar?: boolean; native?: boolean };
  intentions?: { defaultAllow?: boolean };
}

/** One Terraform state of the service, as read. @public */
export interface InventorySource {
  /** The state reference from the annotation, e.g. `demo:payment-processing/terraform.tfstate`. */
  reference: string;
  inventory: StateInventory;
  /** The last read failed and this is an older copy: its facts are not used. */
  stale?: boolean;
  serial?: number;
}

/** What Consul said about the service: `view` undefined means not registered. @public */
export interface ConsulSource {
  view?: ConsulServiceFacts;
  stale?: boolean;
  /** `X-Consul-Index` of the read, carried into evidence. */
  index?: number;
}

/**
 * One thing a check looks at: a resource instance, the service as a whole, or its Consul
 * registration. `labels` are the instance's tags, or Consul's `Service.Meta`.
 *
 * @public
 */
export interface Subject {
  source: string;
  address: string;
  type: string;
  region?: string;
  labels: Readonly<Record<string, string>>;
  /** How evidence names a label: `tags` for Terraform, `meta` for Consul. */
  labelPrefix: 'tags' | 'meta';
  /** Whether the resource type carries tags at all (its state has `tags`/`tags_all`). */
  taggable: boolean;
  attributes: Readonly<Record<string, unknown>>;
  serial?: number;
  consulIndex?: number;
}

/** A service's facts, indexed once per evaluation. @public */
export interface ServiceFacts {
  /** Managed resource instances of fresh, non-empty states. */
  all: Subject[];
  byType: Map<string, Subject[]>;
  /** The fresh states read; empty means no Terraform facts at all. */
  references: string[];
  /** Why some Terraform facts are missing (stale or absent states). */
  gaps: string[];
  /** Lookup tables of `linked` rules, built on first use: `<type> <path>` → value → subjects. */
  links?: Map<string, Map<string, Subject[]>>;
}

interface StateIndex {
  all: Subject[];
  byType: Map<string, Subject[]>;
  links: Map<string, Map<string, Subject[]>>;
}

function indexState(
  reference: string,
  inventory: StateInventory,
  serial: number | undefined,
): StateIndex {
  const index: StateIndex = { all: [], byType: new Map(), links: new Map() };
  for (const resource of inventory.resources) {
    if (resource.mode !== 'managed') continue;
    let list = index.byType.get(resource.type);
    if (!list) index.byType.set(resource.type, (list = []));
    for (const instance of resource.instances) {
      const a = instance.attributes;
      const subject: Subject = {
        source: reference,
        address: instance.address,
        type: resource.type,
        region: instance.region,
        labels: instance.tags,
        labelPrefix: 'tags',
        taggable: 'tags' in a || 'tags_all' in a,
        attributes: a,
        serial,
      };
      list.push(subject);
      index.all.push(subject);
    }
  }
  return index;
}

/**
 * Indexes the service's inventories by resource type. Data sources are left out: they read
 * existing infrastructure (often another team's), they don't create any. Declared states
 * without an inventory, stale ones and empty ones are reported as gaps. The index lives for
 * one evaluation: caching it per inventory would keep ~100 bytes per resource alive and cost
 * more in promotion than rebuilding it (measured with bench/policy.bench.ts).
 *
 * @public
 */
export function indexInventories(
  sources: readonly InventorySource[],
  declared: readonly string[] = [],
): ServiceFacts {
  const facts: ServiceFacts = {
    all: [],
    byType: new Map(),
    references: [],
    gaps: [],
  };
  for (const ref of declared) {
    if (!sources.some(s => s.reference === ref))
      facts.gaps.push(`state ${ref} was not read`);
  }
  const fresh: StateIndex[] = [];
  for (const { reference, inventory, stale, serial } of sources) {
    if (stale) {
      facts.gaps.push(`state ${reference} is stale`);
    } else if (inventory.status !== 'ok') {
      facts.gaps.push(
        `state ${reference} holds no resources (${inventory.status})`,
      );
    } else {
      facts.references.push(reference);
      fresh.push(indexState(reference, inventory, serial ?? inventory.serial));
    }
  }
  if (fresh.length === 1) {
    // The common case: one state per service; its index is the service's.
    return { ...facts, ...fresh[0] };
  }
  for (const index of fresh) {
    for (const s of index.all) facts.all.push(s);
    for (const [type, list] of index.byType) {
      const merged = facts.byType.get(type);
      if (merged) merged.push(...list);
      else facts.byType.set(type, [...list]);
    }
  }
  return facts;
}
