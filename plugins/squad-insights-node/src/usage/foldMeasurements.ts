import type { MeasuredUsage } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { QueryMeaning } from './metricQueries';

/** One query's datapoints across all pages. */
export interface Series {
  meaning: QueryMeaning;
  metricName: string;
  /** [epoch ms, value] */
  points: Array<[number, number]>;
  status?: string;
  messages: string[];
}

const GB = 1e9;

function fold(s: Series, days: number): number | undefined {
  if (!s.points.length) return undefined;
  const values = s.points.map(p => p[1]);
  switch (s.meaning.fold) {
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'latest':
      return [...s.points].sort((a, b) => a[0] - b[0])[s.points.length - 1][1];
    case 'sum-per-day':
      return values.reduce((a, b) => a + b, 0) / days;
    default:
      return undefined;
  }
}

/**
 * Turns the datapoints into the figures the carbon model reads. A resource whose queries
 * all came back empty (or with `InternalError`/`Forbidden`) gets no figure and is listed in
 * `missing` with the reason; S3 classes without data are simply classes the bucket does
 * not use, so a bucket is missing only when no class has a datapoint.
 */
export function foldMeasurements(
  series: readonly Series[],
  storedBytes: ReadonlyMap<string, number>,
  days: number,
): {
  measured: Omit<MeasuredUsage, 'source' | 'measuredAt'>;
  missing: Array<{ address: string; reason: string }>;
} {
  const cpu: Record<string, number> = {};
  const storageGb: Record<string, number> = {};
  const lbs: Record<
    string,
    { processedGbPerDay: number; requestsPerDay: number }
  > = {};
  let networkGbPerDay: number | undefined;
  const missing = new Map<string, string>();
  const seenStorage = new Set<string>();

  for (const s of series) {
    const { address, measure } = s.meaning;
    const v = fold(s, days);
    if (v === undefined) {
      if (measure === 'network-out' || measure === 'network-tx-rate') continue; // optional
      if (measure === 'bytes-stored') continue; // judged per bucket below
      const why =
        s.status && s.status !== 'Complete'
          ? `CloudWatch answered ${s.status} for ${s.metricName}${
              s.messages.length ? `: ${s.messages.join('; ')}` : ''
            }`
          : `no ${s.metricName} datapoints in the last ${days} days`;
      if (!missing.has(address)) missing.set(address, why);
      continue;
    }
    switch (measure) {
      case 'cpu':
        cpu[address] = v;
        break;
      case 'bytes-stored':
        storageGb[address] = (storageGb[address] ?? 0) + v / GB;
        seenStorage.add(address);
        break;
      case 'alb-bytes':
        lbs[address] = {
          ...(lbs[address] ?? { requestsPerDay: 0 }),
          processedGbPerDay: v / GB,
        };
        break;
      case 'alb-requests':
        lbs[address] = {
          ...(lbs[address] ?? { processedGbPerDay: 0 }),
          requestsPerDay: v,
        };
        break;
      case 'network-out':
        networkGbPerDay = (networkGbPerDay ?? 0) + v / GB;
        break;
      case 'network-tx-rate':
        networkGbPerDay = (networkGbPerDay ?? 0) + (v * 86_400) / GB;
        break;
      default:
        break;
    }
  }
  for (const s of series) {
    const { address, measure } = s.meaning;
    if (
      measure === 'bytes-stored' &&
      !seenStorage.has(address) &&
      !missing.has(address)
    ) {
      missing.set(
        address,
        `no ${s.metricName} datapoints in the last ${days} days`,
      );
    }
  }
  // An ALB with bytes but no request series is still measured traffic; one without bytes is not.
  for (const address of Object.keys(lbs)) {
    if (
      !series.some(
        s =>
          s.meaning.address === address &&
          s.meaning.measure === 'alb-bytes' &&
          s.points.length,
      )
    ) {
      delete lbs[address];
    } else missing.delete(address);
  }
  for (const [address, bytes] of storedBytes) storageGb[address] = bytes / GB;
  return {
    measured: {
      cpuUtilizationPct: cpu,
      storageGb,
      loadBalancers: lbs,
      ...(networkGbPerDay !== undefined ? { networkGbPerDay } : {}),
    },
    missing: [...missing].map(([address, reason]) => ({ address, reason })),
  };
}
