import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseFootprintStore } from './DatabaseFootprintStore';
import type { FootprintDay } from './FootprintStore';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const part = (kwh: number, kg: number) => ({
  kwhPerDay: kwh,
  co2eKgPerDay: kg,
});
function snapshot(
  day: string,
  kwh: number,
  entityRef = 'component:default/payments',
): FootprintDay {
  return {
    entityRef,
    day,
    kwhPerDay: kwh,
    co2eKgPerDay: kwh * 0.0088,
    carbonTaxSekPerMonth: kwh * 0.0088 * 30.4375 * 1.25,
    breakdown: {
      compute: part(kwh * 0.75, 0.1),
      memory: part(kwh * 0.25, 0.05),
      storage: part(0, 0),
      network: part(0, 0),
      embodied: part(0, 0.2),
    },
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseFootprintStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseFootprintStore.create({
        database: { getClient: async () => knex },
      });
    }

    it('keeps one row per service and day; the later snapshot wins', async () => {
      const store = await createStore();
      await store.upsertDay(snapshot('2026-11-25', 10));
      await store.upsertDay(snapshot('2026-11-25', 12));
      await store.upsertDay(snapshot('2026-11-26', 11));
      await store.upsertDay(
        snapshot('2026-11-26', 99, 'component:default/other'),
      );

      const history = await store.getHistory(
        'component:default/payments',
        90,
        new Date('2026-11-26T12:00:00Z'),
      );
      expect(history.map(h => [h.day, h.kwhPerDay])).toEqual([
        ['2026-11-25', 12],
        ['2026-11-26', 11],
      ]);
      expect(history[0]).toEqual(snapshot('2026-11-25', 12));
    });

    it('returns only the requested window of days', async () => {
      const store = await createStore();
      for (const day of [
        '2026-08-01',
        '2026-08-28',
        '2026-08-29',
        '2026-11-26',
        '2026-11-27',
      ]) {
        await store.upsertDay(snapshot(day, 1));
      }
      const history = await store.getHistory(
        'component:default/payments',
        90,
        new Date('2026-11-26T00:30:00Z'),
      );
      // 90 days up to and including 2026-11-26 start on 2026-08-29.
      expect(history.map(h => h.day)).toEqual(['2026-08-29', '2026-11-26']);
    });
  },
);
