import type {
  InventoryResource,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  inSelectedModule,
  parseStateReference,
  selectStateModule,
  StateReference,
} from './stateReference';
import { pipeline, Transform } from 'node:stream';
import type { StateSource } from './sources/types';
import { emptyInventory } from './parse/fastPath';
import { parseState } from './parse/parseState';
import { BOUNDED_STREAMING_THRESHOLD } from './parse/types';

/**
 * Options of {@link TerraformStateReader.readEach}.
 *
 * @public
 */
export interface ReadEachOptions {
  /**
   * Receives each resource as soon as it is parsed; nothing keeps it afterwards. Called
   * synchronously from the parser, so a slow consumer slows the read rather than letting
   * resources pile up. A consumer that writes asynchronously (e.g. a batch to a database)
   * returns the write's promise: no more of the state is read from the source until it
   * settles, and if it rejects the read fails with its error. If the read fails, the
   * resources already handed on belong to a state that turned out unreadable: discard them.
   */
  // `unknown` rather than `void | PromiseLike<void>`: callbacks like `r => list.push(r)` keep
  // compiling; only a thenable result is waited for.
  onResource: (resource: InventoryResource) => unknown;
  /**
   * States up to this many bytes are parsed whole (fast), larger ones streamed. Default
   * 16 MiB, which keeps the whole-document parse of the fast path within a bounded memory;
   * see `ParseStateOptions.streamingThresholdBytes`.
   */
  streamingThresholdBytes?: number;
}

/**
 * What {@link TerraformStateReader.readEach} returns once every resource has been handed on.
 *
 * @public
 */
export interface StateReadSummary {
  reference: StateReference;
  /** The change marker of the state read; absent when there is no state. */
  marker?: string;
  /** The inventory without its resources: status, format, outputs, serial, lineage. */
  inventory: Omit<StateInventory, 'resources'>;
  /** How many resources were handed to `onResource`. */
  resourceCount: number;
}

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

  private constructor(
    private readonly sources: ReadonlyMap<string, StateSource>,
  ) {}

  /** Parses and validates a `<source-id>:<key>` reference; throws InputError if refused. */
  resolve(reference: string): StateReference {
    return parseStateReference(reference, { sourceIds: this.sources.keys() });
  }

  /** The cheap change marker of a state, or `undefined` when there is no state. */
  async marker(reference: string): Promise<string | undefined> {
    const { sourceId, key } = this.resolve(reference);
    return this.sources.get(sourceId)!.marker(key);
  }

  /**
   * Reads a state whole; a location without a state gives an inventory with status
   * `no-state`. The inventory holds every resource, so memory grows with the state (about
   * 3.5 times its size): use {@link TerraformStateReader.readEach} for states of any size.
   */
  async read(reference: string): Promise<{
    reference: StateReference;
    marker?: string;
    inventory: StateInventory;
  }> {
    const ref = this.resolve(reference);
    const found = await this.sources.get(ref.sourceId)!.read(ref.key);
    if (!found) return { reference: ref, inventory: emptyInventory() };
    try {
      const inventory = selectStateModule(
        await parseState(found.body, ref),
        ref.module,
      );
      return { reference: ref, marker: found.marker, inventory };
    } finally {
      // A parse that stopped early (corrupt, truncated) leaves the source's stream open;
      // destroying it releases the file handle or socket now rather than at GC.
      found.body.destroy();
    }
  }

  /**
   * Reads a state resource by resource, in bounded memory whatever its size: each resource
   * goes to `options.onResource` as soon as it is parsed and is not kept; the outputs and
   * metadata come back at the end. Same reference checks, sources and errors as
   * {@link TerraformStateReader.read}, and the resources handed on are exactly those `read`
   * returns, in the same order.
   *
   * Memory stays bounded for format-4 states (Terraform 0.12 and later), which name their
   * version before their resources. Formats 1–3 and `terraform show -json` documents group
   * instances under their resource first, so their resources are handed on at the end.
   */
  async readEach(
    reference: string,
    options: ReadEachOptions,
  ): Promise<StateReadSummary> {
    const ref = this.resolve(reference);
    const found = await this.sources.get(ref.sourceId)!.read(ref.key);
    let resourceCount = 0;
    if (!found) {
      const { resources: _none, ...inventory } = emptyInventory();
      return { reference: ref, inventory, resourceCount };
    }
    // The gate holds the source's next chunk while the consumer's last write is pending: the
    // parser then runs dry and stops, so unwritten resources never pile up in memory.
    const pending = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const settled = () =>
      Promise.all(pending).then(() => failure && Promise.reject(failure.error));
    const gate = new Transform({
      // No buffer of its own: the gate must not read ahead of the parser.
      highWaterMark: 1,
      transform(chunk, _encoding, callback) {
        if (pending.size === 0 && !failure) return callback(null, chunk);
        return settled().then(() => callback(null, chunk), callback);
      },
    });
    pipeline(found.body, gate, () => {});
    const handOn = (resource: InventoryResource) => {
      const written = options.onResource(resource);
      if (
        typeof (written as PromiseLike<unknown> | undefined)?.then !==
        'function'
      )
        return;
      const tracked: Promise<void> = Promise.resolve(written).then(
        () => void pending.delete(tracked),
        error => {
          failure ??= { error };
          pending.delete(tracked);
        },
      );
      pending.add(tracked);
    };
    try {
      const { resources: _handedOn, ...inventory } = await parseState(
        gate,
        ref,
        {
          streamingThresholdBytes:
            options.streamingThresholdBytes ?? BOUNDED_STREAMING_THRESHOLD,
          onResource: resource => {
            // A shared state: only the selected module instance is this service's.
            if (!inSelectedModule(ref.module, resource.module)) return;
            resourceCount++;
            handOn(resource);
          },
        },
      );
      // States parsed whole hand on every resource at once: wait for the last write.
      await settled();
      if (ref.module) inventory.outputs = {};
      return { reference: ref, marker: found.marker, inventory, resourceCount };
    } finally {
      found.body.destroy();
      gate.destroy();
    }
  }
}
