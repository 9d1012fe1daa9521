import type { WireSchemas } from '../api';
import {
  bandOfHour,
  capacityMatrix,
  DEFAULT_GREEN_BANDS,
  GreenBand,
  GreenBands,
} from './bands';
import { emissionFactor } from './clouds';
import { renewableShareOf } from './data/renewables';
import { DAYS_PER_MONTH } from './footprint';
import { greenHoursSaving } from './greenHours';
import { GridIntensity, intensityForRegion } from './intensity';
import type {
  ComputeUsage,
  Criticality,
  ServiceFootprint,
  ServiceUsage,
  WeeklyCapacity,
} from './types';

/**
 * One piece of advice. Positive savings are good; negative means the change is worse (defined
 * by the spec).
 *
 * @public
 */
export type Advice = WireSchemas['Advice'];

/** The kinds of advice. @public */
export type AdviceKind = Advice['kind'];

/** Options of the advice. @public */
export interface AdviceOptions {
  criticality: Criticality;
  allowedRegions?: string[];
  observedHealthyInstances?: number;
  bands?: GreenBands;
  /**
   * Grid intensity of each band relative to the annual average. CCF only has annual
   * factors, so the default is 1 for every band and shifting then saves no CO2e; give
   * measured ratios (e.g. from hourly grid data) to price a shift.
   */
  bandIntensity?: Record<GreenBand, number>;
  /** Local business hours: days 0 = Monday, hours [from, to). Default Mon–Fri 07–18. */
  businessHours?: { days: number[]; from: number; to: number };
  policy?: Record<Criticality, AdviceKind[]>;
  emissionsFactors?: Record<string, number>;
  /**
   * Hourly grid intensity by zone (Electricity Maps' zone keys). When the zone of a
   * workload's region has a series, the shift is priced with it (greenHoursSaving)
   * instead of with `bandIntensity`.
   */
  intensity?: Record<string, GridIntensity>;
  /** SEK per kg CO2e for the saving's price; default 1.25. */
  sekPerKgCo2e?: number;
}

const perMonth = (weekly: number, week: WeeklyCapacity) =>
  ((weekly * 24) / week.hoursInWeek) * DAYS_PER_MONTH;

function scheduled(usage: ServiceUsage, fp: ServiceFootprint) {
  return usage.compute
    .filter(
      (c): c is ComputeUsage & { schedule: WeeklyCapacity } => !!c.schedule,
    )
    .map(c => ({ c, item: fp.items.find(i => i.address === c.address)! }));
}

/**
 * (a) with an hourly series: the scheduled capacity above the always-on floor moved to the
 * cleanest hours the criticality allows, priced by the real hourly intensity.
 */
function shiftByIntensity(
  usage: ServiceUsage,
  fp: ServiceFootprint,
  o: AdviceOptions,
): Advice | undefined {
  const workloads = scheduled(usage, fp)
    .map(x => ({ ...x, grid: intensityForRegion(x.c.region, o.intensity) }))
    .filter(x => x.grid?.kind === 'hourly');
  if (!workloads.length) return undefined;
  const sekPerKg = o.sekPerKgCo2e ?? 1.25;
  let kg = 0;
  let kwh = 0;
  for (const { c, item, grid } of workloads) {
    const r = greenHoursSaving({
      schedule: c.schedule,
      kwhPerUnitHour: item.kwhPerUnitHour!,
      intensity: grid!.points,
      criticality: o.criticality,
      sekPerKgCo2e: sekPerKg,
    });
    kg += r.co2eKgPerMonthSaved;
    kwh += r.kwhPerMonthMoved;
  }
  const grid = workloads[0].grid!;
  const where =
    o.criticality === 'low'
      ? 'the cleanest hours of the week'
      : 'the cleanest hours of the same day';
  return {
    kind: 'shift-to-green-hours',
    kwhPerMonthAffected: kwh,
    co2eKgPerMonthSaved: kg,
    sekPerMonthSaved: kg * sekPerKg,
    intensitySource: `${grid.zone}: ${grid.source}${
      grid.stale ? ' (stale)' : ''
    }`,
    summary: `Running ${kwh.toFixed(
      1,
    )} kWh/month of scheduled capacity above the always-on floor in ${where} saves ${kg.toFixed(
      2,
    )} kg CO2e/month (${(kg * sekPerKg).toFixed(
      2,
    )} SEK/month at ${sekPerKg} SEK/kg), by ${grid.zone}'s hourly intensity`,
  };
}

