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
 * @public
 */
export class StateIngester {
  static create(options: {
    reader: Pick<TerraformStateReader, 'marker' | 'read'>;
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
    private readonly reader: Pick<TerraformStateReader, 'marker' | 'read'>,
    private readonly store: FactsStore,
    private readonly logger: LoggerService,
    private readonly concurrency: number,
    private readonly now: () => Date,
  ) {}

  async ingest(references: string[], options?: { force?: boolean }): Promise<IngestSummary> {
    const summary: IngestSummary = { read: 0, unchanged: 0, failed: 0 };
    const known = await this.store.getStateMarkers(references);
    const unchanged: string[] = [];
    const queue = [...new Set(references)];
    const worker = async () => {
      for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
        const outcome = await this.ingestOne(ref, known.get(ref), options?.force);
        if (outcome === 'unchanged') unchanged.push(ref);
        summary[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
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
      const { marker, inventory } = await this.reader.read(reference);
      await this.store.saveStateRead({ reference, marker, inventory, at: this.now() });
      return 'read';
    } catch (error) {
      // Messages from the reader name the source and key and never carry state content.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Terraform state ${reference} could not be read: ${message}`);
      await this.store.recordStateError(reference, message, this.now());
      return 'failed';
    }
  }
}
