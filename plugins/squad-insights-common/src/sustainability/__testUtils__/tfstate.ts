/**
 * Test helper: turns a raw Terraform v4 state into the inventory shape, the way the
 * -node parser does for the fields the estimate reads (address, region, attributes without
 * sensitive values). Deliberately tiny; the real parser lives in -node.
 */
import type {
  InventoryInstance,
  InventoryResource,
  StateInventory,
} from '../../inventory';

interface V4Resource {
  module?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider: string;
  instances: {
    index_key?: string | number;
    attributes: Record<string, unknown>;
    sensitive_attributes?: { type: string; value: string }[][];
  }[];
}

function regionOf(a: Record<string, unknown>): string | undefined {
  if (typeof a.region === 'string' && a.region) return a.region;
  const arnLike = [a.arn, a.id].find(
    v => typeof v === 'string' && v.startsWith('arn:'),
  ) as string | undefined;
  const arn = arnLike ? arnLike.split(':') : [];
  if (arn.length > 3 && arn[3]) return arn[3];
  let az: string | undefined;
  if (typeof a.availability_zone === 'string') az = a.availability_zone;
  else if (Array.isArray(a.availability_zones))
    az = String(a.availability_zones[0]);
  return az ? az.replace(/[a-z]$/, '') : undefined;
}

/** A v4 state as an inventory. */
export function inventoryFromV4(state: {
  resources: V4Resource[];
}): StateInventory {
  const resources: InventoryResource[] = state.resources.map(r => {
    const base = `${r.module ? `${r.module}.` : ''}${
      r.mode === 'data' ? 'data.' : ''
    }${r.type}.${r.name}`;
    const instances: InventoryInstance[] = r.instances.map(i => {
      const attributes = { ...i.attributes };
      for (const path of i.sensitive_attributes ?? []) {
        if (path[0]?.value) delete attributes[path[0].value];
      }
      let key = '';
      if (typeof i.index_key === 'number') key = `[${i.index_key}]`;
      if (typeof i.index_key === 'string') key = `["${i.index_key}"]`;
      return {
        indexKey: i.index_key,
        address: `${base}${key}`,
        region: regionOf(i.attributes),
        tags: (i.attributes.tags as Record<string, string>) ?? {},
        attributes,
      };
    });
    return {
      address: base,
      module: r.module,
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider: r.provider,
      instances,
    };
  });
  return { status: 'ok', format: 'v4', resources, outputs: {} };
}

/** A one-resource inventory for unit tests. */
export function inventoryOf(
  ...resources: {
    type: string;
    name: string;
    region?: string;
    attributes: Record<string, unknown>;
  }[]
): StateInventory {
  return {
    status: 'ok',
    format: 'v4',
    outputs: {},
    resources: resources.map(r => ({
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: 'registry.terraform.io/hashicorp/aws',
      instances: [
        {
          address: `${r.type}.${r.name}`,
          region: r.region,
          tags: {},
          attributes: r.attributes,
        },
      ],
    })),
  };
}
