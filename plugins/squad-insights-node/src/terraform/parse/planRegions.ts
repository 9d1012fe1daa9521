import { isRecord } from './shape';

/**
 * The region of each resource of a plan, from the plan's own `configuration`: which provider
 * configuration each resource uses (`provider_config_key`) and that configuration's `region`
 * argument, a constant or a root variable whose value the plan records. `show -json` does not
 * say which (aliased) configuration a resource used, so without this every resource would
 * seem to be in the default configuration's region, backups in the DR region included.
 */

/** A resource address without instance keys: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
export function configAddressOf(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** A provider configuration's `region` argument, when the plan knows its value. */
function regionOf(
  config: Record<string, unknown>,
  variables: unknown,
): string | undefined {
  const expressions = isRecord(config.expressions) ? config.expressions : {};
  const region = isRecord(expressions.region) ? expressions.region : undefined;
  if (!region) return undefined;
  if (typeof region.constant_value === 'string' && region.constant_value) {
    return region.constant_value;
  }
  // `region = var.region`: only a root configuration's variables are in the plan.
  if (
    config.module_address ||
    !Array.isArray(region.references) ||
    !isRecord(variables)
  ) {
    return undefined;
  }
  for (const ref of region.references) {
    const name = typeof ref === 'string' && /^var\.([\w-]+)$/.exec(ref)?.[1];
    const variable = name ? variables[name] : undefined;
    if (
      isRecord(variable) &&
      typeof variable.value === 'string' &&
      variable.value
    ) {
      return variable.value;
    }
  }
  return undefined;
}

/**
 * The region behind a configuration key. A key with no entry (`module.a:aws` for a module that
 * inherits the default configuration) is looked up in the enclosing module, up to the root;
 * an entry without a known region (a configuration passed in, or one set from a module
 * variable) gives none rather than a guess.
 */
function resolveKey(
  key: string,
  configs: Record<string, unknown>,
  variables: unknown,
): string | undefined {
  let current = key;
  for (;;) {
    const config = configs[current];
    if (isRecord(config)) return regionOf(config, variables);
    const colon = current.lastIndexOf(':');
    if (colon < 0) return undefined;
    // `module.a.module.b` → `module.a` → the root; Terraform 0.12 wrote bare names (`a.b`).
    const parent = current
      .slice(0, colon)
      .replace(/(?:^|\.)(?:module\.)?[^.]+$/, '');
    const name = current.slice(colon + 1);
    current = parent ? `${parent}:${name}` : name;
  }
}

function providerKeyOf(resource: Record<string, unknown>): string | undefined {
  if (typeof resource.provider_config_key === 'string')
    return resource.provider_config_key;
  // OpenTofu lists the keys; one configuration is the only unambiguous case.
  const keys = resource.provider_config_keys;
  return Array.isArray(keys) && keys.length === 1 && typeof keys[0] === 'string'
    ? keys[0]
    : undefined;
}

function walkConfigModule(
  module: unknown,
  prefix: string,
  visit: (address: string, key: string) => void,
): void {
  if (!isRecord(module)) return;
  for (const resource of Array.isArray(module.resources)
    ? module.resources
    : []) {
    const key = isRecord(resource) ? providerKeyOf(resource) : undefined;
    if (key && typeof resource.address === 'string') {
      // Relative to its module in Terraform's output; tolerate an absolute one too.
      const absolute = resource.address.startsWith(prefix)
        ? resource.address
        : `${prefix}${resource.address}`;
      visit(absolute, key);
    }
  }
  const calls = isRecord(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (isRecord(call))
      walkConfigModule(call.module, `${prefix}module.${name}.`, visit);
  }
}

/**
 * Regions by configuration address (see {@link configAddressOf}) for the resources whose
 * provider configuration has a known region.
 *
 * @internal
 */
export function planResourceRegions(
  plan: Record<string, unknown>,
): Map<string, string> {
  const regions = new Map<string, string>();
  const configuration = isRecord(plan.configuration) ? plan.configuration : {};
  const configs = isRecord(configuration.provider_config)
    ? configuration.provider_config
    : {};
  walkConfigModule(configuration.root_module, '', (address, key) => {
    const region = resolveKey(key, configs, plan.variables);
    if (region) regions.set(address, region);
  });
  return regions;
}
