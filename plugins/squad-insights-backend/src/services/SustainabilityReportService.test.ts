import { mockCredentials } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { FootprintDay } from '../database/FootprintStore';
import {
  NO_TRIBE,
  SustainabilityReportService,
} from './SustainabilityReportService';

const group = (name: string, type: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});
const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'squad-insights.io/terraform-state': `demo:${name}` },
  },
  spec: { type: 'service', owner: `group:default/${owner}` },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const entities = [
  group('commerce-tribe', 'tribe'),
  group('payments-squad', 'squad', 'commerce-tribe'),
  group('platform-squad', 'squad'),
  component('payment-processing', 'payments-squad'),
  component('storefront', 'commerce-tribe'),
  component('build-runners', 'platform-squad'),
];

const zero = { kwhPerDay: 0, co2eKgPerDay: 0 };
const day = (entityRef: string, d: string, kwh: number): FootprintDay => ({
  entityRef,
  day: d,
  kwhPerDay: kwh,
  co2eKgPerDay: kwh / 10,
  carbonTaxSekPerMonth: 0,
  breakdown: {
    compute: zero,
    memory: zero,
    storage: zero,
    network: zero,
    embodied: zero,
  },
});

function setup() {
  const catalog = catalogServiceMock({ entities });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const getHistory = jest.fn(async (entityRef: string) =>
    entityRef === 'component:default/payment-processing'
      ? [
          day(entityRef, '2026-10-01', 3),
          day(entityRef, '2026-11-01', 4),
          day(entityRef, '2026-11-02', 6),
        ]
      : [],
  );
  const getEntityFootprint = jest.fn(async (ref: { name: string }) => {
    if (ref.name === 'storefront') throw new Error('state unreadable');
    return { entityRef: `component:default/${ref.name}`, advice: [] } as never;
  });
  const service = SustainabilityReportService.create({
    catalog,
    footprints: { getEntityFootprint },
    history: { getHistory },
    now: () => new Date('2026-12-02T10:00:00Z'),
  });
  return { service, getEntities, getHistory };
}

const credentials = mockCredentials.user('user:default/alice');

describe('SustainabilityReportService', () => {
  it('reports a tribe’s services by squad, from the month’s stored days', async () => {
    const { service, getHistory } = setup();
    const report = await service.getReport(
      { month: '2026-11', tribe: 'group:default/commerce-tribe' },
      { credentials },
    );
    expect(report.scope).toEqual({
      kind: 'tribe',
      ref: 'group:default/commerce-tribe',
      title: 'commerce-tribe',
    });
    expect(report.services.map(s => [s.entityRef, s.group])).toEqual([
      ['component:default/payment-processing', 'group:default/payments-squad'],
      ['component:default/storefront', 'group:default/commerce-tribe'],
    ]);
    // Mean of 4 and 6 kWh × 30 days; October's 3 kWh × 31 for the trend.
    expect(report.totals.kwh).toBe(150);
    expect(report.trend.kwhChangePct).toBeCloseTo(((150 - 93) / 93) * 100, 10);
    // Read back from November's last day over November and October.
    expect(getHistory).toHaveBeenCalledWith(
      'component:default/payment-processing',
      61,
      new Date('2026-11-30T00:00:00Z'),
    );
    // A service whose estimate fails is listed, not fatal.
    expect(report.notEstimated.services).toEqual([
      {
        entityRef: 'component:default/storefront',
        reason: 'footprint unknown: no Terraform state read',
      },
    ]);
  });

  it('reports the organisation by tribe, with services outside any tribe apart', async () => {
    const { service } = setup();
    const report = await service.getReport(
      { month: '2026-11' },
      { credentials },
    );
    expect(report.scope.kind).toBe('organisation');
    expect(
      Object.fromEntries(report.services.map(s => [s.entityRef, s.group])),
    ).toEqual({
      'component:default/payment-processing': 'group:default/commerce-tribe',
      'component:default/storefront': 'group:default/commerce-tribe',
      'component:default/build-runners': NO_TRIBE,
    });
  });

  it("uses the month's measured renewable share of the grid when the intensity source read one", async () => {
    const catalog = catalogServiceMock({ entities });
    const getIntensity = jest.fn(async () => ({
      SE3: {
        zone: 'SE3',
        kind: 'hourly' as const,
        meanGCo2ePerKwh: 25,
        source: 'Electricity Maps',
        points: [
          {
            datetime: '2026-11-10T00:00:00Z',
            gCo2ePerKwh: 20,
            renewableShare: 0.62,
          },
          {
            datetime: '2026-11-10T01:00:00Z',
            gCo2ePerKwh: 30,
            renewableShare: 0.58,
          },
        ],
      },
    }));
    const service = SustainabilityReportService.create({
      catalog,
      footprints: {
        getEntityFootprint: async () =>
          ({
            footprint: {
              byRegion: { 'eu-north-1': { kwhPerDay: 2, co2eKgPerDay: 0.05 } },
              coverage: { made: 1, notMade: 0 },
              notEstimated: [],
            },
            advice: [],
          } as never),
      },
      history: { getHistory: async () => [] },
      intensity: { getIntensity },
      now: () => new Date('2026-12-02T10:00:00Z'),
    });
    const report = await service.getReport(
      { month: '2026-11', tribe: 'group:default/commerce-tribe' },
      { credentials },
    );
    const stockholm = report.renewable.regions.find(
      r => r.region === 'eu-north-1',
    );
    // (0.62 + 0.58) / 2, measured, not the bundled yearly average.
    expect(stockholm).toEqual(expect.objectContaining({ measured: true }));
    expect(stockholm!.share).toBeCloseTo(0.6, 12);
    expect(report.renewable.share).toBeCloseTo(0.6, 12);
    // November, read back from its end: 30 days before 1 December.
    expect(getIntensity).toHaveBeenCalledWith(
      expect.arrayContaining(['SE3']),
      new Date('2026-12-01T00:00:00Z'),
      30,
    );
  });

  it('reads the catalog as the caller, so the report holds what the catalog shows them', async () => {
    const { service, getEntities } = setup();
    await service.getReport(
      { month: '2026-11', tribe: 'group:default/commerce-tribe' },
      { credentials },
    );
    expect(getEntities.mock.calls.length).toBeGreaterThan(0);
    for (const [, options] of getEntities.mock.calls)
      expect(options).toEqual({ credentials });
  });

  it('refuses a tribe that is not one, naming the field', async () => {
    const { service } = setup();
    await expect(
      service.getReport(
        { month: '2026-11', tribe: 'group:default/payments-squad' },
        { credentials },
      ),
    ).rejects.toThrow(
      new InputError(
        'tribe group:default/payments-squad is a group of type squad, not a tribe',
      ),
    );
    await expect(
      service.getReport(
        { month: '2026-11', tribe: 'group:default/nope' },
        { credentials },
      ),
    ).rejects.toThrow(
      /^tribe group:default\/nope is not a group the catalog shows you$/,
    );
  });

  it('checks the month against its clock', () => {
    const { service } = setup();
    expect(service.parseQuery({ month: '2026-12' })).toEqual({
      month: '2026-12',
      format: 'json',
    });
    expect(() => service.parseQuery({ month: '2027-01' })).toThrow(
      'month 2027-01 has not begun',
    );
    expect(
      service.parseQuery({ month: '2026-11', tribe: 'commerce-tribe' }, 'csv'),
    ).toEqual({
      month: '2026-11',
      tribe: stringifyEntityRef({
        kind: 'group',
        namespace: 'default',
        name: 'commerce-tribe',
      }),
      format: 'csv',
    });
  });
});
