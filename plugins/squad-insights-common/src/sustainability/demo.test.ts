import { analyseService } from './analyse';
import { DAYS_PER_MONTH } from './footprint';
import { demoInventory } from './__testUtils__/demo';

const WEEK = Date.parse('2025-01-15T12:00:00Z'); // an ordinary week, no DST change

describe('payment-processing demo state, end to end', () => {
  const {
    usage,
    footprint: fp,
    advice,
    heatmap,
  } = analyseService(
    'payment-processing',
    [demoInventory('payment-processing')],
    {
      criticality: 'critical',
      weekOf: WEEK,
      allowedRegions: ['eu-north-1', 'eu-west-1'],
    },
  );

  it('reads Fargate with its schedule, two Aurora r6g.xlarge and three MSK brokers', () => {
    expect(
      usage.compute.map(c => [
        c.address,
        c.declaredType,
        c.vcpus,
        c.unitHoursPerDay,
      ]),
    ).toEqual([
      [
        'module.service.aws_ecs_service.this',
        'fargate 1024 CPU units / 2048 MiB',
        1,
        (333 * 24) / 168,
      ],
      [
        'module.database.aws_rds_cluster_instance.this[0]',
        'db.r6g.xlarge',
        4,
        24,
      ],
      [
        'module.database.aws_rds_cluster_instance.this[1]',
        'db.r6g.xlarge',
        4,
        24,
      ],
      ['module.kafka.aws_msk_cluster.this', 'kafka.m5.large', 2, 72],
    ]);
    expect(usage.storage).toEqual([
      expect.objectContaining({
        address: 'module.kafka.aws_msk_cluster.this',
        gigabytes: 3000,
        medium: 'SSD',
      }),
    ]);
  });

  it('has sane magnitudes: a few kWh and well under a kg CO2e per day in Stockholm', () => {
    expect(fp.primaryRegion).toBe('eu-north-1');
    expect(fp.kwhPerDay).toBeGreaterThan(1);
    expect(fp.kwhPerDay).toBeLessThan(3);
    expect(fp.co2eKgPerDay).toBeGreaterThan(0.1);
    expect(fp.co2eKgPerDay).toBeLessThan(0.5);
    // With an 8.8 g/kWh grid, embodied emissions dominate.
    expect(fp.breakdown.embodied.co2eKgPerDay).toBeGreaterThan(
      fp.co2eKgPerDay / 2,
    );
  });

  it('adds up: kWh without embodied, CO2e with it, a month of 30.4375 days', () => {
    const b = fp.breakdown;
    expect(fp.kwhPerDay).toBeCloseTo(
      b.compute.kwhPerDay +
        b.memory.kwhPerDay +
        b.storage.kwhPerDay +
        b.network.kwhPerDay,
      12,
    );
    expect(b.embodied.kwhPerDay).toBe(0);
    expect(fp.co2eKgPerDay).toBeCloseTo(
      Object.values(b).reduce((s, p) => s + p.co2eKgPerDay, 0),
      12,
    );
    expect(fp.co2eKgPerMonth).toBeCloseTo(fp.co2eKgPerDay * DAYS_PER_MONTH, 12);
    expect(fp.carbonTaxSekPerMonth).toBeCloseTo(fp.co2eKgPerMonth * 1.25, 12);
    expect(fp.renewableShare).toBe(0.69);
    expect(fp.meetsRenewableThreshold).toBe(true);
  });

  it('lists what it could not estimate', () => {
    expect(fp.notEstimated.map(n => `${n.address} ${n.component}`)).toEqual([
      'module.service.aws_ecs_service.this embodied',
      'module.storage.aws_s3_bucket.access_logs storage',
      'module.storage.aws_s3_bucket.backup storage',
      'module.storage.aws_s3_bucket.backup_access_logs storage',
      'module.storage.aws_s3_bucket.data storage',
      'module.database.aws_rds_cluster.this storage',
      'module.database.aws_cloudwatch_log_group.postgresql storage',
      'module.kafka.aws_cloudwatch_log_group.broker storage',
      'module.service.aws_cloudwatch_log_group.this storage',
      'module.service.aws_lb.this compute',
      'payment-processing:network network',
    ]);
    expect(fp.coverage).toEqual({
      made: 8,
      notMade: 11,
      notMadeShare: 11 / 19,
    });
  });

  it('a critical service only gets the region comparison, reported even though it is worse', () => {
    expect(advice.map(a => a.kind)).toEqual(['move-region']);
    expect(advice[0].region).toBe('eu-west-1');
    expect(advice[0].co2eKgPerMonthSaved).toBeLessThan(0);
    expect(advice[0].summary).toMatch(/to eu-west-1 adds/);
  });

  it('gives the heatmap in Stockholm time', () => {
    expect(heatmap?.timeZone).toBe('Europe/Stockholm');
    expect(heatmap?.capacity[0].slice(6, 8)).toEqual([2, 3]);
    expect(heatmap?.band[0][23]).toBe('high');
  });
});

describe('user-identity demo state', () => {
  it('flags the Redis cache.r7g.large nodes instead of counting them as zero', () => {
    const { footprint } = analyseService(
      'user-identity',
      [demoInventory('user-identity')],
      {
        criticality: 'high',
        weekOf: WEEK,
      },
    );
    expect(footprint.notEstimated).toContainEqual({
      address: 'module.cache.aws_elasticache_replication_group.this',
      component: 'compute',
      reason: "unknown instance type cache.r7g.large: not in CCF's tables",
    });
  });
});
