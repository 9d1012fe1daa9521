import { TestDatabases } from '@backstage/backend-test-utils';
import type { GridIntensity } from '@squad-insights/backstage-plugin-squad-insights-common';
import { DatabaseUsageStore } from './DatabaseUsageStore';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const REF = 'component:default/payment-processing';
const T1 = new Date('2026-12-01T06:00:00Z');
const T2 = new Date('2026-12-02T06:00:00Z');
const T3 = new Date('2026-12-03T06:00:00Z');

function series(zone: string, from: string, values: number[]): GridIntensity {
  const start = Date.parse(from);
  return {
    zone,
    kind: 'hourly',
    points: values.map((g, i) => ({
      datetime: new Date(start + i * 3_600_000).toISOString(),
      gCo2ePerKwh: g,
      ...(i === 0 ? { renewableShare: 0.6, estimated: true } : {}),
    })),
    meanGCo2ePerKwh: 0,
    source: 'hourly: em.example (Electricity Maps v3 history)',
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseUsageStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseUsageStore.create({
        database: { getClient: async () => knex },
      });
    }

    it('keeps the last good figure of a resource CloudWatch did not answer for, and marks failures stale without deleting', async () => {
      const store = await createStore();
      await store.saveUsage(
        REF,
        {
          sourceId: 'prod',
          regions: ['eu-north-1'],
          missing: [],
          measured: {
            source: 'CloudWatch (source prod)',
            measuredAt: T1.toISOString(),
            cpuUtilizationPct: { 'a.ecs': 31, 'a.rds': 12 },
            storageGb: { 'a.s3': 620 },
            loadBalancers: {
              'a.lb': { processedGbPerDay: 7, requestsPerDay: 1e6 },
            },
            networkGbPerDay: 3,
          },
        },
        T1,
      );
      await store.saveUsage(
        REF,
        {
          sourceId: 'prod',
          regions: ['eu-north-1', 'eu-west-1'],
          missing: [
            {
              address: 'a.rds',
              reason: 'no CPUUtilization datapoints in the last 7 days',
            },
          ],
          measured: {
            source: 'CloudWatch (source prod)',
            measuredAt: T2.toISOString(),
            cpuUtilizationPct: { 'a.ecs': 35 },
            storageGb: { 'a.s3': 640 },
            loadBalancers: {},
          },
        },
        T2,
      );
      let got = await store.getUsage(REF);
      expect(got?.measured?.cpuUtilizationPct).toEqual({
        'a.ecs': 35,
        'a.rds': 12,
      });
      expect(got?.measured?.storageGb).toEqual({ 'a.s3': 640 });
      expect(got?.measured?.loadBalancers).toEqual({
        'a.lb': { processedGbPerDay: 7, requestsPerDay: 1e6 },
      });
      expect(got?.measured?.networkGbPerDay).toBe(3);
      expect(got?.measured?.measuredAt).toBe(T2.toISOString());
      expect(got?.missing).toHaveLength(1);
      expect(got?.stale).toBe(false);

      await store.markUsageStale(
        REF,
        'prod',
        'CloudWatch usage source prod (eu-north-1) GetMetricData was throttled',
        T3,
      );
      got = await store.getUsage(REF);
      expect(got?.stale).toBe(true);
      expect(got?.staleReason).toMatch(/throttled/);
      expect(got?.attemptedAt).toBe(T3.toISOString());
      // The figures and their read time stay as they were.
      expect(got?.measured?.measuredAt).toBe(T2.toISOString());
      expect(got?.measured?.stale).toBe(true);
      expect(got?.measured?.cpuUtilizationPct?.['a.ecs']).toBe(35);
      expect(await store.listUsageRegions()).toEqual([
        'eu-north-1',
        'eu-west-1',
      ]);
    });

    it('records a first failure with no figures', async () => {
      const store = await createStore();
      await store.markUsageStale(
        'component:default/new',
        'prod',
        'expired credentials',
        T1,
      );
      const got = await store.getUsage('component:default/new');
      expect(got?.measured).toBeUndefined();
      expect(got?.staleReason).toBe('expired credentials');
      expect(await store.getUsage('component:default/none')).toBeUndefined();
    });

    it('accumulates hourly intensity across reads, serves a window, and keeps it when a read fails', async () => {
      const store = await createStore();
      await store.saveIntensity(
        series('SE3', '2026-12-01T00:00:00Z', [20, 30, 40]),
        T1,
      );
      // The next read overlaps one hour (revised) and adds one.
      await store.saveIntensity(
        series('SE3', '2026-12-01T02:00:00Z', [44, 50]),
        T2,
      );
      await store.saveIntensity(
        series('SE4', '2026-11-01T00:00:00Z', [80]),
        T2,
      );
      await store.markIntensityStale(
        'SE3',
        'hourly: em.example',
        'Grid intensity for zone SE3 was rate limited: HTTP 429',
        T3,
      );
      await store.markIntensityStale(
        'SE1',
        'hourly: em.example',
        'HTTP 401',
        T3,
      );

      const got = await store.getIntensity(['SE1', 'SE3', 'SE4'], T3, 7);
      expect(
        got.SE3.points.map(p => [p.datetime.slice(11, 13), p.gCo2ePerKwh]),
      ).toEqual([
        ['00', 20],
        ['01', 30],
        ['02', 44],
        ['03', 50],
      ]);
      expect(got.SE3.points[0]).toEqual({
        datetime: '2026-12-01T00:00:00.000Z',
        gCo2ePerKwh: 20,
        renewableShare: 0.6,
        estimated: true,
      });
      expect(got.SE3.meanGCo2ePerKwh).toBe(36);
      expect(got.SE3.stale).toBe(true);
      expect(got.SE3.staleReason).toMatch(/429/);
      expect(got.SE3.readAt).toBe(T2.toISOString());
      // SE4's only hour is older than the window; SE1 was never read.
      expect(got.SE4.points).toEqual([]);
      expect(got.SE1.points).toEqual([]);
      expect(got.SE1.stale).toBe(true);
    });
  },
);
