import type { Advice } from './adviceRules';
import {
  buildSustainabilityReport,
  daysInMonth,
  isReportMonth,
  previousMonth,
  ReportDay,
  SustainabilityReportInput,
} from './report';
import type {
  EnergyAndEmissions,
  FootprintComponent,
  ServiceFootprint,
} from './types';

const none = { kwhPerDay: 0, co2eKgPerDay: 0 };
function breakdown(
  embodiedKg: number,
): Record<FootprintComponent, EnergyAndEmissions> {
  return {
    compute: none,
    memory: none,
    storage: none,
    network: none,
    embodied: { kwhPerDay: 0, co2eKgPerDay: embodiedKg },
  };
}
const day = (
  d: string,
  kwh: number,
  co2e: number,
  embodied: number,
): ReportDay => ({
  day: d,
  kwhPerDay: kwh,
  co2eKgPerDay: co2e,
  breakdown: breakdown(embodied),
});

/** Today's footprint of a service: only what the report reads is meaningful. */
function footprint(
  service: string,
  region: string,
  kwhPerDay: number,
  coverage: { made: number; notMade: number },
): ServiceFootprint {
  return {
    service,
    primaryRegion: region,
    kwhPerDay,
    co2eKgPerDay: kwhPerDay / 2,
    co2eKgPerMonth: 0,
    breakdown: breakdown(0),
    byRegion: { [region]: { kwhPerDay, co2eKgPerDay: kwhPerDay / 2 } },
    carbonTaxSekPerMonth: 0,
    sekPerKgCo2e: 1.25,
    renewableShare: null,
    meetsRenewableThreshold: null,
    renewableThreshold: 0.5,
    notEstimated: coverage.notMade
      ? [
          {
            address: 'aws_s3_bucket.data',
            component: 'storage',
            reason: 'bucket size is not in the state',
          },
        ]
      : [],
    coverage: { ...coverage, notMadeShare: 0 },
    assumptions: [],
    items: [],
  };
}

const advice = (kind: Advice['kind'], kg: number): Advice => ({
  kind,
  summary: `${kind} summary`,
  co2eKgPerMonthSaved: kg,
  kwhPerMonthAffected: 0,
});

const A = 'component:default/checkout-api';
const B = 'component:default/payment-processing';
const C = 'component:default/refunds';

/**
 * Hand-worked month, November 2026 (30 days), reported on 2 December:
 * - A (squad checkout): two November days, 10 and 14 kWh, 3 and 5 kg (1 kg embodied each):
 *   mean 12 kWh × 30 = 360 kWh, 4 kg × 30 = 120 kg (30 embodied, 90 operational),
 *   × 1.25 SEK = 150 SEK. October (31 days): one day, 10 kWh and 4 kg → 310 kWh, 124 kg.
 * - B (squad payments): every November day 2 kWh, 1 kg → 60 kWh, 30 kg, 37.5 SEK; no October.
 * - C (squad payments): never read: no figures, listed as not estimated.
 */
function input(
  over: Partial<SustainabilityReportInput> = {},
): SustainabilityReportInput {
  const novemberB = Array.from({ length: 30 }, (_, i) =>
    day(`2026-11-${String(i + 1).padStart(2, '0')}`, 2, 1, 0),
  );
  return {
    month: '2026-11',
    scope: { kind: 'tribe', ref: 'group:default/commerce', title: 'Commerce' },
    generatedAt: '2026-12-02T08:00:00Z',
    services: [
      {
        entityRef: A,
        group: 'group:default/checkout',
        history: [
          day('2026-10-15', 10, 4, 1),
          day('2026-11-03', 10, 3, 1),
          day('2026-11-04', 14, 5, 1),
          day('2026-12-01', 99, 99, 0),
        ],
        footprint: footprint(A, 'eu-north-1', 12, { made: 3, notMade: 1 }),
        advice: [
          advice('trim-off-hours-replicas', 20),
          advice('shift-to-green-hours', 0),
        ],
      },
      {
        entityRef: B,
        group: 'group:default/payments',
        history: novemberB,
        footprint: footprint(B, 'eu-west-1', 2, { made: 4, notMade: 0 }),
        advice: [advice('move-region', 8)],
      },
      { entityRef: C, group: 'group:default/payments', history: [] },
    ],
    ...over,
  };
}

