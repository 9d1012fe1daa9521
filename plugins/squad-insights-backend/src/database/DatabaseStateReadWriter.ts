import type { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import type {
  InventoryResource,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { StateReadWriter } from './FactsStore';

/** Resources are stored in rows of about this much JSON (or this many resources). */
const CHUNK_CHARS = 1024 * 1024;
const CHUNK_RESOURCES = 2000;

/** The table holding the resources of stored inventories, chunk by chunk. */
export const RESOURCE_CHUNKS = 'si_state_resource_chunks';

/**
 * Streams one state read into `si_state_resource_chunks` under a fresh generation id, then
 * switches the state's snapshot to it in one transaction. Readers keep seeing the previous
 * generation until then, and a failed read deletes its own chunks: a half-written read is never
 * visible. Memory holds one chunk being built and at most one being written.
 *
 * @internal
 */
export class DatabaseStateReadWriter implements StateReadWriter {
  private readonly generation = randomUUID();
  private readonly hash = createHash('sha256');
  private parts: string[] = [];
  private partChars = 0;
  private chunk = 0;
  private total = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Knex, private readonly reference: string) {}

  add(resource: InventoryResource): Promise<void> | undefined {
    const json = JSON.stringify(resource);
    // The hash over the content decides whether a re-read is a change worth a history row,
    // without ever holding the whole inventory to compare it.
    this.hash.update(json).update('\n');
    this.parts.push(json);
    this.partChars += json.length;
    this.total += 1;
    if (this.partChars >= CHUNK_CHARS || this.parts.length >= CHUNK_RESOURCES) {
      return this.flush();
    }
    return undefined;
  }

  async commit(options: {
    marker?: string;
    inventory: Omit<StateInventory, 'resources'>;
    at: Date;
  }): Promise<void> {
    await this.flush();
    const { marker = null, at } = options;
    // Stored without resources (they are in the chunks), whatever the caller's object holds.
    const { resources: _chunked, ...summary } =
      options.inventory as StateInventory;
    const json = JSON.stringify(summary);
    const contentHash = this.hash.update(json).digest('hex');
    const { generation, reference, total } = this;
    await this.db.transaction(async tx => {
      const previous = await tx('si_state_snapshots')
        .where({ reference })
        .first('marker', 'content_hash', 'generation');
      const unchanged =
        previous?.generation &&
        previous.marker === marker &&
        previous.content_hash === contentHash;
      // Re-reading identical content keeps the stored chunks and drops the copy just written.
      const current = unchanged ? previous.generation : generation;
      await tx('si_state_snapshots')
        .insert({
          reference,
          marker,
          status: summary.status,
          serial: summary.serial ?? null,
          inventory: json,
          generation: current,
          content_hash: contentHash,
          resource_count: total,
          read_at: at,
          checked_at: at,
          last_error: null,
          last_error_at: null,
        })
        .onConflict('reference')
        .merge();
      if (unchanged) {
        await tx(RESOURCE_CHUNKS).where({ generation }).delete();
        return;
      }
      // History records changes only, and keeps the chunks of every inventory it lists.
      await tx('si_state_history').insert({
        reference,
        marker,
        serial: summary.serial ?? null,
        resource_count: total,
        inventory: json,
        generation,
        content_hash: contentHash,
        read_at: at,
      });
      if (previous?.generation) {
        const listed = await tx('si_state_history')
          .where({ generation: previous.generation })
          .first('id');
        if (!listed)
          await tx(RESOURCE_CHUNKS)
            .where({ generation: previous.generation })
            .delete();
      }
    });
  }

  async abort(): Promise<void> {
    await this.writing.catch(() => {});
    await this.db(RESOURCE_CHUNKS)
      .where({ generation: this.generation })
      .delete();
  }

  private flush(): Promise<void> {
    if (this.parts.length === 0) return this.writing;
    const row = {
      generation: this.generation,
      chunk: this.chunk++,
      reference: this.reference,
      resource_count: this.parts.length,
      resources: `[${this.parts.join(',')}]`,
    };
    this.parts = [];
    this.partChars = 0;
    // One write at a time, in order; once one fails, the later ones fail with it.
    this.writing = this.writing.then(async () => {
      await this.db(RESOURCE_CHUNKS).insert(row);
    });
    return this.writing;
  }
}
