import type { InventoryResource, StateInventory } from '../../inventory';

const ARN = /^arn:aws[a-z-]*:[^:]*:([^:]*):/;
const ZONE = /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/;
const S3 = /\.s3[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com$/;

/** The region as the -node reader derives it without provider regions (region, ARNs, S3 domain, zones). */
function region(a: Record<string, any>): string | undefined {
  if (typeof a.region === 'string' && a.region) return a.region;
  const own = typeof a.arn === 'string' ? ARN.exec(a.arn)?.[1] : undefined;
  if (own) return own;
  for (const [k, v] of Object.entries(a)) {
    const r =
      k !== 'arn' && typeof v === 'string' ? ARN.exec(v)?.[1] : undefined;
    if (r) return r;
  }
  const domain =
    typeof a.bucket_regional_domain_name === 'string'
      ? S3.exec(a.bucket_regional_domain_name)?.[1]
      : undefined;
  if (domain) return domain;
  const zone =
    a.availability_zone ??
    (Array.isArray(a.availability_zones) ? a.availability_zones[0] : undefined);
  return typeof zone === 'string' ? ZONE.exec(zone)?.[1] : undefined;
}

/**
 * A tiny test-only reader: a raw state (format 4) into the inventory shape. No secret
 * scrubbing and none of the real reader's format support; enough for policy tests.
 */
export function stateToInventory(state: any): StateInventory {
  const resources: InventoryResource[] = (state.resources ?? []).map(
    (r: any) => {
      const address = [
        r.module,
        r.mode === 'data' ? 'data' : undefined,
        `${r.type}.${r.name}`,
      ]
        .filter(Boolean)
        .join('.');
      return {
        address,
        module: r.module,
        mode: r.mode,
        type: r.type,
        name: r.name,
        provider: r.provider,
        instances: r.instances.map((i: any) => {
          const key = i.index_key;
          const a = i.attributes ?? {};
          return {
            indexKey: key,
            address:
              key === undefined
                ? address
                : `${address}[${JSON.stringify(key)}]`,
            region: region(a),
            tags: { ...(a.tags_all ?? {}), ...(a.tags ?? {}) },
            attributes: a,
          };
        }),
      };
    },
  );
  return {
    status: 'ok',
    format: 'v4',
    terraformVersion: state.terraform_version,
    serial: state.serial,
    lineage: state.lineage,
    resources,
    outputs: {},
  };
}
