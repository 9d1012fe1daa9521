import { registerMswTestHooks } from '@backstage/backend-test-utils';
import type { CloudWatchTarget } from '@squad-insights/backstage-plugin-squad-insights-common';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { CloudWatchUsageSource } from './CloudWatchUsageSource';
import { UsageSourceError } from './UsageSourceError';

const server = setupServer();
registerMswTestHooks(server);

// The installed @aws-sdk/client-cloudwatch speaks AWS JSON 1.0 to CloudWatch (target
// GraniteServiceVersion20100801.<Operation>, query-compatible errors), and
// client-cloudwatch-logs speaks AWS JSON 1.1 (Logs_20140328.<Operation>). Timestamps in
// both bodies are epoch seconds. These handlers answer exactly that.
const MONITORING = 'https://monitoring.eu-north-1.amazonaws.com/';
const LOGS = 'https://logs.eu-north-1.amazonaws.com/';
const NOW = new Date('2026-12-03T08:00:00Z');
const day = (d: number) => Date.UTC(2026, 11, d) / 1000; // epoch seconds, 00:00 UTC

const targets: CloudWatchTarget[] = [
  {
    address: 'module.service.aws_ecs_service.this',
    kind: 'ecs',
    region: 'eu-north-1',
    namespace: 'AWS/ECS',
    dimensions: { ClusterName: 'payments', ServiceName: 'payment-processing' },
  },
  {
    address: 'module.database.aws_rds_cluster_instance.this[0]',
    kind: 'rds',
    region: 'eu-north-1',
    namespace: 'AWS/RDS',
    dimensions: { DBInstanceIdentifier: 'payment-processing-0' },
  },
  {
    address: 'module.database.aws_rds_cluster.this',
    kind: 'aurora-volume',
    region: 'eu-north-1',
    namespace: 'AWS/RDS',
    dimensions: { DbClusterIdentifier: 'payment-processing' },
  },
  {
    address: 'module.storage.aws_s3_bucket.data',
    kind: 's3',
    region: 'eu-north-1',
    namespace: 'AWS/S3',
    dimensions: { BucketName: 'acme-payment-data' },
  },
  {
    address: 'module.service.aws_lb.this',
    kind: 'alb',
    region: 'eu-north-1',
    namespace: 'AWS/ApplicationELB',
    dimensions: { LoadBalancer: 'app/payment-processing-alb/266c8fa6fe006d4e' },
  },
  {
    address: 'module.service.aws_cloudwatch_log_group.this',
    kind: 'log-group',
    region: 'eu-north-1',
    dimensions: {},
    logGroupName: '/ecs/payment-processing',
  },
];

interface Query {
  Id: string;
  MetricStat: {
    Metric: {
      Namespace: string;
      MetricName: string;
      Dimensions: Array<{ Name: string; Value: string }>;
    };
    Period: number;
    Stat: string;
  };
}
interface GetMetricDataBody {
  MetricDataQueries: Query[];
  StartTime: number;
  EndTime: number;
  NextToken?: string;
}

const dims = (q: Query) =>
  Object.fromEntries(
    q.MetricStat.Metric.Dimensions.map(d => [d.Name, d.Value]),
  );

/** Daily values of the fake account, by metric (and S3 storage class). */
function valuesFor(q: Query): number[] | 'InternalError' {
  const m = q.MetricStat.Metric.MetricName;
  if (m === 'CPUUtilization' && q.MetricStat.Metric.Namespace === 'AWS/ECS')
    return [20, 30, 40, 30];
  if (m === 'CPUUtilization') return [12, 14];
  if (m === 'VolumeBytesUsed') return [40e9, 42e9];
  if (m === 'BucketSizeBytes') {
    const cls = dims(q).StorageType;
    if (cls === 'StandardStorage') return [100e9, 120e9];
    if (cls === 'GlacierStorage') return [500e9, 500e9];
    return [];
  }
  if (m === 'ProcessedBytes') return [7e9, 7e9, 7e9];
  if (m === 'RequestCount') return [1_000_000, 1_200_000, 800_000];
  if (m === 'NetworkTxBytes') return 'InternalError';
  return [];
}

