import { DAYS_PER_MONTH } from './footprint';
import { fillMatrix, IntensityPoint, localIntensityMatrix } from './intensity';
import type { Criticality, WeeklyCapacity } from './types';

/**
 * How far a criticality band lets scheduled capacity move: a low-criticality service's
 * extra capacity may run in the cleanest hours of the whole week, a medium one keeps it on
 * the same local day (the design document's "balance availability"), high and critical
 * services keep their hours (availability first).
 *
 * @public
 */
export const GREEN_HOURS_REACH: Record<Criticality, 'week' | 'day' | 'none'> = {
  low: 'week',
  medium: 'day',
  high: 'none',
  critical: 'none',
};

/** Inputs of {@link greenHoursSaving}. @public */
export interface GreenHoursInput {
  /** The scheduled week (local cells, real hours per cell). */
  schedule: WeeklyCapacity;
  /** Energy of one replica for one hour, after PUE (the footprint item's `kwhPerUnitHour`). */
  kwhPerUnitHour: number;
  /** Hourly grid intensity of the region's zone; any week, placed by local wall time. */
  intensity: readonly IntensityPoint[];
  criticality: Criticality;
  sekPerKgCo2e: number;
}

/** The result, per month of 30.4375 days. @public */
export interface GreenHoursSaving {
  co2eKgPerMonthSaved: number;
  sekPerMonthSaved: number;
  /** Replica-hours per month that would move. */
  replicaHoursPerMonthMoved: number;
  kwhPerMonthMoved: number;
  reach: 'week' | 'day' | 'none';
  /** Local intensity per cell used (g/kWh), gaps filled; for the heatmap and the record. */
  matrix: number[][];
}

interface Block {
  day: number;
  hour: number;
  /** Replica-hours above the always-on floor in this cell. */
  replicaHours: number;
}

/**
 * CO2e and SEK a month saved by running the scheduled capacity above the always-on floor
 * in the cleanest hours the service's criticality allows.
 *
 * Each local hour's extra capacity is a block that moves whole to one target hour, and a
 * target hour takes at most one block (so the moved capacity keeps its size instead of
 * piling into one hour). The largest blocks go to the cleanest hours, which is the best
 * pairing (rearrangement inequality), and a block may stay where it is, so the saving is
 * never negative. Saved g = Σ block × (I_from − I_to) × kWh per replica-hour; a week's
 * saving becomes a month's by × 24 / hours in the week × 30.4375.
 *
 * @public
 */
export function greenHoursSaving(input: GreenHoursInput): GreenHoursSaving {
  const { schedule: w, kwhPerUnitHour } = input;
  const reach = GREEN_HOURS_REACH[input.criticality];
  const raw = localIntensityMatrix(input.intensity, w.timeZone);
  const known = raw.flat().filter((v): v is number => v !== null);
  const mean = known.length
    ? known.reduce((a, b) => a + b, 0) / known.length
    : 0;
  const matrix = fillMatrix(raw, mean);

  const perHour = w.hours.flatMap((row, d) =>
    row.map((h, hour) => (h > 0 ? w.replicaHours[d][hour] / h : Infinity)),
  );
  const floor = Math.min(...perHour);
  const blocks: Block[] = [];
  w.replicaHours.forEach((row, day) =>
    row.forEach((rh, hour) => {
      const extra = rh - floor * w.hours[day][hour];
      if (extra > 1e-9) blocks.push({ day, hour, replicaHours: extra });
    }),
  );

  let savedG = 0;
  let moved = 0;
  if (reach !== 'none' && known.length) {
    const groups =
      reach === 'week'
        ? [blocks]
        : Array.from({ length: 7 }, (_, d) => blocks.filter(b => b.day === d));
    groups.forEach(group => {
      if (!group.length) return;
      const days = reach === 'week' ? [0, 1, 2, 3, 4, 5, 6] : [group[0].day];
      // Hours that exist that week (the spring gap has no real hour to run in).
      const targets = days
        .flatMap(d => matrix[d].map((g, h) => ({ d, h, g })))
        .filter(t => w.hours[t.d][t.h] > 0)
        .sort((a, b) => a.g - b.g);
      const sorted = [...group].sort((a, b) => b.replicaHours - a.replicaHours);
      sorted.forEach((b, i) => {
        const from = matrix[b.day][b.hour];
        const to = targets[i].g;
        if (to < from) {
          savedG += b.replicaHours * (from - to) * kwhPerUnitHour;
          moved += b.replicaHours;
        }
      });
    });
  }
  const toMonth = (24 / w.hoursInWeek) * DAYS_PER_MONTH;
  const kg = (savedG / 1000) * toMonth;
  return {
    co2eKgPerMonthSaved: kg,
    sekPerMonthSaved: kg * input.sekPerKgCo2e,
    replicaHoursPerMonthMoved: moved * toMonth,
    kwhPerMonthMoved: moved * toMonth * kwhPerUnitHour,
    reach,
    matrix,
  };
}
