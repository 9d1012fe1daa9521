import { estimateServiceFootprint } from './footprint';
import { inventoryOf } from './__testUtils__/tfstate';
import { readServiceUsage } from './usage';

const WEEK = Date.parse('2025-01-15T12:00:00Z');

describe('unknown types are flagged, never counted as zero', () => {
  it('an EC2 type CCF does not know', () => {
    const usage = readServiceUsage(
      [
        inventoryOf({
          type: 'aws_instance',
          name: 'x',
          region: 'eu-north-1',
          attributes: { instance_type: 'x9z.mega' },
        }),
      ],
      { weekOf: WEEK, networkGbPerDay: 0 },
    );
    expect(usage.compute).toEqual([]);
    expect(usage.notEstimated).toEqual([
      {
        address: 'aws_instance.x',
        component: 'compute',
        reason: "unknown instance type x9z.mega: not in CCF's tables",
      },
      {
        address: 'aws_instance.x',
        component: 'embodied',
        reason: 'unknown instance type x9z.mega',
      },
    ]);
  });

  it('cache.r7g.large (in the demo) is in none of CCF’s tables; the share of estimates not made says so', () => {
    const fp = estimateServiceFootprint(
      'cache-only',
      [
        inventoryOf(
          {
            type: 'aws_elasticache_replication_group',
            name: 'r',
            region: 'eu-north-1',
            attributes: { node_type: 'cache.r7g.large', num_cache_clusters: 2 },
          },
          {
            type: 'aws_elasticache_replication_group',
            name: 'ok',
            region: 'eu-north-1',
            attributes: { node_type: 'cache.r6g.large', num_cache_clusters: 2 },
          },
        ),
      ],
      { weekOf: WEEK, networkGbPerDay: 0 },
    );
    expect(fp.notEstimated.map(n => `${n.address}/${n.component}`)).toEqual([
      'aws_elasticache_replication_group.r/compute',
      'aws_elasticache_replication_group.r/embodied',
    ]);
    // made: r6g compute + embodied + network (0 GB given); not made: 2
    expect(fp.coverage).toEqual({ made: 3, notMade: 2, notMadeShare: 0.4 });
    expect(fp.items[0].address).toBe('aws_elasticache_replication_group.ok');
  });

  it('RDS types missing from CCF’s RDS table fall back to the EC2 table, as CCF does', () => {
    const usage = readServiceUsage(
      [
        inventoryOf({
          type: 'aws_db_instance',
          name: 'db',
          region: 'eu-north-1',
          attributes: {
            instance_class: 'db.t4g.large',
            multi_az: true,
            allocated_storage: 50,
            storage_type: 'gp3',
          },
        }),
      ],
      { weekOf: WEEK },
    );
    expect(usage.compute[0]).toMatchObject({
      vcpus: 2,
      ec2Type: 't4g.large',
      replicationFactor: 2,
      unitHoursPerDay: 24,
    });
  });
});

describe('storage by medium and CCF replication factor', () => {
  it('maps EBS, RDS, MSK and sized S3; unsized S3 and Aurora are listed', () => {
    const usage = readServiceUsage(
      [
        inventoryOf(
          {
            type: 'aws_ebs_volume',
            name: 'fast',
            region: 'eu-north-1',
            attributes: { size: 100, type: 'gp3' },
          },
          {
            type: 'aws_ebs_volume',
            name: 'cold',
            region: 'eu-north-1',
            attributes: { size: 500, type: 'sc1' },
          },
          {
            type: 'aws_db_instance',
            name: 'mag',
            region: 'eu-north-1',
            attributes: {
              instance_class: 'db.m5.large',
              multi_az: true,
              allocated_storage: 20,
              storage_type: 'standard',
            },
          },
          {
            type: 'aws_msk_cluster',
            name: 'k',
            region: 'eu-north-1',
            attributes: {
              number_of_broker_nodes: 3,
              broker_node_group_info: [
                {
                  instance_type: 'kafka.m5.large',
                  storage_info: [{ ebs_storage_info: [{ volume_size: 1000 }] }],
                },
              ],
            },
          },
          {
            type: 'aws_s3_bucket',
            name: 'sized',
            region: 'eu-west-1',
            attributes: {},
          },
          {
            type: 'aws_s3_bucket',
            name: 'unsized',
            region: 'eu-west-1',
            attributes: {},
          },
          {
            type: 'aws_rds_cluster',
            name: 'aurora',
            region: 'eu-north-1',
            attributes: { engine: 'aurora-postgresql', allocated_storage: 1 },
          },
        ),
      ],
      { weekOf: WEEK, storageGbByAddress: { 'aws_s3_bucket.sized': 250 } },
    );
    expect(
      usage.storage.map(s => [
        s.address,
        s.medium,
        s.gigabytes,
        s.replicationFactor,
      ]),
    ).toEqual([
      ['aws_ebs_volume.fast', 'SSD', 100, 2],
      ['aws_ebs_volume.cold', 'HDD', 500, 2],
      ['aws_db_instance.mag', 'HDD', 20, 2],
      ['aws_msk_cluster.k', 'SSD', 3000, 1],
      ['aws_s3_bucket.sized', 'HDD', 250, 6],
    ]);
    expect(usage.notEstimated.map(n => n.address)).toEqual([
      'aws_s3_bucket.unsized',
      'aws_rds_cluster.aurora',
      'service:network',
    ]);
  });
});
