import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { parseStateReference, StateReference } from './stateReference';
import type { StateSource } from './sources/types';
import { parseState } from './parse/parseState';

/**
 * The one way into Terraform state: validates a catalog reference against the configured
 * sources, reads through the source and parses into a secret-free inventory. The raw state
 * is streamed through the parser and never kept.
 *
 * @public
 */
export class TerraformStateReader {
  static create(options: { sources: ReadonlyMap<string, StateSource> }) {
    return new TerraformStateReader(options.sources);
  }

  private constructor(private readonly sources: ReadonlyMap<string, StateSource>) {}

  /** Parses and validates a `<source-id>:<key>` reference; throws InputError if refused. */
  resolve(reference: string): StateReference {
    return parseStateReference(reference, { sourceIds: this.sources.keys() });
  }

  /** The cheap change marker of a state, or `undefined` when there is no state. */
  async marker(reference: string): Promise<string | undefined> {
    const { sourceId, key } = this.resolve(reference);
    return this.sources.get(sourceId)!.marker(key);
  }

  /** Reads a state; a location without a state gives an inventory with status `no-state`. */
  async read(
    reference: string,
  ): Promise<{ reference: StateReference; marker?: string; inventory: StateInventory }> {
    const ref = this.resolve(reference);
    const found = await this.sources.get(ref.sourceId)!.read(ref.key);
    if (!found) {
      return {
        reference: ref,
        inventory: { status: 'no-state', format: 'empty', resources: [], outputs: {} },
      };
    }
    const inventory = await parseState(found.body, ref);
    return { reference: ref, marker: found.marker, inventory };
  }
}