describe('buildSustainabilityReport', () => {
  const report = buildSustainabilityReport(input());

  it('sums the month from the mean recorded day × the days of the month', () => {
    expect(report.daysInMonth).toBe(30);
    expect(report.partial).toBe(false);
    expect(report.totals).toEqual({
      kwh: 420,
      co2eKg: 150,
      co2eOperationalKg: 120,
      co2eEmbodiedKg: 30,
      carbonTaxSek: 187.5,
    });
    const a = report.services.find(s => s.entityRef === A)!;
    expect(a).toMatchObject({ daysRecorded: 2, basis: 'history' });
    expect(a.figures?.kwh).toBe(360);
  });

  it('rolls services up into their groups; a group of only unknown services still shows', () => {
    expect(report.groups).toEqual([
      {
        ref: 'group:default/checkout',
        services: 1,
        figures: {
          kwh: 360,
          co2eKg: 120,
          co2eOperationalKg: 90,
          co2eEmbodiedKg: 30,
          carbonTaxSek: 150,
        },
      },
      {
        ref: 'group:default/payments',
        services: 2,
        figures: {
          kwh: 60,
          co2eKg: 30,
          co2eOperationalKg: 30,
          co2eEmbodiedKg: 0,
          carbonTaxSek: 37.5,
        },
      },
    ]);
  });

  it('compares like for like with the month before', () => {
    // Only A has both months: 360 vs 310 kWh (+16.13 %), 120 vs 124 kg (−3.23 %).
    expect(report.trend.previousMonth).toBe('2026-10');
    expect(report.trend.comparedServices).toBe(1);
    expect(report.trend.kwhChangePct).toBeCloseTo((50 / 310) * 100, 10);
    expect(report.trend.co2eChangePct).toBeCloseTo((-4 / 124) * 100, 10);
    expect(report.trend.previous).toMatchObject({ kwh: 310, co2eKg: 124 });
  });

  it('weighs renewable shares by energy, yearly averages unless a measured share is given', () => {
    // (0.69 × 12 + 0.461 × 2) / 14 = 0.657286
    expect(report.renewable.share).toBeCloseTo(9.202 / 14, 12);
    expect(report.renewable.meetsThreshold).toBe(true);
    expect(report.renewable.regions.map(r => [r.region, r.measured])).toEqual([
      ['eu-north-1', false],
      ['eu-west-1', false],
    ]);
    const measured = buildSustainabilityReport(
      input({
        renewableShares: {
          'eu-west-1': { share: 0.2, source: 'grid API', measured: true },
        },
        renewableThreshold: 0.7,
      }),
    );
    // (0.69 × 12 + 0.2 × 2) / 14 = 0.62, below a 70 % threshold.
    expect(measured.renewable.share).toBeCloseTo(8.68 / 14, 12);
    expect(measured.renewable.meetsThreshold).toBe(false);
  });

  it('lists the largest savings first, priced at the carbon tax', () => {
    expect(
      report.optimisations.map(o => [o.entityRef, o.kind, o.sekPerMonthSaved]),
    ).toEqual([
      [A, 'trim-off-hours-replicas', 25],
      [B, 'move-region', 10],
    ]);
    expect(report.optimisationPotential).toEqual({
      co2eKgPerMonth: 28,
      sekPerMonth: 35,
    });
  });

  it('says what could not be estimated', () => {
    expect(report.notEstimated.services).toEqual([
      { entityRef: C, reason: 'footprint unknown: no Terraform state read' },
    ]);
    expect(report.notEstimated.items).toEqual([
      expect.objectContaining({ service: A, address: 'aws_s3_bucket.data' }),
    ]);
    // 1 of 3 + 4 + 1 estimates not made.
    expect(report.notEstimated.notMadeShare).toBeCloseTo(1 / 8, 12);
  });

  it('projects a running month, and uses today’s estimate where no snapshot exists yet', () => {
    const running = buildSustainabilityReport(
      input({ month: '2026-12', generatedAt: '2026-12-02T08:00:00Z' }),
    );
    expect(running.partial).toBe(true);
    // A: 1 December day, 99 kWh × 31; B: no December day, today's 2 kWh/day × 31.
    const a = running.services.find(s => s.entityRef === A)!;
    const b = running.services.find(s => s.entityRef === B)!;
    expect(a.figures?.kwh).toBe(99 * 31);
    expect(b).toMatchObject({ basis: 'current-estimate', daysRecorded: 0 });
    expect(b.figures?.kwh).toBe(62);
    // A past month never falls back to today's estimate.
    const past = buildSustainabilityReport(input({ month: '2026-09' }));
    expect(past.totals.kwh).toBe(0);
    expect(past.notEstimated.services.map(s => s.reason)).toEqual([
      'no footprint snapshot in 2026-09',
      'no footprint snapshot in 2026-09',
      'footprint unknown: no Terraform state read',
    ]);
    expect(past.trend.kwhChangePct).toBeNull();
  });
});

describe('report months', () => {
  it('accepts YYYY-MM only and knows leap years and January', () => {
    expect(isReportMonth('2026-11')).toBe(true);
    expect(
      ['2026-13', '2026-1', '26-11', '2026-11-01', ''].map(isReportMonth),
    ).toEqual([false, false, false, false, false]);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
