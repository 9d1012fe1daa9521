import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  cloudWatchTargets,
  GRID_ZONES,
  GridIntensity,
  MeasuredUsage,
  zonesFor,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  CloudWatchUsageSource,
  ElectricityMapsClient,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { StoredUsage, UsageStore } from '../database/UsageStore';
import type { FactsService } from './FactsService';

/** What the footprint of one service gets from measured usage and the grid. @public */
export interface UsageInputs {
  measured?: MeasuredUsage;
  usage?: StoredUsage;
  intensity: Record<string, GridIntensity>;
}

/**
 * Reads measured usage (CloudWatch) per service and the grid's hourly intensity per zone
 * into the store, and hands both to the footprint. A failed read keeps the last good
 * figures and marks them stale with the reason; nothing is deleted.
 *
 * @public
 */
export class UsageService {
  static create(options: {
    sources: Array<Pick<CloudWatchUsageSource, 'id' | 'covers' | 'read'>>;
    intensity?: {
      client: Pick<ElectricityMapsClient, 'history'>;
      zones: string[];
    };
    facts: Pick<FactsService, 'getEntityFacts'>;
    store: UsageStore;
    logger: LoggerService;
    /** Regions whose zones are read whether or not a measured service runs there. */
    regions?: string[];
    now?: () => Date;
  }) {
    return new UsageService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: Parameters<typeof UsageService.create>[0],
    private readonly now: () => Date,
  ) {}

  get measuresUsage(): boolean {
    return this.deps.sources.length > 0;
  }

  get readsIntensity(): boolean {
    return Boolean(this.deps.intensity);
  }

  /** Reads the usage of each entity; one failure does not stop the others. */
  async readUsage(
    entityRefs: string[],
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<{ read: number; stale: number; skipped: number }> {
    const out = { read: 0, stale: 0, skipped: 0 };
    for (const entityRef of entityRefs) {
      const source = this.deps.sources.find(s => s.covers(entityRef));
      if (!source) {
        out.skipped += 1;
        continue;
      }
      const at = this.now();
      try {
        const facts = await this.deps.facts.getEntityFacts(
          parseEntityRef(entityRef),
          { credentials },
        );
        const inventories = facts.states
          .filter(s => s.freshness.readAt && s.inventory.status === 'ok')
          .map(s => s.inventory);
        const targets = cloudWatchTargets(inventories);
        if (!targets.length) {
          out.skipped += 1;
          continue;
        }
        const reading = await source.read(targets);
        const regions = [
          ...new Set(
            targets.map(t => t.region).filter((r): r is string => !!r),
          ),
        ];
        await this.deps.store.saveUsage(
          entityRef,
          { ...reading, regions, sourceId: source.id },
          at,
        );
        out.read += 1;
      } catch (e) {
        const reason = (e as Error).message;
        this.deps.logger.warn(`Usage of ${entityRef} not read: ${reason}`);
        await this.deps.store.markUsageStale(entityRef, source.id, reason, at);
        out.stale += 1;
      }
    }
    return out;
  }

  /** The zones read: SE1–SE4, those of the regions in use and configured ones. */
  async zones(): Promise<string[]> {
    const regions = [
      ...(this.deps.regions ?? []),
      ...(await this.deps.store.listUsageRegions()),
    ];
    return [
      ...new Set([...zonesFor(regions), ...(this.deps.intensity?.zones ?? [])]),
    ].sort();
  }

  /** Reads the last hours of every zone; a failing zone keeps its stored hours, marked stale. */
  async readIntensity(): Promise<{ read: number; stale: number }> {
    const out = { read: 0, stale: 0 };
    const api = this.deps.intensity;
    if (!api) return out;
    for (const zone of await this.zones()) {
      const at = this.now();
      try {
        await this.deps.store.saveIntensity(await api.client.history(zone), at);
        out.read += 1;
      } catch (e) {
        const reason = (e as Error).message;
        this.deps.logger.warn(`Grid intensity of ${zone} not read: ${reason}`);
        await this.deps.store.markIntensityStale(
          zone,
          'hourly intensity API',
          reason,
          at,
        );
        out.stale += 1;
      }
    }
    return out;
  }

  /** The stored usage of one service and the stored week of every known zone. */
  async inputsFor(entityRef: string): Promise<UsageInputs> {
    const usage = await this.deps.store.getUsage(entityRef);
    const zones = [
      ...new Set([...GRID_ZONES.map(z => z.zone), ...(await this.zones())]),
    ];
    const stored = await this.deps.store.getIntensity(zones, this.now(), 7);
    // A zone without hours is left out, so the yearly average (labelled) stands in for it.
    const intensity = Object.fromEntries(
      Object.entries(stored).filter(([, s]) => s.points.length > 0),
    );
    return { measured: usage?.measured, usage, intensity };
  }
}