function serveMetrics(seen: GetMetricDataBody[], headers: string[][] = []) {
  server.use(
    http.post(MONITORING, async ({ request }) => {
      headers.push([
        request.headers.get('x-amz-target') ?? '',
        request.headers.get('content-type') ?? '',
      ]);
      const body = (await request.json()) as GetMetricDataBody;
      seen.push(body);
      // Page 1 answers each query's first value with PartialData; page 2 the rest.
      const page2 = body.NextToken === 'token-2';
      const results = body.MetricDataQueries.map(q => {
        const v = valuesFor(q);
        if (v === 'InternalError') {
          return {
            Id: q.Id,
            Label: q.MetricStat.Metric.MetricName,
            Timestamps: [],
            Values: [],
            StatusCode: 'InternalError',
          };
        }
        const all = v.map((value, i) => [day(i + 1), value] as const);
        const part = page2 ? all.slice(1) : all.slice(0, 1);
        return {
          Id: q.Id,
          Label: q.MetricStat.Metric.MetricName,
          Timestamps: part.map(p => p[0]),
          Values: part.map(p => p[1]),
          StatusCode: page2 || all.length <= 1 ? 'Complete' : 'PartialData',
        };
      });
      return HttpResponse.json(
        {
          MetricDataResults: results,
          Messages: [],
          ...(page2 ? {} : { NextToken: 'token-2' }),
        },
        { headers: { 'Content-Type': 'application/x-amz-json-1.0' } },
      );
    }),
  );
}

function serveLogs(
  seen: Array<{ target: string; body: Record<string, unknown> }>,
) {
  server.use(
    http.post(LOGS, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ target: request.headers.get('x-amz-target') ?? '', body });
      // The prefix also matches a longer name; the group itself is on the second page.
      const page =
        body.nextToken === 'logs-2'
          ? {
              logGroups: [
                {
                  logGroupName: '/ecs/payment-processing',
                  storedBytes: 3_500_000_000,
                  creationTime: 1700000000000,
                  arn: 'arn:aws:logs:eu-north-1:123456789012:log-group:/ecs/payment-processing:*',
                },
              ],
            }
          : {
              logGroups: [
                {
                  logGroupName: '/ecs/payment-processing-canary',
                  storedBytes: 1,
                  creationTime: 1700000000000,
                },
              ],
              nextToken: 'logs-2',
            };
      return HttpResponse.json(page, {
        headers: { 'Content-Type': 'application/x-amz-json-1.1' },
      });
    }),
  );
}

const source = () =>
  new CloudWatchUsageSource({
    id: 'prod',
    defaultRegion: 'eu-north-1',
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    },
    lookbackDays: 3,
    maxAttempts: 1,
    now: () => NOW,
  });

