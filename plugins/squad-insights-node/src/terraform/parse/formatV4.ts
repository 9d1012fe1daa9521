import type {
  InventoryInstance,
  InventoryResource,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { readIndexKey, resourceAddress } from './address';
import { expandFlatmap } from './flatmap';
import { buildInstance, providerRegionOf } from './instance';
import { parseProviderConfig } from './provider';
import { dropSensitiveAttributes } from './sensitivePaths';
import { expectMode, expectName, expectRecord, isRecord } from './shape';
import { StateShapeError } from './StateParseError';

function attributesOf(
  instance: Record<string, unknown>,
): Record<string, unknown> {
  // `attributes` is JSON per the provider schema; `attributes_flat` is what a state upgraded
  // from format 3 keeps until the provider next rewrites the instance.
  if (isRecord(instance.attributes)) return instance.attributes;
  if (isRecord(instance.attributes_flat))
    return expandFlatmap(instance.attributes_flat);
  return {};
}

/**
 * Normalises one element of a format-4 state's `resources` array. Deposed objects (old
 * generations kept during create_before_destroy) are left out: they are on their way out and
 * share their address with the current object.
 *
 * @internal
 */
export function readV4Resource(
  raw: unknown,
  providerRegions: Record<string, string> | undefined,
): InventoryResource {
  const res = expectRecord(raw, 'a resource');
  const mode = expectMode(res.mode);
  const type = expectName(res.type, 'a resource type');
  const name = expectName(res.name, 'a resource name');
  const module =
    typeof res.module === 'string' && res.module ? res.module : undefined;
  const provider = parseProviderConfig(res.provider, type);
  const providerRegion = providerRegionOf(provider, providerRegions);
  const address = resourceAddress({ module, mode, type, name });

  const rawInstances = res.instances ?? [];
  if (!Array.isArray(rawInstances)) {
    throw new StateShapeError(
      'corrupt',
      'the instances of a resource are not a list',
    );
  }
  const instances: InventoryInstance[] = [];
  for (const rawInstance of rawInstances) {
    const inst = expectRecord(rawInstance, 'a resource instance');
    if (typeof inst.deposed === 'string' && inst.deposed) continue;
    const indexKey = readIndexKey(inst.index_key);
    if (
      indexKey === undefined &&
      inst.index_key !== undefined &&
      inst.index_key !== null
    ) {
      throw new StateShapeError(
        'corrupt',
        'a resource instance has an invalid index key',
      );
    }
    const attributes = attributesOf(inst);
    const omit = dropSensitiveAttributes(attributes, inst.sensitive_attributes);
    instances.push(
      buildInstance({
        resourceAddress: address,
        type,
        indexKey,
        attributes: omit === null ? {} : attributes,
        omit: omit ?? undefined,
        providerRegion,
      }),
    );
  }

  const resource: InventoryResource = {
    address,
    mode,
    type,
    name,
    provider: provider.source,
    instances,
  };
  if (module) resource.module = module;
  return resource;
}
