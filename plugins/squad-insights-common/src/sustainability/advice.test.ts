import { adviseService } from './advice';
import { bandOfHour, greenBandMatrix } from './bands';
import { emissionFactor } from './clouds';
import { demoInventory } from './__testUtils__/demo';
import { DAYS_PER_MONTH, footprintFromUsage } from './footprint';
import { readServiceUsage } from './usage';

const WEEK = Date.parse('2025-01-15T12:00:00Z');
const usage = readServiceUsage([demoInventory('payment-processing')], {
  weekOf: WEEK,
});
const fp = footprintFromUsage('payment-processing', usage);
const fargate = fp.items.find(
  i => i.address === 'module.service.aws_ecs_service.this',
)!;
const EF_NORTH = emissionFactor('eu-north-1').kgPerKwh;
/** Weekly replica-hours → replica-hours per month (an ordinary 168-hour week). */
const monthly = (weekly: number) => ((weekly * 24) / 168) * DAYS_PER_MONTH;

describe('green bands', () => {
  it('defaults: 22–05 high, 06–07 and 18–21 medium, 08–17 low', () => {
    const day = bandOfHour();
    expect(day.filter(b => b === 'high')).toHaveLength(8);
    expect([day[5], day[6], day[7], day[8], day[17], day[18], day[22]]).toEqual(
      ['high', 'medium', 'medium', 'low', 'low', 'medium', 'high'],
    );
    expect(greenBandMatrix()).toHaveLength(7);
  });

  it('rejects bands that leave an hour out or count it twice', () => {
    expect(() => bandOfHour({ high: [0], medium: [], low: [] })).toThrow(
      /hour 1 has no band/,
    );
    expect(() => bandOfHour({ high: [0, 0], medium: [], low: [] })).toThrow(
      /two bands/,
    );
  });
});

describe('advice by criticality', () => {
  const kinds = (criticality: 'critical' | 'high' | 'medium' | 'low') =>
    adviseService(usage, fp, {
      criticality,
      allowedRegions: ['eu-west-1'],
      observedHealthyInstances: 1,
    }).map(a => a.kind);

  it('critical and high services are never told to shift their schedule', () => {
    expect(kinds('critical')).toEqual(['move-region']);
    expect(kinds('high')).toEqual(['move-region', 'trim-off-hours-replicas']);
    expect(kinds('low')).toEqual([
      'move-region',
      'trim-off-hours-replicas',
      'shift-to-green-hours',
    ]);
  });
});

describe('shift to high-renewable hours', () => {
  // Floor is 1 replica. Low band 08–17: weekdays 3 → 2 movable × 10 h × 5 days, weekend
  // 2 → 1 × 10 h × 2 days: 120 replica-hours a week.
  it('prices 120 replica-hours a week with band intensities', () => {
    const [a] = adviseService(usage, fp, {
      criticality: 'low',
      bandIntensity: { high: 0.5, medium: 1, low: 1.5 },
    }).filter(x => x.kind === 'shift-to-green-hours');
    const kwh = monthly(120) * fargate.kwhPerUnitHour!;
    expect(a.kwhPerMonthAffected).toBeCloseTo(kwh, 10);
    expect(a.co2eKgPerMonthSaved).toBeCloseTo(kwh * EF_NORTH * (1.5 - 0.5), 10);
  });

  it('under CCF’s annual factors alone a shift changes no CO2e, and says so', () => {
    const [a] = adviseService(usage, fp, { criticality: 'low' }).filter(
      x => x.kind === 'shift-to-green-hours',
    );
    expect(a.co2eKgPerMonthSaved).toBe(0);
    expect(a.summary).toMatch(/no CO2e change/);
  });
});

describe('off-hours replicas beyond the observed need', () => {
  // Observed need 1: Mon 00–07 runs 2 (7 h) and the weekend 2 (48 h): 55 replica-hours a week.
  it('counts the excess replica-hours outside Mon–Fri 07–18', () => {
    const [a] = adviseService(usage, fp, {
      criticality: 'medium',
      observedHealthyInstances: 1,
    }).filter(x => x.kind === 'trim-off-hours-replicas');
    expect(a.kwhPerMonthAffected).toBeCloseTo(
      monthly(55) * fargate.kwhPerUnitHour!,
      10,
    );
    expect(a.co2eKgPerMonthSaved).toBeCloseTo(
      monthly(55) * fargate.kwhPerUnitHour! * EF_NORTH,
      10,
    );
  });

  it('keeps two replicas for high criticality, so there is nothing to trim', () => {
    const [a] = adviseService(usage, fp, {
      criticality: 'high',
      observedHealthyInstances: 1,
    }).filter(x => x.kind === 'trim-off-hours-replicas');
    expect(a.kwhPerMonthAffected).toBe(0);
  });

  it('needs an observed count', () => {
    const list = adviseService(usage, fp, { criticality: 'medium' });
    expect(list.map(a => a.kind)).not.toContain('trim-off-hours-replicas');
  });
});

describe('moving region', () => {
  it('reports the honest difference, worse or better', () => {
    const list = adviseService(usage, fp, {
      criticality: 'medium',
      allowedRegions: ['eu-north-1', 'eu-west-1', 'eu-central-1'],
    }).filter(a => a.kind === 'move-region');
    expect(list.map(a => a.region)).toEqual(['eu-west-1', 'eu-central-1']);
    const operational = fp.items.reduce((s, i) => s + i.kwhPerDay, 0);
    const now = fp.co2eKgPerDay - fp.breakdown.embodied.co2eKgPerDay;
    const then = operational * emissionFactor('eu-west-1').kgPerKwh;
    expect(list[0].co2eKgPerMonthSaved).toBeCloseTo(
      (now - then) * DAYS_PER_MONTH,
      10,
    );
    expect(list[0].co2eKgPerMonthSaved).toBeLessThan(0);
    expect(list[0].renewableShare).toBe(0.461);
  });
});
