import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  GridIntensity,
  MeasuredUsage,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { Knex } from 'knex';
import type { StoredUsage, UsageStore } from './UsageStore';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type UsageRow = {
  entity_ref: string;
  source_id: string;
  figures: string;
  missing: string;
  regions: string;
  measured_at: Date | string | number | null;
  attempted_at: Date | string | number;
  stale: boolean | number;
  stale_reason: string | null;
};

type Figures = Omit<
  MeasuredUsage,
  'source' | 'measuredAt' | 'stale' | 'staleReason'
> & {
  source?: string;
};

const iso = (v: Date | string | number) => new Date(v).toISOString();

/**
 * {@link UsageStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseUsageStore implements UsageStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseUsageStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseUsageStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Intensity writes through this store. A status names a write by its instant, which two
   * writes of a zone within one millisecond share (a frozen clock); counting this instance's
   * own writes tells those apart too.
   */
  private intensityWrites = 0;

  async saveUsage(
    entityRef: string,
    reading: Parameters<UsageStore['saveUsage']>[1],
    at: Date,
  ): Promise<void> {
    const before = await this.db<UsageRow>('si_measured_usage')
      .where('entity_ref', entityRef)
      .first();
    const old: Figures = before ? JSON.parse(before.figures) : {};
    const m = reading.measured;
    // Address by address: a resource CloudWatch had no figure for this time keeps its last one.
    const figures: Figures = {
      source: m.source,
      cpuUtilizationPct: { ...old.cpuUtilizationPct, ...m.cpuUtilizationPct },
      storageGb: { ...old.storageGb, ...m.storageGb },
      loadBalancers: { ...old.loadBalancers, ...m.loadBalancers },
      networkGbPerDay: m.networkGbPerDay ?? old.networkGbPerDay,
    };
    await this.db('si_measured_usage')
      .insert({
        entity_ref: entityRef,
        source_id: reading.sourceId,
        figures: JSON.stringify(figures),
        missing: JSON.stringify(reading.missing),
        regions: JSON.stringify(reading.regions),
        measured_at: new Date(m.measuredAt),
        attempted_at: at,
        stale: false,
        stale_reason: null,
      })
      .onConflict('entity_ref')
      .merge();
  }

  async markUsageStale(
    entityRef: string,
    sourceId: string,
    reason: string,
    at: Date,
  ): Promise<void> {
    const updated = await this.db('si_measured_usage')
      .where('entity_ref', entityRef)
      .update({ attempted_at: at, stale: true, stale_reason: reason });
    if (!updated) {
      // Never read successfully: record the failure so the tab can say why nothing is measured.
      await this.db('si_measured_usage').insert({
        entity_ref: entityRef,
        source_id: sourceId,
        figures: '{}',
        missing: '[]',
        regions: '[]',
        measured_at: null,
        attempted_at: at,
        stale: true,
        stale_reason: reason,
      });
    }
  }

  async getUsage(entityRef: string): Promise<StoredUsage | undefined> {
    const row = await this.db<UsageRow>('si_measured_usage')
      .where('entity_ref', entityRef)
      .first();
    if (!row) return undefined;
    const stale = Boolean(row.stale);
    const staleReason = row.stale_reason ?? undefined;
    const figures: Figures = JSON.parse(row.figures);
    return {
      measured:
        row.measured_at === null
          ? undefined
          : {
              ...figures,
              source: figures.source ?? row.source_id,
              measuredAt: iso(row.measured_at),
              stale,
              ...(staleReason ? { staleReason } : {}),
            },
      missing: JSON.parse(row.missing),
      regions: JSON.parse(row.regions),
      attemptedAt: iso(row.attempted_at),
      stale,
      ...(staleReason ? { staleReason } : {}),
    };
  }

  async listUsageRegions(): Promise<string[]> {
    const rows = await this.db<UsageRow>('si_measured_usage').select('regions');
    return [
      ...new Set(rows.flatMap(r => JSON.parse(r.regions) as string[])),
    ].sort();
  }

  async saveIntensity(series: GridIntensity, at: Date): Promise<void> {
    this.intensityWrites += 1;
    const rows = series.points.map(p => ({
      zone: series.zone,
      hour: new Date(p.datetime),
      g_co2e_per_kwh: p.gCo2ePerKwh,
      renewable_share: p.renewableShare ?? null,
      estimated: Boolean(p.estimated),
    }));
    await this.db.transaction(async tx => {
      // Chunks keep SQLite under its bound-variable limit.
      for (let i = 0; i < rows.length; i += 100) {
        await tx('si_grid_intensity')
          .insert(rows.slice(i, i + 100))
          .onConflict(['zone', 'hour'])
          .merge();
      }
      await tx('si_grid_intensity_status')
        .insert({
          zone: series.zone,
          source: series.source,
          read_at: at,
          attempted_at: at,
          stale: false,
          stale_reason: null,
        })
        .onConflict('zone')
        .merge();
    });
  }

  async markIntensityStale(
    zone: string,
    source: string,
    reason: string,
    at: Date,
  ): Promise<void> {
    this.intensityWrites += 1;
    const updated = await this.db('si_grid_intensity_status')
      .where('zone', zone)
      .update({ attempted_at: at, stale: true, stale_reason: reason });
    if (!updated) {
      await this.db('si_grid_intensity_status').insert({
        zone,
        source,
        read_at: null,
        attempted_at: at,
        stale: true,
        stale_reason: reason,
      });
    }
  }

  async getIntensity(
    zones: string[],
    now: Date,
    days = 7,
  ): Promise<Record<string, GridIntensity>> {
    return this.readIntensity(
      zones,
      new Date(now.getTime() - days * 86_400_000),
      now,
    );
  }

  async getIntensitySince(
    zones: string[],
    from: Date,
  ): Promise<Record<string, GridIntensity>> {
    return this.readIntensity(zones, from);
  }

  async getIntensityVersion(zones: string[]): Promise<string> {
    if (!zones.length) return '[]';
    // Counted before the read: a write landing in between moves the next version again.
    const writes = this.intensityWrites;
    const statuses = await this.db('si_grid_intensity_status')
      .whereIn('zone', zones)
      .orderBy('zone')
      .select('zone', 'read_at', 'attempted_at', 'stale', 'stale_reason');
    return JSON.stringify([
      writes,
      ...statuses.map(s => [
        s.zone,
        s.read_at === null ? null : iso(s.read_at),
        iso(s.attempted_at),
        Boolean(s.stale),
        s.stale_reason ?? null,
      ]),
    ]);
  }

  private async readIntensity(
    zones: string[],
    from: Date,
    to?: Date,
  ): Promise<Record<string, GridIntensity>> {
    if (!zones.length) return {};
    const statuses = await this.db('si_grid_intensity_status').whereIn(
      'zone',
      zones,
    );
    let query = this.db('si_grid_intensity')
      .whereIn('zone', zones)
      .andWhere('hour', '>=', from);
    if (to) query = query.andWhere('hour', '<=', to);
    const points = await query.orderBy([
      { column: 'zone' },
      { column: 'hour' },
    ]);
    const out: Record<string, GridIntensity> = {};
    for (const s of statuses) {
      const mine = points.filter(p => p.zone === s.zone);
      const values = mine.map(p => Number(p.g_co2e_per_kwh));
      out[s.zone] = {
        zone: s.zone,
        kind: 'hourly',
        points: mine.map(p => ({
          datetime: iso(p.hour),
          gCo2ePerKwh: Number(p.g_co2e_per_kwh),
          ...(p.renewable_share === null
            ? {}
            : { renewableShare: Number(p.renewable_share) }),
          ...(p.estimated ? { estimated: true } : {}),
        })),
        meanGCo2ePerKwh: values.length
          ? values.reduce((a, b) => a + b, 0) / values.length
          : 0,
        source: s.source,
        ...(s.read_at ? { readAt: iso(s.read_at) } : {}),
        stale: Boolean(s.stale),
        ...(s.stale_reason ? { staleReason: s.stale_reason } : {}),
      };
    }
    return out;
  }
}
