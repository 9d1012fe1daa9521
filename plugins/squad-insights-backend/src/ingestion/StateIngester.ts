import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TerraformStateReader } from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';

/** @public */
export interface IngestSummary {
  read: number;
  unchanged: number;
  failed: number;
}

/**
 * Brings stored state inventories up to date. A state is re-read only when its source's
 * change marker moved, so a pass with nothing changed costs one cheap call per state. A
 * failing source leaves the last good inventory in place and records the error.
 *
 * States are streamed into storage: each resource goes to the store as it is parsed, in
 * batches, and the source is not read further while a batch is being written, so memory stays
 * bounded whatever the size of a state. One state's failure, even one the store itself
 * raises, is that state's alone: the others of the pass are still read.
 *
 * @public
 */
export class StateIngester {
  static create(options: {
    reader: Pick<TerraformStateReader, 'marker' | 'readEach'>;
    store: FactsStore;
    logger: LoggerService;
    concurrency?: number;
    now?: () => Date;
  }) {
    return new StateIngester(
      options.reader,
      options.store,
      options.logger,
      options.concurrency ?? 16,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly reader: Pick<TerraformStateReader, 'marker' | 'readEach'>,
    private readonly store: FactsStore,
    private readonly logger: LoggerService,
    private readonly concurrency: number,
    private readonly now: () => Date,
  ) {}

  async ingest(
    references: string[],
    options?: { force?: boolean },
  ): Promise<IngestSummary> {
    const summary: IngestSummary = { read: 0, unchanged: 0, failed: 0 };
    const known = await this.store.getStateMarkers(references);
    const unchanged: string[] = [];
    const queue = [...new Set(references)];
    const worker = async () => {
      for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
        const outcome = await this.ingestOne(
          ref,
          known.get(ref),
          options?.force,
        );
        if (outcome === 'unchanged') unchanged.push(ref);
        summary[outcome] += 1;
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, queue.length) }, worker),
    );
    await this.store.markStatesChecked(unchanged, this.now());
    return summary;
  }

  private async ingestOne(
    reference: string,
    storedMarker: string | undefined,
    force = false,
  ): Promise<keyof IngestSummary> {
    try {
      if (!force && storedMarker !== undefined) {
        const marker = await this.reader.marker(reference);
        if (marker === storedMarker) {
          return 'unchanged';
        }
      }
      await this.stream(reference);
      return 'read';
    } catch (error) {
      // Messages from the reader name the source and key and never carry state content.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Terraform state ${reference} could not be read: ${message}`,
      );
      try {
        await this.store.recordStateError(reference, message, this.now());
      } catch (storeError) {
        // Recording must not turn one state's failure into the whole pass's.
        this.logger.error(
          `Could not record the error of Terraform state ${reference}: ${storeError}`,
        );
      }
      return 'failed';
    }
  }

  private async stream(reference: string): Promise<void> {
    const writer = this.store.startStateRead(reference);
    try {
      const { marker, inventory } = await this.reader.readEach(reference, {
        // The writer's promise (a batch being written) holds the reader back until it is stored.
        onResource: resource => writer.add(resource),
      });
      await writer.commit({ marker, inventory, at: this.now() });
    } catch (error) {
      await writer
        .abort()
        .catch(abortError =>
          this.logger.warn(
            `Could not discard a failed read of ${reference}: ${abortError}`,
          ),
        );
      throw error;
    }
  }
}
