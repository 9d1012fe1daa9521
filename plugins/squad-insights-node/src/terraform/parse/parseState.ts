import type { Readable } from 'node:stream';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseText } from './fastPath';
import { InventoryBuilder } from './InventoryBuilder';
import { prepareInput } from './readInput';
import { StateParseError, StateShapeError } from './StateParseError';
import { parseStream } from './streamPath';
import {
  DEFAULT_STREAMING_THRESHOLD,
  ParseStateOptions,
  StateParseContext,
} from './types';

/**
 * Reads a Terraform state into a secret-free inventory.
 *
 * Accepts state formats 1–4 (1–3 upgraded the way Terraform upgrades them), the output of
 * `terraform show -json`, plan JSON (its `prior_state`), a backend-config state
 * (`.terraform/terraform.tfstate`, status `no-resources`) and an empty file (status
 * `no-state`). Anything else is refused with a {@link StateParseError} that names the source
 * and key but never repeats the state's content.
 *
 * Inputs up to `options.streamingThresholdBytes` (256 MiB) are parsed with `JSON.parse`;
 * larger ones are streamed, one resource at a time, so even states beyond V8's largest string
 * can be read. Both paths give the same inventory.
 *
 * Errors of the input stream itself (a failed download) are passed on unchanged.
 *
 * @public
 */
export async function parseState(
  input: Readable | Buffer | string,
  context: StateParseContext,
  options: ParseStateOptions = {},
): Promise<StateInventory> {
  const threshold =
    options.streamingThresholdBytes ?? DEFAULT_STREAMING_THRESHOLD;
  const builder = new InventoryBuilder(context, options.onResource);
  try {
    const prepared = await prepareInput(input, threshold, options.sizeBytes);
    return 'text' in prepared
      ? parseText(prepared.text, builder)
      : await parseStream(prepared.stream, builder);
  } catch (error) {
    if (error instanceof StateShapeError) {
      throw new StateParseError(context, error.reason, error.detail);
    }
    throw error;
  }
}
