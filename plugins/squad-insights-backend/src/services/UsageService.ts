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

const DAY_MS = 86_400_000;

/** What the footprint of one service gets from measured usage and the grid. @public */
export interface UsageInputs {
  measured?: MeasuredUsage;
  usage?: StoredUsage;
  intensity: Record<string, GridIntensity>;
  /** Names these inputs: it moves whenever any of them would read differently. */
  version: string;
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

  /**
   * The stored hours of the zones, read again only when a zone was written since (its version
   * moved) or the week asked for starts before what was read. Every footprint request needs
   * the week of every zone: a week of hours per zone is most of what it reads.
   */
  private hours?: {
    key: string;
    from: number;
    series: Record<string, GridIntensity>;
    /** Each zone's hours as epoch ms, in the order of its points. */
    times: Record<string, number[]>;
  };

  /** The stored usage of one service and the stored week of every known zone. */
  async inputsFor(entityRef: string): Promise<UsageInputs> {
    const usage = await this.deps.store.getUsage(entityRef);
    const zones = [
      ...new Set([...GRID_ZONES.map(z => z.zone), ...(await this.zones())]),
    ];
    const now = this.now().getTime();
    const from = now - 7 * DAY_MS;
    // The version is read before the hours: a write between the two reads is then kept under
    // the older version and read again on the next call, never the other way round.
    const key = JSON.stringify([
      zones,
      await this.deps.store.getIntensityVersion(zones),
    ]);
    if (!this.hours || this.hours.key !== key || this.hours.from > from) {
      const series = await this.deps.store.getIntensitySince(
        zones,
        new Date(from),
      );
      const times = Object.fromEntries(
        Object.entries(series).map(([zone, s]) => [
          zone,
          s.points.map(p => Date.parse(p.datetime)),
        ]),
      );
      this.hours = { key, from, series, times };
    }
    // The week before now, cut from what was read (sorted by hour), as getIntensity would.
    const windows: Array<[string, number, number]> = [];
    const intensity: Record<string, GridIntensity> = {};
    for (const [zone, series] of Object.entries(this.hours.series)) {
      const at = this.hours.times[zone];
      const first = at.findIndex(t => t >= from);
      const start = first < 0 ? at.length : first;
      let end = start;
      while (end < at.length && at[end] <= now) end++;
      windows.push([zone, start, end]);
      // A zone without hours is left out, so the yearly average (labelled) stands in for it.
      if (end === start) continue;
      const points = series.points.slice(start, end);
      intensity[zone] = {
        ...series,
        points,
        meanGCo2ePerKwh:
          points.reduce((a, p) => a + p.gCo2ePerKwh, 0) / points.length,
      };
    }
    return {
      measured: usage?.measured,
      usage,
      intensity,
      version: JSON.stringify([usage ?? null, key, this.hours.from, windows]),
    };
  }
}
