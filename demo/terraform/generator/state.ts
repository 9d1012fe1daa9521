import { PROVIDERS } from './aws';
import { goJsonEscape, sortKeys } from './json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Attributes = Record<string, any>;

/** A resource (or data source) already added to a state, for references and dependencies. */
export interface Ref {
  /** Config address without instance key, as Terraform records it in `dependencies`. */
  address: string;
  /** The attributes of the instance that was added last. */
  a: Attributes;
}

type PathStep = { type: 'get_attr'; value: string };

interface InstanceV4 {
  index_key?: string | number;
  schema_version: number;
  attributes: Attributes;
  sensitive_attributes: PathStep[][];
  private?: string;
  dependencies?: string[];
}

interface ResourceV4 {
  module?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider: string;
  instances: InstanceV4[];
}

export interface OutputV4 {
  value: unknown;
  type: unknown;
  sensitive?: true;
}

export interface AddResource {
  module?: string;
  mode?: 'managed' | 'data';
  type: string;
  name: string;
  provider?: string;
  /** `count` index or `for_each` key. */
  indexKey?: string | number;
  schemaVersion: number;
  attributes: Attributes;
  /** Top-level attribute names Terraform marked sensitive (written to `sensitive_attributes`). */
  sensitive?: string[];
  dependsOn?: Array<Ref | string | undefined>;
  /** Create/update/delete timeouts in minutes, stored in the instance's `private` blob. */
  timeouts?: { create?: number; update?: number; delete?: number };
  schemaVersionInPrivate?: string;
}

const MINUTE_NS = 60_000_000_000;
// The key under which the SDK stores resource timeouts in `private`.
const TIMEOUT_KEY = 'e2bfb730-ecaa-11e6-8f88-34363bc7c4c0';

/** Collects resources and outputs and writes them in Terraform's state format version 4. */
export class StateBuilder {
  private readonly resources = new Map<string, ResourceV4>();
  private readonly outputs: Record<string, OutputV4> = {};

  add(spec: AddResource): Ref {
    const mode = spec.mode ?? 'managed';
    const local = `${mode === 'data' ? 'data.' : ''}${spec.type}.${spec.name}`;
    const address = spec.module ? `${spec.module}.${local}` : local;
    let resource = this.resources.get(address);
    if (!resource) {
      resource = {
        ...(spec.module ? { module: spec.module } : {}),
        mode,
        type: spec.type,
        name: spec.name,
        provider: spec.provider ?? PROVIDERS.aws,
        instances: [],
      };
      this.resources.set(address, resource);
    }
    const dependencies = [
      ...new Set(
        (spec.dependsOn ?? [])
          .filter((d): d is Ref | string => d !== undefined)
          .map(d => (typeof d === 'string' ? d : d.address))
          .filter(d => d !== address),
      ),
    ].sort();
    let privateBlob: string | undefined;
    if (spec.timeouts || spec.schemaVersionInPrivate) {
      const priv: Record<string, unknown> = {};
      if (spec.timeouts) {
        priv[TIMEOUT_KEY] = Object.fromEntries(
          Object.entries(spec.timeouts).map(([k, minutes]) => [
            k,
            minutes! * MINUTE_NS,
          ]),
        );
      }
      if (spec.schemaVersionInPrivate)
        priv.schema_version = spec.schemaVersionInPrivate;
      privateBlob = Buffer.from(JSON.stringify(sortKeys(priv))).toString(
        'base64',
      );
    }
    resource.instances.push({
      ...(spec.indexKey !== undefined ? { index_key: spec.indexKey } : {}),
      schema_version: spec.schemaVersion,
      attributes: sortKeys(spec.attributes),
      sensitive_attributes: (spec.sensitive ?? []).map(name => [
        { type: 'get_attr', value: name },
      ]),
      ...(privateBlob ? { private: privateBlob } : {}),
      ...(mode === 'managed' && dependencies.length ? { dependencies } : {}),
    });
    return { address, a: spec.attributes };
  }

  output(name: string, value: unknown, type: unknown, sensitive = false): void {
    this.outputs[name] = {
      value,
      type,
      ...(sensitive ? { sensitive: true as const } : {}),
    };
  }

  /** Counts managed and data resources and their instances. */
  stats(): { managed: number; data: number; instances: number } {
    const all = [...this.resources.values()];
    return {
      managed: all.filter(r => r.mode === 'managed').length,
      data: all.filter(r => r.mode === 'data').length,
      instances: all.reduce((n, r) => n + r.instances.length, 0),
    };
  }

  /** Serialises like Terraform 1.9: resources ordered by module, mode, type and name. */
  toJson(meta: {
    terraformVersion: string;
    serial: number;
    lineage: string;
  }): string {
    const resources = [...this.resources.values()]
      .map(r => ({
        ...r,
        instances: [...r.instances].sort((x, y) =>
          compareKeys(x.index_key, y.index_key),
        ),
      }))
      .sort(
        (x, y) =>
          cmp(x.module ?? '', y.module ?? '') ||
          cmp(x.mode, y.mode) ||
          cmp(x.type, y.type) ||
          cmp(x.name, y.name),
      );
    const state = {
      version: 4,
      terraform_version: meta.terraformVersion,
      serial: meta.serial,
      lineage: meta.lineage,
      outputs: Object.fromEntries(
        Object.keys(this.outputs)
          .sort()
          .map(k => [k, this.outputs[k]]),
      ),
      resources,
      check_results: null,
    };
    return `${goJsonEscape(JSON.stringify(state, null, 2))}\n`;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(
  a: string | number | undefined,
  b: string | number | undefined,
): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cmp(String(a ?? ''), String(b ?? ''));
}