describe('CloudWatchUsageSource', () => {
  it('asks for daily metrics over whole UTC days and follows NextToken and PartialData to the end', async () => {
    const seen: GetMetricDataBody[] = [];
    const headers: string[][] = [];
    const logs: Array<{ target: string; body: Record<string, unknown> }> = [];
    serveMetrics(seen, headers);
    serveLogs(logs);
    const { measured, missing } = await source().read(targets);

    expect(headers[0]).toEqual([
      'GraniteServiceVersion20100801.GetMetricData',
      'application/x-amz-json-1.0',
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0].StartTime).toBe(Date.UTC(2026, 10, 30) / 1000);
    expect(seen[0].EndTime).toBe(Date.UTC(2026, 11, 3) / 1000);
    expect(seen[0].NextToken).toBeUndefined();
    expect(seen[1].NextToken).toBe('token-2');
    const names = seen[0].MetricDataQueries.map(
      q =>
        `${q.MetricStat.Metric.Namespace} ${q.MetricStat.Metric.MetricName} ${q.MetricStat.Stat} ${q.MetricStat.Period}`,
    );
    expect(names).toContain('AWS/ECS CPUUtilization Average 86400');
    expect(names).toContain('AWS/ApplicationELB ProcessedBytes Sum 86400');
    expect(names).toContain('AWS/RDS VolumeBytesUsed Average 86400');
    expect(
      names.filter(n => n.startsWith('AWS/S3 BucketSizeBytes')),
    ).toHaveLength(9);

    // Means over both pages, latest sizes, sums per day of the 3-day window.
    expect(measured.cpuUtilizationPct).toEqual({
      'module.service.aws_ecs_service.this': 30,
      'module.database.aws_rds_cluster_instance.this[0]': 13,
    });
    expect(
      measured.storageGb!['module.database.aws_rds_cluster.this'],
    ).toBeCloseTo(42, 9);
    expect(
      measured.storageGb!['module.storage.aws_s3_bucket.data'],
    ).toBeCloseTo(120 + 500, 9);
    expect(
      measured.storageGb!['module.service.aws_cloudwatch_log_group.this'],
    ).toBeCloseTo(3.5, 9);
    expect(measured.loadBalancers).toEqual({
      'module.service.aws_lb.this': {
        processedGbPerDay: 7,
        requestsPerDay: 1_000_000,
      },
    });
    // Container Insights answered InternalError: no network figure, and the ECS service
    // still counts as measured (its CPU came back).
    expect(measured.networkGbPerDay).toBeUndefined();
    expect(missing).toEqual([]);
    expect(measured.source).toBe('CloudWatch (source prod)');
    expect(measured.measuredAt).toBe(NOW.toISOString());

    expect(logs.map(l => l.target)).toEqual([
      'Logs_20140328.DescribeLogGroups',
      'Logs_20140328.DescribeLogGroups',
    ]);
    expect(logs[0].body).toEqual({
      logGroupNamePrefix: '/ecs/payment-processing',
    });
    expect(logs[1].body).toEqual({
      logGroupNamePrefix: '/ecs/payment-processing',
      nextToken: 'logs-2',
    });
  });

  it('lists a resource without datapoints, or with InternalError, as missing with the reason', async () => {
    server.use(
      http.post(MONITORING, async ({ request }) => {
        const body = (await request.json()) as GetMetricDataBody;
        return HttpResponse.json({
          MetricDataResults: body.MetricDataQueries.map(q => ({
            Id: q.Id,
            Label: q.MetricStat.Metric.MetricName,
            Timestamps: [],
            Values: [],
            StatusCode:
              q.MetricStat.Metric.MetricName === 'CPUUtilization'
                ? 'InternalError'
                : 'Complete',
            ...(q.MetricStat.Metric.MetricName === 'CPUUtilization'
              ? { Messages: [{ Code: 'InternalError', Value: 'try again' }] }
              : {}),
          })),
          Messages: [],
        });
      }),
    );
    serveLogs([]);
    const { missing } = await source().read(targets.slice(0, 4));
    expect(missing).toEqual([
      {
        address: 'module.service.aws_ecs_service.this',
        reason:
          'CloudWatch answered InternalError for CPUUtilization: InternalError try again',
      },
      {
        address: 'module.database.aws_rds_cluster_instance.this[0]',
        reason:
          'CloudWatch answered InternalError for CPUUtilization: InternalError try again',
      },
      {
        address: 'module.database.aws_rds_cluster.this',
        reason: 'no VolumeBytesUsed datapoints in the last 3 days',
      },
      {
        address: 'module.storage.aws_s3_bucket.data',
        reason: 'no BucketSizeBytes datapoints in the last 3 days',
      },
    ]);
  });

  const awsError = (
    status: number,
    type: string,
    queryCode: string,
    message: string,
  ) =>
    HttpResponse.json(
      { __type: type, message },
      {
        status,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'x-amzn-query-error': `${queryCode};Sender`,
        },
      },
    );

  it.each([
    [
      'throttled',
      400,
      'com.amazonaws.cloudwatch#ThrottlingException',
      'Throttling',
      'Rate exceeded',
    ],
    [
      'throttled',
      400,
      'com.amazonaws.cloudwatch#LimitExceededException',
      'LimitExceeded',
      'The maximum number of datapoints was exceeded',
    ],
    [
      'credentials',
      403,
      'com.amazonaws.cloudwatch#ExpiredTokenException',
      'ExpiredToken',
      'The security token included in the request is expired',
    ],
  ])(
    '%s: %s %s is a typed error naming source, region and code',
    async (failure, status, type, code, message) => {
      server.use(
        http.post(MONITORING, () => awsError(status, type, code, message)),
      );
      const e = await source()
        .read(targets.slice(0, 1))
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(e).toBeInstanceOf(UsageSourceError);
      const err = e as UsageSourceError;
      expect(err.failure).toBe(failure);
      expect(err.message).toContain(
        'CloudWatch usage source prod (eu-north-1) GetMetricData',
      );
      expect(err.message).not.toContain('wJalrXUtnFEMI');
    },
  );
});
