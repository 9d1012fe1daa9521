import type { WireSchemas } from '../api';
import type { WeeklyCapacity } from './types';

/** How green the grid usually is in an hour of the day. @public */
export type GreenBand = WireSchemas['GreenBand'];

/** Local hours (0–23) of each band; every hour must be in exactly one band. @public */
export type GreenBands = Record<GreenBand, number[]>;

/**
 * Default bands for the Nordic grid: nights are windy and demand is low, mornings and
 * evenings are shoulders, the working day is when demand (and imports) peak.
 *
 * @public
 */
export const DEFAULT_GREEN_BANDS: GreenBands = {
  high: [22, 23, 0, 1, 2, 3, 4, 5],
  medium: [6, 7, 18, 19, 20, 21],
  low: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
};

/** The band of every local hour; throws when the bands do not cover each hour once. @public */
export function bandOfHour(
  bands: GreenBands = DEFAULT_GREEN_BANDS,
): GreenBand[] {
  const out: (GreenBand | undefined)[] = new Array(24).fill(undefined);
  for (const band of ['high', 'medium', 'low'] as GreenBand[]) {
    for (const h of bands[band]) {
      if (!Number.isInteger(h) || h < 0 || h > 23 || out[h]) {
        throw new Error(`green bands: hour ${h} is invalid or in two bands`);
      }
      out[h] = band;
    }
  }
  const missing = out.findIndex(b => !b);
  if (missing >= 0) throw new Error(`green bands: hour ${missing} has no band`);
  return out as GreenBand[];
}

/** 7 × 24 matrix of bands (same every day) for the heatmap. @public */
export function greenBandMatrix(
  bands: GreenBands = DEFAULT_GREEN_BANDS,
): GreenBand[][] {
  const day = bandOfHour(bands);
  return Array.from({ length: 7 }, () => [...day]);
}

/**
 * 7 × 24 matrix of replicas in force per local hour. `null` marks an hour that does not
 * exist that week (the spring daylight-saving gap); in the repeated autumn hour it is the
 * average over the two real hours.
 *
 * @public
 */
export function capacityMatrix(week: WeeklyCapacity): (number | null)[][] {
  return week.hours.map((row, d) =>
    row.map((h, hour) => (h > 0 ? week.replicaHours[d][hour] / h : null)),
  );
}
