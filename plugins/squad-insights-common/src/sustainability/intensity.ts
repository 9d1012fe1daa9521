import { gridZoneOfRegion, yearlyIntensity } from './data/gridZones';
import { localTime } from './timezone';

/** One hour of a grid's carbon intensity. @public */
export interface IntensityPoint {
  /** ISO instant the hour starts (UTC, as Electricity Maps' `datetime`). */
  datetime: string;
  /** Lifecycle g CO2e per kWh consumed. */
  gCo2ePerKwh: number;
  /** Renewable share 0..1 of the same hour, when the power breakdown was read. */
  renewableShare?: number;
  /** The provider estimated the hour rather than measured it. */
  estimated?: boolean;
}

/** The grid intensity known for a zone: an hourly series, or the bundled yearly average. @public */
export interface GridIntensity {
  zone: string;
  kind: 'hourly' | 'yearly-average';
  /** Hourly points, oldest first; empty for a yearly average. */
  points: IntensityPoint[];
  /** For a yearly average: its value. For a series: the mean of its points. */
  meanGCo2ePerKwh: number;
  /** Where the figures come from, for the label on the tab. */
  source: string;
  /** ISO instant of the last successful read (series only). */
  readAt?: string;
  stale?: boolean;
  staleReason?: string;
}

/** 7 × 24 local cells (Monday first); `null` where the series has no hour. @public */
export type LocalMatrix = (number | null)[][];

/**
 * Mean intensity per local weekday-hour of `timeZone`. Each UTC hour is placed by the
 * local wall time its start falls in, so a schedule read in local time (07:00 every
 * weekday) meets the grid hour it really runs in across a daylight-saving change: in the
 * spring week the missing 02 cell of that Sunday stays empty, in the autumn week the two
 * real 02 hours are averaged into one cell.
 *
 * @public
 */
export function localIntensityMatrix(
  points: readonly IntensityPoint[],
  timeZone: string,
): LocalMatrix {
  const sum = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const count = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const p of points) {
    const at = Date.parse(p.datetime);
    if (!Number.isFinite(at) || !Number.isFinite(p.gCo2ePerKwh)) continue;
    const l = localTime(at, timeZone);
    sum[l.weekday][l.hour] += p.gCo2ePerKwh;
    count[l.weekday][l.hour] += 1;
  }
  return sum.map((row, d) =>
    row.map((s, h) => (count[d][h] ? s / count[d][h] : null)),
  );
}

/**
 * Fills the cells a series does not cover with the mean of the same hour on the other
 * days, else with the series' overall mean, so every hour the schedule runs has a value.
 *
 * @public
 */
export function fillMatrix(m: LocalMatrix, fallback: number): number[][] {
  const hourMean = Array.from({ length: 24 }, (_, h) => {
    const v = m.map(row => row[h]).filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
  });
  return m.map(row => row.map((v, h) => v ?? hourMean[h] ?? fallback));
}

/**
 * The intensity to use for a region: the hourly series of its zone when one is given,
 * else the bundled yearly average of that zone, labelled as such.
 *
 * @public
 */
export function intensityForRegion(
  region: string,
  series: Readonly<Record<string, GridIntensity>> = {},
): GridIntensity | undefined {
  const zone = gridZoneOfRegion(region)?.zone;
  if (!zone) return undefined;
  const hourly = series[zone];
  if (hourly && hourly.points.length) return hourly;
  const yearly = yearlyIntensity(zone);
  return yearly
    ? {
        zone,
        kind: 'yearly-average',
        points: [],
        meanGCo2ePerKwh: yearly.gCo2ePerKwh,
        source: yearly.source,
        ...(hourly?.stale
          ? { stale: true, staleReason: hourly.staleReason }
          : {}),
      }
    : undefined;
}
