/**
 * A stand-in for the two CloudWatch APIs Squad Insights reads, for the demo: GetMetricData
 * (AWS JSON 1.0, target GraniteServiceVersion20100801, as @aws-sdk/client-cloudwatch
 * speaks it) and DescribeLogGroups (AWS JSON 1.1, target Logs_20140328), on one port. It
 * serves the figures of ./model.ts for any resource it is asked about, a datapoint per
 * period, and pages GetMetricData with NextToken the way CloudWatch does. Signatures are
 * not checked.
 *
 *   npx tsx demo/cloudwatch/standIn.ts [--port 4510] [--host 127.0.0.1]
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { listenStandIn, runStandInFromCommandLine } from '../lib/standInServer';
import { dailyValue, storedBytes } from './model';

/** Datapoints per GetMetricData page, small so the demo exercises NextToken. */
const PAGE_POINTS = 200;

interface Query {
  Id: string;
  MetricStat?: {
    Metric: {
      Namespace: string;
      MetricName: string;
      Dimensions?: Array<{ Name: string; Value: string }>;
    };
    Period: number;
  };
}

function logGroupNames(): string[] {
  // Every group the demo states declare; the stand-in answers for any prefix of them.
  const root = join(__dirname, '..', 'terraform');
  const names: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    try {
      const state = JSON.parse(
        readFileSync(join(root, dir.name, 'terraform.tfstate'), 'utf8'),
      );
      for (const r of state.resources ?? []) {
        if (r.type !== 'aws_cloudwatch_log_group') continue;
        for (const i of r.instances ?? [])
          if (i.attributes?.name) names.push(i.attributes.name);
      }
    } catch {
      // a directory without a state
    }
  }
  return names.sort();
}

function getMetricData(body: {
  MetricDataQueries: Query[];
  StartTime: number;
  EndTime: number;
  NextToken?: string;
}) {
  const all: Array<{ id: string; label: string; t: number; v: number }> = [];
  for (const q of body.MetricDataQueries) {
    const m = q.MetricStat;
    if (!m) continue;
    const dims = Object.fromEntries(
      (m.Metric.Dimensions ?? []).map(d => [d.Name, d.Value]),
    );
    for (let t = body.StartTime; t < body.EndTime; t += m.Period) {
      const v = dailyValue(
        m.Metric.Namespace,
        m.Metric.MetricName,
        dims,
        Math.floor(t / 86_400),
      );
      if (v !== undefined)
        all.push({ id: q.Id, label: m.Metric.MetricName, t, v });
    }
  }
  const offset = Number(body.NextToken ?? 0);
  const page = all.slice(offset, offset + PAGE_POINTS);
  const more = offset + PAGE_POINTS < all.length;
  const results = body.MetricDataQueries.map(q => {
    const mine = page.filter(p => p.id === q.Id);
    const rest =
      more && all.slice(offset + PAGE_POINTS).some(p => p.id === q.Id);
    return {
      Id: q.Id,
      Label: q.MetricStat?.Metric.MetricName ?? q.Id,
      Timestamps: mine.map(p => p.t),
      Values: mine.map(p => p.v),
      StatusCode: rest ? 'PartialData' : 'Complete',
    };
  });
  return {
    MetricDataResults: results,
    Messages: [],
    ...(more ? { NextToken: String(offset + PAGE_POINTS) } : {}),
  };
}

function describeLogGroups(
  names: string[],
  body: { logGroupNamePrefix?: string; nextToken?: string; limit?: number },
) {
  const matching = names.filter(n =>
    n.startsWith(body.logGroupNamePrefix ?? ''),
  );
  const limit = Math.min(body.limit ?? 50, 50);
  const offset = Number(body.nextToken ?? 0);
  const page = matching.slice(offset, offset + limit);
  return {
    logGroups: page.map(n => ({
      logGroupName: n,
      creationTime: 1_700_000_000_000,
      storedBytes: storedBytes(n),
      arn: `arn:aws:logs:eu-north-1:123456789012:log-group:${n}:*`,
    })),
    ...(offset + limit < matching.length
      ? { nextToken: String(offset + limit) }
      : {}),
  };
}

/** A running stand-in. @public */
export interface CloudWatchStandIn {
  url: string;
  close(): Promise<void>;
}

/** Starts the stand-in (port 0: any free port). @public */
export async function startCloudWatchStandIn(options: {
  port?: number;
  host?: string;
}): Promise<CloudWatchStandIn> {
  const names = logGroupNames();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const send = (
        status: number,
        body: unknown,
        type: string,
        extra: Record<string, string> = {},
      ) => {
        res.writeHead(status, { 'Content-Type': type, ...extra });
        res.end(JSON.stringify(body));
      };
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        send(
          400,
          { __type: 'SerializationException', message: 'body is not JSON' },
          'application/x-amz-json-1.0',
        );
        return;
      }
      if (
        req.method === 'POST' &&
        target === 'GraniteServiceVersion20100801.GetMetricData'
      ) {
        send(
          200,
          getMetricData(body as unknown as Parameters<typeof getMetricData>[0]),
          'application/x-amz-json-1.0',
        );
      } else if (
        req.method === 'POST' &&
        target === 'Logs_20140328.DescribeLogGroups'
      ) {
        send(
          200,
          describeLogGroups(
            names,
            body as Parameters<typeof describeLogGroups>[1],
          ),
          'application/x-amz-json-1.1',
        );
      } else {
        send(
          400,
          {
            __type: 'UnknownOperationException',
            message: `not served by the stand-in: ${target}`,
          },
          'application/x-amz-json-1.0',
        );
      }
    });
  });
  return listenStandIn(server, {
    port: options.port ?? 4510,
    host: options.host,
  });
}

if (require.main === module) {
  runStandInFromCommandLine({
    name: 'CloudWatch',
    defaultPort: 4510,
    describe: 'demo metrics',
    start: startCloudWatchStandIn,
  });
}
