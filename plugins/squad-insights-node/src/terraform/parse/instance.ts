import type { InventoryInstance } from '@squad-insights/backstage-plugin-squad-insights-common';
import { indexSuffix } from './address';
import { clearFields, emptyFields } from './instanceFields';
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

// One record of noted fields serves every instance in turn: it is read as soon as the
// scrubber has filled it, and nothing else scrubs in between.
const noted = emptyFields();

/**
 * Turns one instance's attributes (already stripped of the paths its format marks sensitive,
 * but for the top-level names in `omit`) into an inventory instance: secrets scrubbed, then
 * region and tags read from what is left, so neither can surface a secret. The scrubber notes
 * the attributes tags and region are read from as it passes them: one walk over the
 * attributes, not three.
 *
 * @internal
 */
export function buildInstance(input: {
  resourceAddress: string;
  type: string;
  indexKey: string | number | undefined;
  attributes: Record<string, unknown>;
  omit?: ReadonlySet<string>;
  providerRegion: string | undefined;
}): InventoryInstance {
  const fields = clearFields(noted);
  const attributes = scrubSecrets(
    input.attributes,
    input.type,
    input.omit,
    fields,
  );
  const instance: InventoryInstance = {
    address: input.resourceAddress + indexSuffix(input.indexKey),
    tags: deriveTags(fields),
    attributes,
  };
  if (input.indexKey !== undefined) instance.indexKey = input.indexKey;
  const region = deriveRegion(attributes, input.providerRegion, fields);
  if (region !== undefined) instance.region = region;
  return instance;
}
