import type {
  GridIntensity,
  MeasuredUsage,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** The stored usage of a service: the last good figures and their freshness. @public */
export interface StoredUsage {
  measured?: MeasuredUsage;
  missing: Array<{ address: string; reason: string }>;
  regions: string[];
  attemptedAt: string;
  stale: boolean;
  staleReason?: string;
}

/** Measured usage and grid intensity, each with freshness; nothing is ever deleted. @public */
export interface UsageStore {
  /** A successful read: its figures replace the stored ones address by address. */
  saveUsage(
    entityRef: string,
    reading: {
      measured: MeasuredUsage;
      missing: Array<{ address: string; reason: string }>;
      regions: string[];
      sourceId: string;
    },
    at: Date,
  ): Promise<void>;
  /** A failed read: the last good figures stay and are marked stale with the reason. */
  markUsageStale(
    entityRef: string,
    sourceId: string,
    reason: string,
    at: Date,
  ): Promise<void>;
  getUsage(entityRef: string): Promise<StoredUsage | undefined>;
  /** Regions of every measured service (for the zones the intensity task reads). */
  listUsageRegions(): Promise<string[]>;

  /** Upserts the hours of a successful read and marks the zone fresh. */
  saveIntensity(series: GridIntensity, at: Date): Promise<void>;
  markIntensityStale(
    zone: string,
    source: string,
    reason: string,
    at: Date,
  ): Promise<void>;
  /** The stored hourly series of each zone over the `days` before `now`, with freshness. */
  getIntensity(
    zones: string[],
    now: Date,
    days?: number,
  ): Promise<Record<string, GridIntensity>>;
  /** As {@link UsageStore.getIntensity}, every stored hour from `from` on, future ones too. */
  getIntensitySince(
    zones: string[],
    from: Date,
  ): Promise<Record<string, GridIntensity>>;
  /**
   * Names what is stored for these zones: it moves with every save or failed read of one of
   * them (each writes the zone's status, in the same transaction as its hours).
   */
  getIntensityVersion(zones: string[]): Promise<string>;
}
