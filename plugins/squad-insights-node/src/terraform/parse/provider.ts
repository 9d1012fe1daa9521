/**
 * A provider configuration as a state names it: the provider's source address and the
 * configuration alias, if any.
 *
 * @internal
 */
export interface ProviderRef {
  /** e.g. `registry.terraform.io/hashicorp/aws`. */
  source: string;
  alias?: string;
}

const DEFAULT_HOST = 'registry.terraform.io';
// Parsed configurations: a state names a handful of them thousands of times.
const parsed = new Map<string, ProviderRef>();
let last: { text: string; ref: ProviderRef } | undefined;

/**
 * Completes a provider source the way Terraform 0.13+ does: a bare name (`aws`, from 0.12
 * states and 0.12 `show -json`) is a legacy provider, which Terraform resolves to the
 * `hashicorp` namespace on the public registry; so is the legacy namespace `-`.
 *
 * @internal
 */
export function normaliseSource(raw: string): string {
  const parts = raw.split('/');
  if (parts.length === 1) return `${DEFAULT_HOST}/hashicorp/${raw}`;
  if (parts.length === 2) parts.unshift(DEFAULT_HOST);
  if (parts[1] === '-') parts[1] = 'hashicorp';
  return parts.join('/');
}

/** Terraform's implied provider: the resource type's first word (`aws_instance` → `aws`). */
function impliedName(type: string): string {
  const underscore = type.indexOf('_');
  return underscore > 0 ? type.slice(0, underscore) : type;
}

/**
 * Reads every provider configuration string Terraform has written into state:
 * `provider["registry.terraform.io/hashicorp/aws"].west` (0.13+), `provider.aws.west` (0.12 and
 * formats 1–3), module-qualified forms of both (`module.a.provider.aws`), the pre-0.11
 * module-local form (`aws.west`), and an empty string, which means the type's implied provider.
 *
 * @internal
 */
export function parseProviderConfig(raw: unknown, type: string): ProviderRef {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { source: normaliseSource(impliedName(type)) };
  // Consecutive resources usually name the same configuration: one string comparison spares
  // hashing a string that is new for every resource.
  if (last?.text === text) return last.ref;
  let ref = parsed.get(text);
  if (!ref) {
    const config = parseConfig(text);
    const source = config.source ?? normaliseSource(impliedName(type));
    ref =
      config.alias !== undefined ? { source, alias: config.alias } : { source };
    // A bare `provider.` means the type's implied provider: not cacheable by text alone.
    if (config.source === undefined) return ref;
    if (parsed.size < 5000) parsed.set(text, ref);
  }
  last = { text, ref };
  return ref;
}

/** The source (`undefined` for a bare `provider.`) and alias a configuration string names. */
function parseConfig(text: string): { source?: string; alias?: string } {
  const bracket = text.indexOf('provider["');
  if (bracket >= 0) {
    const close = text.indexOf('"]', bracket);
    if (close > 0) {
      const source = normaliseSource(text.slice(bracket + 10, close));
      const rest = text.slice(close + 2);
      return rest.startsWith('.') && rest.length > 1
        ? { source, alias: rest.slice(1) }
        : { source };
    }
  }

  let local = text;
  const legacy = text.lastIndexOf('provider.');
  if (legacy === 0 || (legacy > 0 && text[legacy - 1] === '.')) {
    local = text.slice(legacy + 'provider.'.length);
  }
  const [name, ...alias] = local.split('.');
  return {
    source: name ? normaliseSource(name) : undefined,
    alias: alias.length ? alias.join('.') : undefined,
  };
}

/**
 * The keys under which a caller may give this configuration's region in `providerRegions`,
 * most specific first: the full source address, then the short name (`aws`), each with the
 * alias appended after a dot (`aws.west`). An aliased configuration never falls back to the
 * default one: aliases usually exist precisely because they point at another region.
 *
 * @internal
 */
export function providerRegionKeys(ref: ProviderRef): string[] {
  const short = ref.source.slice(ref.source.lastIndexOf('/') + 1);
  const suffix = ref.alias ? `.${ref.alias}` : '';
  return [`${ref.source}${suffix}`, `${short}${suffix}`];
}
