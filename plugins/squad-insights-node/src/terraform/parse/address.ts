/**
 * The identifying parts of a resource, in every format.
 *
 * @internal
 */
export interface ResourceId {
  module?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
}

/**
 * `[0]` for a count index, `["eu"]` for a for_each key (quoted like Terraform quotes it).
 *
 * @internal
 */
export function indexSuffix(indexKey: string | number | undefined): string {
  if (indexKey === undefined) return '';
  return typeof indexKey === 'number'
    ? `[${indexKey}]`
    : `[${JSON.stringify(indexKey)}]`;
}

/**
 * `module.a.data.aws_ami.x`: the resource's address without an instance key.
 *
 * @internal
 */
export function resourceAddress(id: ResourceId): string {
  const local = `${id.mode === 'data' ? 'data.' : ''}${id.type}.${id.name}`;
  return id.module ? `${id.module}.${local}` : local;
}

/**
 * The module part of a full instance address from `terraform show -json`
 * (`module.a["x"].aws_s3_bucket.logs[0]` → `module.a["x"]`), found by stripping the part the
 * entry's own fields describe; `undefined` for the root module.
 *
 * @internal
 */
export function moduleOfAddress(
  address: string,
  id: Omit<ResourceId, 'module'>,
  indexKey: string | number | undefined,
): string | undefined {
  const tail = resourceAddress(id) + indexSuffix(indexKey);
  if (address === tail || !address.endsWith(`.${tail}`)) return undefined;
  return address.slice(0, address.length - tail.length - 1);
}

/**
 * Normalises an instance key read from JSON: whole numbers are count indexes, strings are
 * for_each keys, anything else means "no key".
 *
 * @internal
 */
export function readIndexKey(raw: unknown): string | number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string') return raw;
  return undefined;
}

/**
 * Parses the resource keys of state formats 1–3 like Terraform's `parseLegacyResourceAddress`:
 * `aws_instance.web`, `aws_instance.web.1` (count index), `data.aws_ami.x(.N)`. Returns
 * `undefined` for anything else, which Terraform also refuses to upgrade.
 *
 * @internal
 */
export function parseLegacyKey(
  key: string,
):
  | { mode: 'managed' | 'data'; type: string; name: string; indexKey?: number }
  | undefined {
  let parts = key.split('.');
  if (parts.length < 2 || parts.length > 4) return undefined;
  let mode: 'managed' | 'data' = 'managed';
  if (parts.length > 2 && parts[0] === 'data') {
    mode = 'data';
    parts = parts.slice(1);
  }
  if (parts.length > 3 || !parts[0] || !parts[1]) return undefined;
  const [type, name, index] = parts;
  if (index === undefined) return { mode, type, name };
  if (!/^\d+$/.test(index)) return undefined;
  return { mode, type, name, indexKey: Number(index) };
}
