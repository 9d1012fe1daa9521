import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { FootprintDay, FootprintStore, utcDay } from './FootprintStore';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

type Row = {
  entity_ref: string;
  day: string | Date | number;
  kwh_per_day: number | string;
  co2e_kg_per_day: number | string;
  carbon_tax_sek_per_month: number | string;
  breakdown: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

// node-postgres turns a `date` into a Date at local midnight, so the local fields are the
// stored day; SQLite hands back the string (or epoch ms) that was written.
function dayOf(v: Row['day']): string {
  if (v instanceof Date)
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  if (typeof v === 'number') return utcDay(new Date(v));
  return v.slice(0, 10);
}

/**
 * {@link FootprintStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseFootprintStore implements FootprintStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFootprintStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseFootprintStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async upsertDay(day: FootprintDay, at: Date = new Date()): Promise<void> {
    await this.db('si_footprint_history')
      .insert({
        entity_ref: day.entityRef,
        day: day.day,
        kwh_per_day: day.kwhPerDay,
        co2e_kg_per_day: day.co2eKgPerDay,
        carbon_tax_sek_per_month: day.carbonTaxSekPerMonth,
        breakdown: JSON.stringify(day.breakdown),
        recorded_at: at,
      })
      .onConflict(['entity_ref', 'day'])
      .merge();
  }

  async getHistory(
    entityRef: string,
    days = 90,
    today: Date = new Date(),
  ): Promise<FootprintDay[]> {
    const from = new Date(today.getTime() - (days - 1) * 86_400_000);
    const rows = await this.db<Row>('si_footprint_history')
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', utcDay(from))
      .andWhere('day', '<=', utcDay(today))
      .orderBy('day', 'asc')
      .select(
        'entity_ref',
        'day',
        'kwh_per_day',
        'co2e_kg_per_day',
        'carbon_tax_sek_per_month',
        'breakdown',
      );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      day: dayOf(r.day),
      kwhPerDay: Number(r.kwh_per_day),
      co2eKgPerDay: Number(r.co2e_kg_per_day),
      carbonTaxSekPerMonth: Number(r.carbon_tax_sek_per_month),
      breakdown: JSON.parse(r.breakdown),
    }));
  }
}
