import { greenHoursSaving } from './greenHours';
import type { IntensityPoint } from './intensity';
import { constantCapacity } from './schedule';
import { localTime } from './timezone';
import type { WeeklyCapacity } from './types';

const HOUR = 3_600_000;

/** Hourly points from `start` for `hours` hours, valued by a function of the instant. */
function series(
  start: number,
  hours: number,
  g: (at: number) => number,
): IntensityPoint[] {
  return Array.from({ length: hours }, (_, i) => {
    const at = start + i * HOUR;
    return { datetime: new Date(at).toISOString(), gCo2ePerKwh: g(at) };
  });
}

/** A constant week of `floor` replicas with extra replicas added in some local cells. */
function week(
  timeZone: string,
  weekOf: string,
  extra: Array<[day: number, hour: number, replicas: number]>,
): WeeklyCapacity {
  const w = constantCapacity({
    capacity: 1,
    weekOf: Date.parse(weekOf),
    timeZone,
    source: 'static',
  });
  for (const [d, h, r] of extra) w.replicaHours[d][h] += r * w.hours[d][h];
  return w;
}

describe('greenHoursSaving: the hand-worked example (UTC, 168-hour week)', () => {
  // Week of Monday 2026-01-05. One replica always on (the floor); 2 extra replicas on
  // Monday 09 and 10, 1 extra on Tuesday 14. The grid is 50 g/kWh except Monday 03 (10),
  // Monday 04 (20) and Wednesday 02 (5). One replica-hour uses 2 kWh.
  const start = Date.parse('2026-01-05T00:00:00Z');
  const schedule = week('UTC', '2026-01-07T12:00:00Z', [
    [0, 9, 2],
    [0, 10, 2],
    [1, 14, 1],
  ]);
  const clean: Record<string, number> = { '0-3': 10, '0-4': 20, '2-2': 5 };
  const intensity = series(start, 168, at => {
    const l = localTime(at, 'UTC');
    return clean[`${l.weekday}-${l.hour}`] ?? 50;
  });
  const input = { schedule, kwhPerUnitHour: 2, intensity, sekPerKgCo2e: 1.25 };

  it('low criticality moves the blocks to the cleanest hours of the week', () => {
    // Blocks, largest first: 2 (Mon 09), 2 (Mon 10), 1 (Tue 14), all at 50 g/kWh.
    // Cleanest hours: Wed 02 (5), Mon 03 (10), Mon 04 (20).
    // Before: (2 + 2 + 1) × 50 = 250; after: 2 × 5 + 2 × 10 + 1 × 20 = 50.
    // Saved: 200 replica-h·g/kWh × 2 kWh = 400 g = 0.4 kg a week.
    // A month: 0.4 × 24 / 168 × 30.4375 = 1.7392857… kg; × 1.25 SEK = 2.1741071… SEK.
    const r = greenHoursSaving({ ...input, criticality: 'low' });
    expect(r.reach).toBe('week');
    expect(r.co2eKgPerMonthSaved).toBeCloseTo(1.7392857, 6);
    expect(r.sekPerMonthSaved).toBeCloseTo(2.1741071, 6);
    // 5 replica-hours a week moved: 5 × 24 / 168 × 30.4375 = 21.7410714… a month.
    expect(r.replicaHoursPerMonthMoved).toBeCloseTo(21.7410714, 6);
    expect(r.kwhPerMonthMoved).toBeCloseTo(43.4821429, 6);
  });

  it('medium criticality keeps the work on its own day', () => {
    // Monday: blocks 2 and 2 go to Mon 03 (10) and Mon 04 (20): 200 → 60, saves 140.
    // Tuesday: every hour is 50, nothing to gain. 140 × 2 kWh = 280 g a week.
    // A month: 0.28 × 24 / 168 × 30.4375 = 1.2175 kg.
    const r = greenHoursSaving({ ...input, criticality: 'medium' });
    expect(r.reach).toBe('day');
    expect(r.co2eKgPerMonthSaved).toBeCloseTo(1.2175, 9);
    expect(r.sekPerMonthSaved).toBeCloseTo(1.2175 * 1.25, 9);
  });

  it('high and critical services keep their hours', () => {
    for (const criticality of ['high', 'critical'] as const) {
      const r = greenHoursSaving({ ...input, criticality });
      expect(r.co2eKgPerMonthSaved).toBe(0);
      expect(r.reach).toBe('none');
    }
  });

  it('saves nothing on a flat grid, and nothing without a series', () => {
    const flat = series(start, 168, () => 40);
    expect(
      greenHoursSaving({ ...input, intensity: flat, criticality: 'low' })
        .co2eKgPerMonthSaved,
    ).toBe(0);
    expect(
      greenHoursSaving({ ...input, intensity: [], criticality: 'low' })
        .co2eKgPerMonthSaved,
    ).toBe(0);
  });
});

describe('greenHoursSaving across daylight-saving changes (Europe/Stockholm)', () => {
  const tz = 'Europe/Stockholm';
  // The grid is clean (10 g/kWh) at local 03 every day and 50 otherwise; 2 extra replicas
  // run on Sunday 10 local. Placed by local wall time, the clean hour stays at 03 on the
  // Sunday after the change; placed by hour index from the week start it would slide.
  const byLocalHour = (at: number) => (localTime(at, tz).hour === 3 ? 10 : 50);

  it('spring week: 167 hours, the missing Sunday 02 is filled, 03 stays clean', () => {
    const schedule = week(tz, '2026-03-25T12:00:00Z', [[6, 10, 2]]);
    expect(schedule.hoursInWeek).toBe(167);
    const start = Date.parse(schedule.weekStart);
    const intensity = series(start, 167, byLocalHour);
    const r = greenHoursSaving({
      schedule,
      kwhPerUnitHour: 1,
      intensity,
      criticality: 'low',
      sekPerKgCo2e: 1.25,
    });
    expect(r.matrix[6][3]).toBe(10);
    expect(r.matrix[0][3]).toBe(10);
    expect(r.matrix[6][2]).toBe(50); // no real hour: the other days' 02
    expect(r.matrix[6][10]).toBe(50);
    // 2 replica-hours × (50 − 10) × 1 kWh = 80 g a week; a month of a 167-hour week.
    expect(r.co2eKgPerMonthSaved).toBeCloseTo(0.08 * (24 / 167) * 30.4375, 12);
  });

  it('autumn week: 169 hours, the two Sunday 02 hours are averaged into one cell', () => {
    const schedule = week(tz, '2026-10-21T12:00:00Z', [[6, 10, 2]]);
    expect(schedule.hoursInWeek).toBe(169);
    expect(schedule.hours[6][2]).toBe(2);
    const start = Date.parse(schedule.weekStart);
    // The first 02 (UTC 00:00 on 25 October) is 30 g, the repeated one (UTC 01:00) 70 g.
    const first = Date.parse('2026-10-25T00:00:00Z');
    const repeated: Record<number, number> = {
      [first]: 30,
      [first + HOUR]: 70,
    };
    const intensity = series(start, 169, at => repeated[at] ?? byLocalHour(at));
    const r = greenHoursSaving({
      schedule,
      kwhPerUnitHour: 1,
      intensity,
      criticality: 'low',
      sekPerKgCo2e: 1.25,
    });
    expect(r.matrix[6][2]).toBe(50);
    expect(r.matrix[6][3]).toBe(10);
    expect(r.matrix[0][3]).toBe(10);
    expect(r.co2eKgPerMonthSaved).toBeCloseTo(0.08 * (24 / 169) * 30.4375, 12);
  });
});
