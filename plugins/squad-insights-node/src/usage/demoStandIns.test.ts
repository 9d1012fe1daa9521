import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  analyseService,
  cloudWatchTargets,
  Criticality,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
// The demo's stand-ins are no package of their own; their test lives here, where jest runs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  CloudWatchStandIn,
  startCloudWatchStandIn,
} from '../../../../demo/cloudwatch/standIn';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  IntensityStandIn,
  startIntensityStandIn,
} from '../../../../demo/intensity/standIn';
import { ElectricityMapsClient } from '../intensity/ElectricityMapsClient';
import { parseState } from '../terraform/parse';
import { ConfigReader } from '@backstage/config';
import { CloudWatchUsageSource } from './CloudWatchUsageSource';
import { readUsageSources } from './config';

const NOW = new Date('2026-12-02T12:00:00Z');
const root = resolve(__dirname, '../../../../demo/terraform');

async function demoInventory(service: string): Promise<StateInventory> {
  const text = readFileSync(
    resolve(root, service, 'terraform.tfstate'),
    'utf8',
  );
  return parseState(text, {
    sourceId: 'demo',
    key: `${service}/terraform.tfstate`,
  });
}

describe('demo stand-ins: measured usage and hourly intensity end to end', () => {
  let cw: CloudWatchStandIn;
  let em: IntensityStandIn;
  beforeAll(async () => {
    cw = await startCloudWatchStandIn({ port: 0 });
    em = await startIntensityStandIn({
      port: 0,
      token: 'demo-token',
      now: () => NOW.getTime(),
    });
  });
  afterAll(async () => {
    await cw.close();
    await em.close();
  });

  async function analyse(service: string, criticality: Criticality) {
    const inventory = await demoInventory(service);
    const source = new CloudWatchUsageSource({
      id: 'demo',
      defaultRegion: 'eu-north-1',
      endpoint: cw.url,
      credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
      maxAttempts: 1,
      now: () => NOW,
    });
    const reading = await source.read(cloudWatchTargets([inventory]));
    const intensity = await new ElectricityMapsClient({
      baseUrl: em.url,
      token: 'demo-token',
    }).history('SE3');
    return {
      reading,
      intensity,
      analysis: analyseService(service, [inventory], {
        criticality,
        weekOf: NOW,
        measured: reading.measured,
        intensity: { SE3: intensity },
      }),
    };
  }

  it('payment-processing: "not estimated" falls from 58 % to what truly has no data', async () => {
    const { reading, analysis } = await analyse(
      'payment-processing',
      'critical',
    );
    const fp = analysis.footprint;
    expect(reading.missing).toEqual([]);
    // Only Fargate's embodied emissions remain: CCF has no embodied figure for Fargate.
    expect(fp.notEstimated.map(n => `${n.address} ${n.component}`)).toEqual([
      'module.service.aws_ecs_service.this embodied',
    ]);
    expect(fp.coverage.notMadeShare).toBeLessThan(0.15);
    expect(fp.kwhPerTransaction).toBeGreaterThan(0);
    expect(fp.factors?.find(f => f.region === 'eu-north-1')).toMatchObject({
      pue: 1.135,
    });
    expect(fp.assumptions.join('\n')).toMatch(
      /CPU utilisation \d+\.\d % measured \(CloudWatch \(source demo\)\)/,
    );
    // Critical: availability first, no green-hours advice.
    expect(analysis.advice.map(a => a.kind)).not.toContain(
      'shift-to-green-hours',
    );
  });

  it('reads through the config the demo uses: an aws account entry and the stand-in endpoint', async () => {
    const [source] = readUsageSources(
      new ConfigReader({
        aws: {
          accounts: [
            {
              accountId: '123456789012',
              accessKeyId: 'demo-stand-in',
              secretAccessKey: 'demo-stand-in',
            },
          ],
        },
        squadInsights: {
          sustainability: {
            usage: {
              cloudwatch: [
                {
                  id: 'demo',
                  region: 'eu-north-1',
                  accountId: '123456789012',
                  endpoint: cw.url,
                },
              ],
            },
          },
        },
      }),
    );
    expect(source.covers('component:default/payment-processing')).toBe(true);
    const reading = await source.read(
      cloudWatchTargets([await demoInventory('payment-processing')]),
    );
    expect(Object.keys(reading.measured.storageGb ?? {})).toContain(
      'module.storage.aws_s3_bucket.data',
    );
  });

  it('a low-criticality scheduled service gets a non-zero monthly saving in kg and SEK', async () => {
    const { analysis, intensity } = await analyse('podcast-ingest', 'low');
    expect(intensity.points).toHaveLength(24);
    const shift = analysis.advice.find(a => a.kind === 'shift-to-green-hours');
    expect(shift?.co2eKgPerMonthSaved).toBeGreaterThan(0);
    expect(shift?.sekPerMonthSaved).toBeCloseTo(
      shift!.co2eKgPerMonthSaved * 1.25,
      12,
    );
    expect(shift?.summary).toMatch(/SE3's hourly intensity/);
    // The heatmap colours by SE3's hours: the cleanest stored hour is cleaner than the dirtiest.
    const cells = analysis
      .heatmap!.intensity!.flat()
      .filter((v): v is number => v !== null);
    expect(cells).toHaveLength(168);
    expect(Math.min(...cells)).toBeLessThan(Math.max(...cells));
    expect(analysis.heatmap?.intensitySource).toMatch(
      /^SE3: .*24 stored hours/,
    );
  });
});
