import {
  CloudWatchClient,
  CloudWatchClientConfig,
  GetMetricDataCommand,
  MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Config } from '@backstage/config';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type {
  CloudWatchTarget,
  MeasuredUsage,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { planQueries, PlannedQuery } from './metricQueries';
import { foldMeasurements, Series } from './foldMeasurements';
import { UsageSourceError } from './UsageSourceError';

/** Options of {@link CloudWatchUsageSource}. @public */
export interface CloudWatchUsageSourceOptions {
  id: string;
  /** Region of targets whose inventory names none. */
  defaultRegion: string;
  /** For a stand-in or a VPC endpoint; both services are then served from it. */
  endpoint?: string;
  /** Credentials or a provider, e.g. from `@backstage/integration-aws-node`. */
  credentials?: CloudWatchClientConfig['credentials'];
  /** Days of history averaged; default 7. */
  lookbackDays?: number;
  /** SDK attempts per call (it backs off between them); default 3. */
  maxAttempts?: number;
  /** Services this source measures (entity names or refs); absent means all. */
  services?: string[];
  now?: () => Date;
}

/** What one read found: the usage and what could not be measured. @public */
export interface UsageReading {
  measured: MeasuredUsage;
  /** Resources without a figure, and why; the estimate keeps their earlier reason. */
  missing: Array<{ address: string; reason: string }>;
}

const MAX_QUERIES_PER_CALL = 500;

/**
 * Measures a service's resources with CloudWatch (GetMetricData, daily periods over the
 * last `lookbackDays`) and CloudWatch Logs (DescribeLogGroups `storedBytes`): CPU
 * utilisation of EC2 instances, ECS services and RDS instances, S3 `BucketSizeBytes` of
 * every storage class, Aurora `VolumeBytesUsed`, ALB `ProcessedBytes` and `RequestCount`,
 * EC2 `NetworkOut` and Container Insights `NetworkTxBytes`. One source is one AWS account
 * (or role); its credentials come from the portal's `aws` config.
 *
 * @public
 */
export class CloudWatchUsageSource {
  /** Reads one entry of `squadInsights.sustainability.usage.cloudwatch`. */
  static fromConfig(
    config: Config,
    options: { credentialsManager: AwsCredentialsManager },
  ): CloudWatchUsageSource {
    const accountId = config.getOptionalString('accountId');
    return new CloudWatchUsageSource({
      id: config.getString('id'),
      defaultRegion: config.getString('region'),
      endpoint: config.getOptionalString('endpoint'),
      lookbackDays: config.getOptionalNumber('lookbackDays'),
      services: config.getOptionalStringArray('services'),
      // Resolved per call: a portal whose STS is unreachable still starts.
      credentials: async () => {
        const provider = await options.credentialsManager.getCredentialProvider(
          accountId ? { accountId } : undefined,
        );
        return provider.sdkCredentialProvider();
      },
    });
  }

  private readonly metrics = new Map<string, CloudWatchClient>();
  private readonly logs = new Map<string, CloudWatchLogsClient>();

  constructor(private readonly options: CloudWatchUsageSourceOptions) {}

  get id(): string {
    return this.options.id;
  }

  /** Whether this source measures a service (by entity name or ref). */
  covers(entityRef: string): boolean {
    const s = this.options.services;
    if (!s) return true;
    const name = entityRef.split('/').pop();
    return s.includes(entityRef) || (name !== undefined && s.includes(name));
  }

  /** Reads every target; throws {@link UsageSourceError} when a call fails as a whole. */
  async read(targets: readonly CloudWatchTarget[]): Promise<UsageReading> {
    const days = this.options.lookbackDays ?? 7;
    const end = this.options.now?.() ?? new Date();
    // Whole UTC days, so daily datapoints line up with the periods asked for.
    const endDay = new Date(
      Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()),
    );
    const startDay = new Date(endDay.getTime() - days * 86_400_000);
    const byRegion = new Map<string, CloudWatchTarget[]>();
    for (const t of targets) {
      const r = t.region || this.options.defaultRegion;
      byRegion.set(r, [...(byRegion.get(r) ?? []), t]);
    }
    const series: Series[] = [];
    const storedBytes = new Map<string, number>();
    const missing: UsageReading['missing'] = [];
    for (const [region, list] of byRegion) {
      const planned = planQueries(list);
      for (let i = 0; i < planned.length; i += MAX_QUERIES_PER_CALL) {
        const chunk = planned.slice(i, i + MAX_QUERIES_PER_CALL);
        series.push(
          ...(await this.getMetricData(region, chunk, startDay, endDay)),
        );
      }
      for (const t of list.filter(x => x.kind === 'log-group')) {
        const bytes = await this.storedBytes(region, t.logGroupName!);
        if (bytes === undefined) {
          missing.push({
            address: t.address,
            reason: `log group ${t.logGroupName} not found by DescribeLogGroups`,
          });
        } else {
          storedBytes.set(t.address, bytes);
        }
      }
    }
    const folded = foldMeasurements(series, storedBytes, days);
    return {
      measured: {
        ...folded.measured,
        source: `CloudWatch (source ${this.options.id})`,
        measuredAt: end.toISOString(),
      },
      missing: [...missing, ...folded.missing],
    };
  }

  /** All pages of one GetMetricData request, each query's pages joined. */
  private async getMetricData(
    region: string,
    planned: PlannedQuery[],
    start: Date,
    end: Date,
  ): Promise<Series[]> {
    const client = this.metricsClient(region);
    const results = new Map<
      string,
      { points: Array<[number, number]>; status?: string; messages: string[] }
    >();
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new GetMetricDataCommand({
            MetricDataQueries: planned.map(p => p.query),
            StartTime: start,
            EndTime: end,
            ScanBy: 'TimestampAscending',
            NextToken: token,
          }),
        );
      } catch (e) {
        throw UsageSourceError.from(e, {
          sourceId: this.options.id,
          region,
          operation: 'GetMetricData',
        });
      }
      for (const r of page.MetricDataResults ?? []) collect(results, r);
      token = page.NextToken;
    } while (token);
    return planned.map(p => {
      const r = results.get(p.query.Id!);
      return {
        meaning: p.meaning,
        metricName: p.query.MetricStat?.Metric?.MetricName ?? '',
        points: r?.points ?? [],
        status: r?.status,
        messages: r?.messages ?? [],
      };
    });
  }

  /** `storedBytes` of the log group with exactly this name, over every page. */
  private async storedBytes(
    region: string,
    name: string,
  ): Promise<number | undefined> {
    const client = this.logsClient(region);
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new DescribeLogGroupsCommand({
            logGroupNamePrefix: name,
            nextToken: token,
          }),
        );
      } catch (e) {
        throw UsageSourceError.from(e, {
          sourceId: this.options.id,
          region,
          operation: 'DescribeLogGroups',
        });
      }
      const hit = page.logGroups?.find(g => g.logGroupName === name);
      if (hit) return hit.storedBytes ?? 0;
      token = page.nextToken;
    } while (token);
    return undefined;
  }

  private sdkOptions(region: string) {
    return {
      region,
      endpoint: this.options.endpoint,
      credentials: this.options.credentials,
      maxAttempts: this.options.maxAttempts ?? 3,
    };
  }

  private metricsClient(region: string): CloudWatchClient {
    let c = this.metrics.get(region);
    if (!c)
      this.metrics.set(
        region,
        (c = new CloudWatchClient(this.sdkOptions(region))),
      );
    return c;
  }

  private logsClient(region: string): CloudWatchLogsClient {
    let c = this.logs.get(region);
    if (!c)
      this.logs.set(
        region,
        (c = new CloudWatchLogsClient(this.sdkOptions(region))),
      );
    return c;
  }
}

function collect(
  results: Map<
    string,
    { points: Array<[number, number]>; status?: string; messages: string[] }
  >,
  r: MetricDataResult,
) {
  if (!r.Id) return;
  const entry = results.get(r.Id) ?? { points: [], messages: [] };
  const ts = r.Timestamps ?? [];
  (r.Values ?? []).forEach((v, i) => {
    if (ts[i]) entry.points.push([new Date(ts[i]).getTime(), v]);
  });
  // The last page's status is the one that counts: PartialData on an earlier page only
  // says another page follows.
  entry.status = r.StatusCode;
  for (const m of r.Messages ?? [])
    if (m.Value) entry.messages.push(`${m.Code ?? ''} ${m.Value}`.trim());
  results.set(r.Id, entry);
}
