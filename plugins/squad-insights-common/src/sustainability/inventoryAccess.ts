import type {
  InventoryInstance,
  InventoryResource,
  StateInventory,
} from '../inventory';

/** A managed resource instance together with its resource. */
export interface Found {
  resource: InventoryResource;
  instance: InventoryInstance;
  a: Record<string, unknown>;
}

/** Every managed instance of the given types across all of a service's inventories. */
export function findAll(
  inventories: readonly StateInventory[],
  ...types: string[]
): Found[] {
  const out: Found[] = [];
  for (const inv of inventories) {
    if (inv.status !== 'ok') continue;
    for (const resource of inv.resources) {
      if (resource.mode !== 'managed' || !types.includes(resource.type))
        continue;
      for (const instance of resource.instances) {
        out.push({ resource, instance, a: instance.attributes });
      }
    }
  }
  return out;
}

/** A string attribute, or undefined when absent or empty. */
export function str(
  a: Record<string, unknown>,
  key: string,
): string | undefined {
  const v = a[key];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * A numeric attribute. Terraform states store some numbers as strings (task definition
 * `cpu`/`memory`, scheduled action capacities), so both are accepted.
 */
export function num(
  a: Record<string, unknown>,
  key: string,
): number | undefined {
  const v = a[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    return Number(v);
  }
  return undefined;
}

/** A nested block (Terraform stores single blocks as one-element lists). */
export function blocks(
  a: Record<string, unknown>,
  key: string,
): Record<string, unknown>[] {
  const v = a[key];
  if (!Array.isArray(v)) return [];
  return v.filter(
    (b): b is Record<string, unknown> => typeof b === 'object' && b !== null,
  );
}

/** The last `/`- or `:`-separated segment of an ARN or id. */
export function lastSegment(value: string): string {
  const parts = value.split(/[/:]/);
  return parts[parts.length - 1];
}
