/**
 * The demo account's CloudWatch figures: plausible, stable per resource (seeded by its
 * dimension values) and varying a little from day to day. Not recordings: nothing here
 * claims to be a real account's usage.
 */

/** 0..1, stable for a string. */
function unit(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 10_000) / 10_000;
}

const between = (seed: string, lo: number, hi: number) =>
  lo + unit(seed) * (hi - lo);

/** Daily value of a metric for one resource, or undefined when the demo account has none. */
export function dailyValue(
  namespace: string,
  metricName: string,
  dims: Record<string, string>,
  day: number,
): number | undefined {
  const key = Object.values(dims).join('|');
  const wobble = 1 + (unit(`${key}|${metricName}|${day}`) - 0.5) * 0.1; // ±5 % a day
  switch (`${namespace} ${metricName}`) {
    case 'AWS/ECS CPUUtilization':
      return between(key, 18, 42) * wobble;
    case 'AWS/RDS CPUUtilization':
      return between(key, 8, 28) * wobble;
    case 'AWS/EC2 CPUUtilization':
      return between(key, 10, 35) * wobble;
    case 'AWS/EC2 NetworkOut':
      return between(key, 2e9, 9e9) * wobble;
    case 'ECS/ContainerInsights NetworkTxBytes':
      // bytes per second, averaged over the day
      return between(key, 40e3, 160e3) * wobble;
    case 'AWS/RDS VolumeBytesUsed':
      return between(key, 40e9, 160e9) * (1 + day * 0.002);
    case 'AWS/ApplicationELB ProcessedBytes':
      return between(key, 4e9, 20e9) * wobble;
    case 'AWS/ApplicationELB RequestCount':
      return Math.round(between(key, 0.6e6, 3e6) * wobble);
    case 'AWS/S3 BucketSizeBytes': {
      const bucket = dims.BucketName ?? '';
      const cls = dims.StorageType;
      // Data buckets live in Standard, backups in Glacier, access logs in Standard-IA.
      if (/access-logs/.test(bucket))
        return cls === 'StandardIAStorage'
          ? between(bucket, 5e9, 30e9)
          : undefined;
      if (/backup/.test(bucket))
        return cls === 'GlacierStorage'
          ? between(bucket, 300e9, 1500e9)
          : undefined;
      return cls === 'StandardStorage'
        ? between(bucket, 50e9, 400e9) * (1 + day * 0.001)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** storedBytes of a log group. */
export function storedBytes(logGroupName: string): number {
  return Math.round(between(logGroupName, 1e9, 25e9));
}
