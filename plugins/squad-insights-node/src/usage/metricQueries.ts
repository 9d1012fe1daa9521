import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchTarget } from '@squad-insights/backstage-plugin-squad-insights-common';

/** The S3 storage classes `BucketSizeBytes` reports, as its `StorageType` dimension spells them. */
export const S3_STORAGE_TYPES = [
  'StandardStorage',
  'IntelligentTieringFAStorage',
  'IntelligentTieringIAStorage',
  'StandardIAStorage',
  'OneZoneIAStorage',
  'ReducedRedundancyStorage',
  'GlacierInstantRetrievalStorage',
  'GlacierStorage',
  'DeepArchiveStorage',
] as const;

/** What one query measures, so its answer can be folded back into the usage. */
export interface QueryMeaning {
  address: string;
  measure:
    | 'cpu'
    | 'bytes-stored'
    | 'alb-bytes'
    | 'alb-requests'
    | 'network-out'
    | 'network-tx-rate';
  /** How daily values become one figure. */
  fold: 'mean' | 'latest' | 'sum-per-day';
}

/** A GetMetricData query with its meaning. */
export interface PlannedQuery {
  query: MetricDataQuery;
  meaning: QueryMeaning;
}

function metric(
  id: string,
  t: CloudWatchTarget,
  namespace: string,
  metricName: string,
  stat: string,
  period: number,
  dimensions: Record<string, string> = t.dimensions,
): MetricDataQuery {
  return {
    Id: id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: namespace,
        MetricName: metricName,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({
          Name,
          Value,
        })),
      },
      Period: period,
      Stat: stat,
    },
  };
}

/**
 * The daily queries for a list of targets (log groups excepted: DescribeLogGroups reads
 * those). Ids are `q<n>`, as GetMetricData wants ids starting with a lower-case letter.
 */
export function planQueries(
  targets: readonly CloudWatchTarget[],
): PlannedQuery[] {
  const out: PlannedQuery[] = [];
  const DAY = 86_400;
  const add = (q: (id: string) => MetricDataQuery, meaning: QueryMeaning) =>
    out.push({ query: q(`q${out.length}`), meaning });
  for (const t of targets) {
    const a = t.address;
    switch (t.kind) {
      case 'ec2':
        add(id => metric(id, t, 'AWS/EC2', 'CPUUtilization', 'Average', DAY), {
          address: a,
          measure: 'cpu',
          fold: 'mean',
        });
        add(id => metric(id, t, 'AWS/EC2', 'NetworkOut', 'Sum', DAY), {
          address: a,
          measure: 'network-out',
          fold: 'sum-per-day',
        });
        break;
      case 'ecs':
        add(id => metric(id, t, 'AWS/ECS', 'CPUUtilization', 'Average', DAY), {
          address: a,
          measure: 'cpu',
          fold: 'mean',
        });
        // Only with Container Insights on; bytes per second, averaged over the day.
        add(
          id =>
            metric(
              id,
              t,
              'ECS/ContainerInsights',
              'NetworkTxBytes',
              'Average',
              DAY,
            ),
          {
            address: a,
            measure: 'network-tx-rate',
            fold: 'mean',
          },
        );
        break;
      case 'rds':
        add(id => metric(id, t, 'AWS/RDS', 'CPUUtilization', 'Average', DAY), {
          address: a,
          measure: 'cpu',
          fold: 'mean',
        });
        break;
      case 'aurora-volume':
        add(id => metric(id, t, 'AWS/RDS', 'VolumeBytesUsed', 'Average', DAY), {
          address: a,
          measure: 'bytes-stored',
          fold: 'latest',
        });
        break;
      case 's3':
        for (const storageType of S3_STORAGE_TYPES) {
          add(
            id =>
              metric(id, t, 'AWS/S3', 'BucketSizeBytes', 'Average', DAY, {
                ...t.dimensions,
                StorageType: storageType,
              }),
            { address: a, measure: 'bytes-stored', fold: 'latest' },
          );
        }
        break;
      case 'alb':
        add(
          id =>
            metric(id, t, 'AWS/ApplicationELB', 'ProcessedBytes', 'Sum', DAY),
          { address: a, measure: 'alb-bytes', fold: 'sum-per-day' },
        );
        add(
          id => metric(id, t, 'AWS/ApplicationELB', 'RequestCount', 'Sum', DAY),
          { address: a, measure: 'alb-requests', fold: 'sum-per-day' },
        );
        break;
      default:
        break;
    }
  }
  return out;
}