/** (a) Scheduled capacity above the always-on floor in low-band hours, moved to high-band hours. */
export function shift(
  usage: ServiceUsage,
  fp: ServiceFootprint,
  o: AdviceOptions,
): Advice {
  const measured = shiftByIntensity(usage, fp, o);
  if (measured) return measured;
  const bandOf = bandOfHour(o.bands ?? DEFAULT_GREEN_BANDS);
  const f = o.bandIntensity ?? { high: 1, medium: 1, low: 1 };
  const workloads = scheduled(usage, fp);
  let kwh = 0;
  let kg = 0;
  for (const { c, item } of workloads) {
    const w = c.schedule;
    const floor = Math.min(
      ...capacityMatrix(w)
        .flat()
        .filter((v): v is number => v !== null),
    );
    let movable = 0; // replica-hours above the always-on floor during low-band hours
    w.replicaHours.forEach((row, d) =>
      row.forEach((rh, h) => {
        if (bandOf[h] === 'low')
          movable += Math.max(0, rh - floor * w.hours[d][h]);
      }),
    );
    const k = perMonth(movable, w) * item.kwhPerUnitHour!;
    kwh += k;
    kg +=
      k *
      emissionFactor(c.region, o.emissionsFactors).kgPerKwh *
      (f.low - f.high);
  }
  const note = o.bandIntensity
    ? ''
    : ' (no hourly intensity given: no CO2e change under CCF’s annual factors)';
  const summary = workloads.length
    ? `Move ${kwh.toFixed(
        1,
      )} kWh/month of scheduled capacity above the always-on floor from low- to high-renewable hours${note}`
    : 'No scheduled capacity to shift';
  return {
    kind: 'shift-to-green-hours',
    kwhPerMonthAffected: kwh,
    co2eKgPerMonthSaved: kg,
    summary,
  };
}

/** (b) The primary region's operational CO2e in each other allowed region; embodied stays. */
export function moveRegions(fp: ServiceFootprint, o: AdviceOptions): Advice[] {
  const from = fp.primaryRegion;
  const moved = fp.items.filter(i => i.region === from);
  const operational = moved.reduce((s, i) => s + i.kwhPerDay, 0);
  const nowKg = moved.reduce(
    (s, i) =>
      s +
      Object.entries(i.parts).reduce(
        (t, [k, p]) => t + (k === 'embodied' ? 0 : p!.co2eKgPerDay),
        0,
      ),
    0,
  );
  return (o.allowedRegions ?? [])
    .filter(r => r !== from)
    .map(region => {
      const thenKg =
        operational * emissionFactor(region, o.emissionsFactors).kgPerKwh;
      const saved = (nowKg - thenKg) * DAYS_PER_MONTH;
      const verdict = saved >= 0 ? 'saves' : 'adds';
      return {
        kind: 'move-region' as const,
        region,
        renewableShare: renewableShareOf(region)?.share ?? null,
        kwhPerMonthAffected: operational * DAYS_PER_MONTH,
        co2eKgPerMonthSaved: saved,
        summary: `Moving the ${from} workload to ${region} ${verdict} ${Math.abs(
          saved,
        ).toFixed(2)} kg CO2e/month`,
      };
    });
}

/** (c) Replica-hours the schedule keeps outside business hours above the observed need. */
export function trimOffHours(
  usage: ServiceUsage,
  fp: ServiceFootprint,
  o: AdviceOptions,
): Advice | undefined {
  if (o.observedHealthyInstances === undefined) return undefined;
  const bh = o.businessHours ?? { days: [0, 1, 2, 3, 4], from: 7, to: 18 };
  const floor = Math.max(
    o.observedHealthyInstances,
    o.criticality === 'high' ? 2 : 1,
  );
  let kwh = 0;
  let kg = 0;
  for (const { c, item } of scheduled(usage, fp)) {
    const w = c.schedule;
    let excess = 0;
    w.replicaHours.forEach((row, d) =>
      row.forEach((rh, h) => {
        const business = bh.days.includes(d) && h >= bh.from && h < bh.to;
        if (!business) excess += Math.max(0, rh - floor * w.hours[d][h]);
      }),
    );
    const unitHours = perMonth(excess, w);
    kwh += unitHours * item.kwhPerUnitHour!;
    kg +=
      unitHours *
      (item.kwhPerUnitHour! *
        emissionFactor(c.region, o.emissionsFactors).kgPerKwh +
        item.embodiedKgPerUnitHour!);
  }
  return {
    kind: 'trim-off-hours-replicas',
    kwhPerMonthAffected: kwh,
    co2eKgPerMonthSaved: kg,
    summary: `Off-hours schedule keeps replicas above the observed need of ${floor}: ${kwh.toFixed(
      1,
    )} kWh/month`,
  };
}
