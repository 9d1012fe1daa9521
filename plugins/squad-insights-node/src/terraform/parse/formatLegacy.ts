import type {
  InventoryInstance,
  InventoryResource,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseLegacyKey, resourceAddress } from './address';
import { expandFlatmap } from './flatmap';
import { buildInstance, providerRegionOf } from './instance';
import { parseProviderConfig } from './provider';
import { expectRecord, isRecord } from './shape';
import { StateShapeError } from './StateParseError';

/**
 * One entry of a format 1–3 module's `resources` map, already normalised; its module is
 * resolved when the whole document has been read (the map may precede the module's `path`).
 *
 * @internal
 */
export interface LegacyEntry {
  moduleIndex: number;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider: string;
  instance?: InventoryInstance;
}

/**
 * Reads one `resources` entry the way Terraform's v3→v4 upgrade does: the key gives mode, type,
 * name and count index; the flatmap `primary.attributes` become nested attributes; a
 * first-class `primary.id` fills an empty `id`; deposed generations are left out.
 *
 * @internal
 */
export function readLegacyEntry(
  moduleIndex: number,
  key: string,
  raw: unknown,
  providerRegions: Record<string, string> | undefined,
): LegacyEntry {
  const parsed = parseLegacyKey(key);
  if (!parsed) {
    throw new StateShapeError(
      'corrupt',
      'a resource key is not a legacy resource address',
    );
  }
  const res = expectRecord(raw, 'a resource');
  const { mode, type, name, indexKey } = parsed;
  const provider = parseProviderConfig(res.provider, type);
  const entry: LegacyEntry = {
    moduleIndex,
    mode,
    type,
    name,
    provider: provider.source,
  };
  if (!isRecord(res.primary)) return entry;

  const flat = isRecord(res.primary.attributes)
    ? { ...res.primary.attributes }
    : {};
  const id = res.primary.id;
  if (typeof id === 'string' && id && !flat.id) flat.id = id;
  entry.instance = buildInstance({
    // The module prefix is added once the module's path is known.
    resourceAddress: resourceAddress({ mode, type, name }),
    type,
    indexKey,
    attributes: expandFlatmap(flat),
    providerRegion: providerRegionOf(provider, providerRegions),
  });
  return entry;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `["root", "a", "b"]` → `module.a.module.b`; `undefined` for the root module. */
function modulePath(module: unknown): string | undefined {
  const path = isRecord(module) ? module.path : undefined;
  // Format 1 sometimes omitted the path of the root module; Terraform assumes root.
  if (path === undefined || (Array.isArray(path) && path.length === 0))
    return undefined;
  if (!Array.isArray(path) || path[0] !== 'root') {
    throw new StateShapeError(
      'corrupt',
      'a module path does not start at the root module',
    );
  }
  const names = path.slice(1);
  if (!names.every(n => typeof n === 'string' && IDENTIFIER.test(n))) {
    throw new StateShapeError(
      'corrupt',
      'a module path contains an invalid module name',
    );
  }
  return names.length ? names.map(n => `module.${n}`).join('.') : undefined;
}

function compareKeys(a: InventoryInstance, b: InventoryInstance): number {
  if (a.indexKey === b.indexKey) return 0;
  if (a.indexKey === undefined) return -1;
  if (b.indexKey === undefined) return 1;
  return Number(a.indexKey) - Number(b.indexKey);
}

/**
 * Groups the instances of formats 1–3 under their resources and sorts them the way Terraform
 * normalises an upgraded state (by module, mode, type, name, then index).
 *
 * @internal
 */
export function groupLegacy(
  entries: LegacyEntry[],
  modules: unknown[],
): InventoryResource[] {
  const paths = modules.map(modulePath);
  const byAddress = new Map<string, InventoryResource>();
  for (const entry of entries) {
    const module = paths[entry.moduleIndex];
    const address = resourceAddress({ ...entry, module });
    let resource = byAddress.get(address);
    if (!resource) {
      const { mode, type, name, provider } = entry;
      resource = { address, mode, type, name, provider, instances: [] };
      if (module) resource.module = module;
      byAddress.set(address, resource);
    }
    if (entry.instance) {
      if (module)
        entry.instance.address = `${module}.${entry.instance.address}`;
      resource.instances.push(entry.instance);
    }
  }
  const sortKey = (r: InventoryResource) => [
    r.module ?? '',
    r.mode,
    r.type,
    r.name,
  ];
  const resources = [...byAddress.values()];
  for (const r of resources) r.instances.sort(compareKeys);
  return resources.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return 0;
  });
}
