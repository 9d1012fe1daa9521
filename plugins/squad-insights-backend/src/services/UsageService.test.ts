import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type {
  CloudWatchTarget,
  GridIntensity,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { DatabaseUsageStore } from '../database/DatabaseUsageStore';
import type { FactsService } from './FactsService';
import { UsageService } from './UsageService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const REF = 'component:default/payment-processing';
const NOW = new Date('2026-12-02T12:00:00Z');

const inventory: StateInventory = {
  status: 'ok',
  format: 'v4',
  outputs: {},
  resources: [
    {
      address: 'aws_s3_bucket.data',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'data',
      provider: 'registry.terraform.io/hashicorp/aws',
      instances: [
        {
          address: 'aws_s3_bucket.data',
          region: 'eu-north-1',
          tags: {},
          attributes: { bucket: 'acme-data' },
        },
      ],
    },
  ],
} as unknown as StateInventory;

const facts: Pick<FactsService, 'getEntityFacts'> = {
  getEntityFacts: async () =>
    ({
      entityRef: REF,
      problems: [],
      bindings: [],
      states: [
        {
          reference: 'demo:p/terraform.tfstate',
          freshness: { stale: false, readAt: NOW.toISOString() },
          inventory,
        },
      ],
    } as unknown as Awaited<ReturnType<FactsService['getEntityFacts']>>),
};

const hourly = (zone: string): GridIntensity => ({
  zone,
  kind: 'hourly',
  points: [{ datetime: '2026-12-02T10:00:00.000Z', gCo2ePerKwh: 30 }],
  meanGCo2ePerKwh: 30,
  source: 'hourly: em.example',
});

describe('UsageService', () => {
  async function store() {
    const knex = await databases.init('SQLITE_3');
    return DatabaseUsageStore.create({
      database: { getClient: async () => knex },
    });
  }

  it('stores a good read, then keeps it marked stale with the reason when the next read throws', async () => {
    const s = await store();
    let fail = false;
    const read = jest.fn(async (targets: readonly CloudWatchTarget[]) => {
      if (fail)
        throw new Error(
          'CloudWatch usage source demo (eu-north-1) GetMetricData was throttled by AWS',
        );
      return {
        measured: {
          source: 'CloudWatch (source demo)',
          measuredAt: NOW.toISOString(),
          storageGb: Object.fromEntries(targets.map(t => [t.address, 620])),
        },
        missing: [],
      };
    });
    const usage = UsageService.create({
      sources: [{ id: 'demo', covers: () => true, read }],
      facts,
      store: s,
      logger: mockServices.logger.mock(),
      now: () => NOW,
    });
    const credentials = mockCredentials.service();
    expect(await usage.readUsage([REF], { credentials })).toEqual({
      read: 1,
      stale: 0,
      skipped: 0,
    });
    expect(read.mock.calls[0][0]).toEqual([
      expect.objectContaining({
        address: 'aws_s3_bucket.data',
        kind: 's3',
        dimensions: { BucketName: 'acme-data' },
      }),
    ]);
    fail = true;
    expect(await usage.readUsage([REF], { credentials })).toEqual({
      read: 0,
      stale: 1,
      skipped: 0,
    });
    const inputs = await usage.inputsFor(REF);
    expect(inputs.measured?.storageGb).toEqual({ 'aws_s3_bucket.data': 620 });
    expect(inputs.measured?.stale).toBe(true);
    expect(inputs.usage?.staleReason).toMatch(/throttled/);
  });

  it('reads SE1–SE4 and the zones of regions in use; a failing zone is marked stale, the others stored', async () => {
    const s = await store();
    const history = jest.fn(async (zone: string) => {
      if (zone === 'SE1')
        throw new Error(
          'Grid intensity for zone SE1 (carbon-intensity/history) was refused: HTTP 401',
        );
      return hourly(zone);
    });
    const usage = UsageService.create({
      sources: [],
      intensity: { client: { history }, zones: ['NO1'] },
      facts,
      store: s,
      logger: mockServices.logger.mock(),
      regions: ['eu-west-1'],
      now: () => NOW,
    });
    expect(await usage.readIntensity()).toEqual({ read: 5, stale: 1 });
    expect(history.mock.calls.map(c => c[0]).sort()).toEqual([
      'IE',
      'NO1',
      'SE1',
      'SE2',
      'SE3',
      'SE4',
    ]);
    const inputs = await usage.inputsFor(REF);
    // SE1 has no hours, so it is left out and the labelled yearly average stands in for it.
    expect(Object.keys(inputs.intensity).sort()).toEqual([
      'IE',
      'NO1',
      'SE2',
      'SE3',
      'SE4',
    ]);
    expect(inputs.intensity.SE3.points).toHaveLength(1);
  });

  it('answers the stored week as the store does, and anew when a zone is written or the week moves', async () => {
    const s = await store();
    let now = NOW;
    let gCo2ePerKwh = 30;
    const usage = UsageService.create({
      sources: [],
      intensity: {
        client: {
          history: async zone => ({
            ...hourly(zone),
            points: [
              { datetime: '2026-11-25T13:00:00.000Z', gCo2ePerKwh: 90 },
              { datetime: '2026-12-02T10:00:00.000Z', gCo2ePerKwh },
              // Ahead of now: not in the week until now passes it.
              { datetime: '2026-12-02T13:00:00.000Z', gCo2ePerKwh: 60 },
            ],
          }),
        },
        zones: [],
      },
      facts,
      store: s,
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    await usage.readIntensity();
    const first = await usage.inputsFor(REF);
    expect(first.intensity).toEqual(
      await s.getIntensity(Object.keys(first.intensity), now, 7),
    );
    expect(first.intensity.SE3.meanGCo2ePerKwh).toBe(60);
    expect((await usage.inputsFor(REF)).version).toBe(first.version);

    // A new read of the zones: the new hours, under a new version.
    gCo2ePerKwh = 50;
    await usage.readIntensity();
    const second = await usage.inputsFor(REF);
    expect(second.version).not.toBe(first.version);
    expect(second.intensity.SE3.points.map(p => p.gCo2ePerKwh)).toEqual([
      90, 50,
    ]);

    // Two hours on: the oldest hour left the week, the one ahead entered it.
    now = new Date(NOW.getTime() + 2 * 3_600_000);
    const third = await usage.inputsFor(REF);
    expect(third.version).not.toBe(second.version);
    expect(third.intensity).toEqual(
      await s.getIntensity(Object.keys(third.intensity), now, 7),
    );
    expect(third.intensity.SE3.points.map(p => p.gCo2ePerKwh)).toEqual([
      50, 60,
    ]);
  });
});
