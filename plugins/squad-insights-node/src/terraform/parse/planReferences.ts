import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { configAddressOf } from './planRegions';
import { scrubSecrets } from './secrets';
import { isRecord } from './shape';

/**
 * Attributes a provider sets from another one on create, so a reference to the first is known
 * at plan time when the second is: an S3 bucket's `id` is its name.
 */
const IDENTITY: Record<string, Record<string, string>> = {
  aws_s3_bucket: { id: 'bucket' },
};

/** How deep references are followed (`var` → module call → module output → resource). */
const MAX_DEPTH = 12;

type Scalar = string | number | boolean;

interface ConfigModule {
  module: Record<string, unknown>;
  /** Expressions of the call that instantiates it, evaluated in `parent`. */
  call?: Record<string, unknown>;
  parent?: string;
}

function indexModules(
  plan: Record<string, unknown>,
): Map<string, ConfigModule> {
  const modules = new Map<string, ConfigModule>();
  const visit = (
    module: unknown,
    path: string,
    parent?: string,
    call?: Record<string, unknown>,
  ) => {
    if (!isRecord(module)) return;
    modules.set(path, { module, call, parent });
    const calls = isRecord(module.module_calls) ? module.module_calls : {};
    for (const [name, c] of Object.entries(calls)) {
      if (!isRecord(c)) continue;
      const expressions = isRecord(c.expressions) ? c.expressions : {};
      visit(
        c.module,
        path ? `${path}.module.${name}` : `module.${name}`,
        path,
        expressions,
      );
    }
  };
  visit(
    isRecord(plan.configuration) ? plan.configuration.root_module : undefined,
    '',
  );
  return modules;
}

const scalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Fills in what a plan leaves unknown but its configuration ties to a known value: an
 * attribute set from a single reference (`bucket = aws_s3_bucket.this.id`, `target_bucket =
 * var.access_log_bucket`) takes the referenced value, followed through module variables and
 * outputs. On a first plan that is what lets a bucket's encryption, public access block and
 * logging resources be linked to the bucket, as they will be once applied.
 *
 * Only top-level attributes the plan left out are filled, only with scalars read from the
 * inventory (already stripped of sensitive values and scrubbed) or from root variables the
 * configuration does not mark sensitive, and the result is scrubbed again.
 *
 * @internal
 */
export function resolvePlanReferences(
  inventory: StateInventory,
  plan: Record<string, unknown>,
): void {
  const modules = indexModules(plan);
  // Resources with one instance: a reference without an index names it unambiguously.
  const planned = new Map<string, Record<string, unknown>>();
  for (const r of inventory.resources) {
    if (r.instances.length === 1)
      planned.set(configAddressOf(r.address), r.instances[0].attributes);
  }
  const rootVariables = isRecord(modules.get('')?.module.variables)
    ? (modules.get('')!.module.variables as Record<string, unknown>)
    : {};

  const resolve = (
    path: string,
    expression: unknown,
    depth: number,
  ): Scalar | undefined => {
    if (!isRecord(expression) || depth > MAX_DEPTH) return undefined;
    if (scalar(expression.constant_value)) return expression.constant_value;
    const [ref] = Array.isArray(expression.references)
      ? expression.references
      : [];
    if (typeof ref !== 'string') return undefined;
    const prefix = path ? `${path}.` : '';
    const variable = /^var\.([\w-]+)$/.exec(ref)?.[1];
    if (variable) {
      const here = modules.get(path);
      if (path === '') {
        const declared = rootVariables[variable];
        if (isRecord(declared) && declared.sensitive) return undefined;
        const value = isRecord(plan.variables)
          ? plan.variables[variable]
          : undefined;
        return isRecord(value) && scalar(value.value) ? value.value : undefined;
      }
      return here?.call
        ? resolve(here.parent ?? '', here.call[variable], depth + 1)
        : undefined;
    }
    const output = /^module\.([\w-]+)\.([\w-]+)$/.exec(ref);
    if (output) {
      const child = `${prefix}module.${output[1]}`;
      const outputs = modules.get(child)?.module.outputs;
      const declared = isRecord(outputs) ? outputs[output[2]] : undefined;
      if (!isRecord(declared) || declared.sensitive) return undefined;
      return resolve(child, declared.expression, depth + 1);
    }
    const attribute = /^((?:data\.)?([\w-]+)\.[\w-]+)\.([\w-]+)$/.exec(ref);
    if (attribute) {
      const [, resource, type, name] = attribute;
      const attrs = planned.get(`${prefix}${resource}`);
      const value = attrs?.[name] ?? attrs?.[IDENTITY[type]?.[name] ?? ''];
      return scalar(value) ? value : undefined;
    }
    return undefined;
  };

  for (const resource of inventory.resources) {
    const address = configAddressOf(resource.address);
    const path = resource.module ? configAddressOf(resource.module) : '';
    const local = path ? address.slice(path.length + 1) : address;
    const config = (
      Array.isArray(modules.get(path)?.module.resources)
        ? (modules.get(path)!.module.resources as unknown[])
        : []
    ).find(r => isRecord(r) && r.address === local);
    const expressions =
      isRecord(config) && isRecord(config.expressions)
        ? config.expressions
        : undefined;
    if (!expressions) continue;
    for (const instance of resource.instances) {
      let filled = false;
      for (const [name, expression] of Object.entries(expressions)) {
        if (instance.attributes[name] !== undefined) continue;
        const value = resolve(path, expression, 0);
        if (value === undefined) continue;
        instance.attributes[name] = value;
        filled = true;
      }
      if (filled)
        instance.attributes = scrubSecrets(instance.attributes, resource.type);
    }
  }
}
