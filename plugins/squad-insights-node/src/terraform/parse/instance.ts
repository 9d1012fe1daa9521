import type { InventoryInstance } from '@squad-insights/backstage-plugin-squad-insights-common';
import { indexSuffix } from './address';
import { ProviderRef, providerRegionKeys } from './provider';
import { deriveRegion } from './region';
import { scrubSecrets } from './secrets';
import { deriveTags } from './tags';

/**
 * Looks up the caller-supplied region of a provider configuration.
 *
 * @internal
 */
export function providerRegionOf(
  ref: ProviderRef,
  providerRegions: Record<string, string> | undefined,
): string | undefined {
  if (!providerRegions) return undefined;
  for (const key of providerRegionKeys(ref)) {
    const region = providerRegions[key];
    if (typeof region === 'string' && region) return region;
  }
  return undefined;
}

/**
 * Turns one instance's attributes (already stripped of the paths its format marks sensitive)
 * into an inventory instance: secrets scrubbed, then region and tags read from what is left,
 * so neither can surface a secret.
 *
 * @internal
 */
export function buildInstance(input: {
  resourceAddress: string;
  type: string;
  indexKey: string | number | undefined;
  attributes: Record<string, unknown>;
  providerRegion: string | undefined;
}): InventoryInstance {
  const attributes = scrubSecrets(input.attributes, input.type);
  const instance: InventoryInstance = {
    address: input.resourceAddress + indexSuffix(input.indexKey),
    tags: deriveTags(attributes),
    attributes,
  };
  if (input.indexKey !== undefined) instance.indexKey = input.indexKey;
  const region = deriveRegion(attributes, input.providerRegion);
  if (region !== undefined) instance.region = region;
  return instance;
}
