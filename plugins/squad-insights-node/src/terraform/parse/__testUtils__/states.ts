import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseState } from '../parseState';
import type { ParseStateOptions, StateParseContext } from '../types';

// Test helpers only (not exported from the package).

/** The context synthetic states are parsed with. */
export const TEST_CONTEXT: StateParseContext = {
  sourceId: 'demo',
  key: 'payments/terraform.tfstate',
};

/** A format-4 resource with one unkeyed instance unless `instances` is given. */
export function v4Resource(
  resource: {
    type: string;
    name?: string;
    mode?: string;
    module?: string;
    provider?: string;
    instances?: Array<Record<string, unknown>>;
  },
  attributes: Record<string, unknown> = {},
): Record<string, unknown> {
  const provider = resource.type.split('_')[0];
  return {
    mode: 'managed',
    name: 'this',
    provider: `provider["registry.terraform.io/hashicorp/${provider}"]`,
    instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    ...resource,
  };
}

/** A format-4 state document around the given resources. */
export function v4State(
  resources: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    version: 4,
    terraform_version: '1.9.5',
    serial: 7,
    lineage: '1b0f1a7e-0000-4000-8000-000000000001',
    outputs: {},
    resources,
    ...extra,
  };
}

/**
 * Parses a document through both paths, checks they agree, and returns the inventory (or
 * rejects with the fast path's error after checking the streaming path fails the same way).
 */
export async function parseBoth(
  doc: unknown,
  options: Omit<ParseStateOptions, 'streamingThresholdBytes'> & {
    providerRegions?: Record<string, string>;
  } = {},
): Promise<StateInventory> {
  const { providerRegions, ...rest } = options;
  const ctx = { ...TEST_CONTEXT, providerRegions };
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const settle = (p: Promise<StateInventory>) =>
    p.then(
      inventory => ({ inventory }),
      error => ({ error }),
    );
  const fast = await settle(parseState(Buffer.from(text), ctx, rest));
  const streamed = await settle(
    parseState(Buffer.from(text), ctx, { ...rest, streamingThresholdBytes: 0 }),
  );
  if ('error' in fast) {
    if (!('error' in streamed)) throw new Error('only the fast path failed');
    if (streamed.error.message !== fast.error.message) {
      throw new Error(
        `paths disagree: ${fast.error.message} / ${streamed.error.message}`,
      );
    }
    throw fast.error;
  }
  if ('error' in streamed) throw streamed.error;
  expect(streamed.inventory).toEqual(fast.inventory);
  return fast.inventory;
}
