import type { StateInventory } from '../inventory';
import { replicationFactor } from './coefficients';
import type { ReadContext } from './ecs';
import { blocks, findAll, num, str } from './inventoryAccess';
import type { NotEstimated, StorageUsage } from './types';

/** EBS types CCF counts as HDD (`st1`, `sc1`, magnetic `standard`); the rest are SSD. */
const HDD_TYPES = ['st1', 'sc1', 'standard'];

function medium(volumeType: string | undefined): 'SSD' | 'HDD' {
  return HDD_TYPES.includes(volumeType ?? 'gp2') ? 'HDD' : 'SSD';
}

/** Resources that draw power but whose size or traffic a Terraform state does not hold. */
const UNSIZED: Record<
  string,
  { component: 'compute' | 'storage'; why: string }
> = {
  aws_lb: {
    component: 'compute',
    why: 'load balancer capacity units are not in the state',
  },
  aws_alb: {
    component: 'compute',
    why: 'load balancer capacity units are not in the state',
  },
  aws_nat_gateway: {
    component: 'compute',
    why: 'NAT traffic is not in the state',
  },
  aws_lambda_function: {
    component: 'compute',
    why: 'invocations and duration are not in the state',
  },
  aws_kinesis_stream: {
    component: 'compute',
    why: 'shard hours are not in the state',
  },
  aws_opensearch_domain: { component: 'compute', why: 'not modelled yet' },
  aws_efs_file_system: { component: 'storage', why: 'not modelled yet' },
};

/** Storage whose size only the caller can tell us (S3, Aurora, DynamoDB). */
const SIZE_FROM_OPTIONS: Record<
  string,
  { medium: 'SSD' | 'HDD'; key: string; why: string }
> = {
  // S3 is HDD in CCF (HDD_USAGE_TYPES); storage class is not in the state, so STANDARD.
  aws_s3_bucket: {
    medium: 'HDD',
    key: 'S3',
    why: 'bucket size is not in the state',
  },
  aws_rds_cluster: {
    medium: 'SSD',
    key: 'RDS_AURORA',
    why: 'Aurora volume size is not in the state (allocated_storage is a placeholder)',
  },
  aws_dynamodb_table: {
    medium: 'SSD',
    key: 'DYNAMO_DB',
    why: 'table size is not in the state',
  },
  // Log storage bills as TimedStorage-ByteHrs, which CCF counts as HDD; CCF has no
  // CloudWatch replication factor, so its DEFAULT (1) applies.
  aws_cloudwatch_log_group: {
    medium: 'HDD',
    key: 'DEFAULT',
    why: 'stored log volume is not in the state',
  },
};

/**
 * Provisioned storage, by medium and CCF replication factor, plus every energy-using
 * resource we cannot size, each recorded in `notEstimated`.
 */
export function readStorage(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  sizes: Record<string, number>,
  notEstimated: NotEstimated[],
): StorageUsage[] {
  const out: StorageUsage[] = [];
  const add = (
    address: string,
    region: string | undefined,
    gigabytes: number | undefined,
    m: 'SSD' | 'HDD',
    key: string,
  ) => {
    if (!gigabytes) return;
    out.push({
      address,
      medium: m,
      gigabytes,
      region: ctx.regionOf(region),
      replicationFactor: replicationFactor(key),
      replicationKey: key,
    });
  };
  for (const { instance, a } of findAll(inventories, 'aws_ebs_volume')) {
    add(
      instance.address,
      instance.region,
      num(a, 'size'),
      medium(str(a, 'type')),
      'EC2_EBS_VOLUME',
    );
  }
  for (const { instance, a } of findAll(inventories, 'aws_instance')) {
    for (const b of [
      ...blocks(a, 'root_block_device'),
      ...blocks(a, 'ebs_block_device'),
    ]) {
      const name = `${instance.address}/${str(b, 'device_name') ?? 'root'}`;
      add(
        name,
        instance.region,
        num(b, 'volume_size'),
        medium(str(b, 'volume_type')),
        'EC2_EBS_VOLUME',
      );
    }
  }
  for (const { instance, a } of findAll(inventories, 'aws_db_instance')) {
    // RDS: gp2/gp3/io1/io2 are SSD, `standard` is magnetic; Multi-AZ keeps 2 copies.
    const key = a.multi_az === true ? 'RDS_MULTI_AZ' : 'DEFAULT';
    add(
      instance.address,
      instance.region,
      num(a, 'allocated_storage'),
      medium(str(a, 'storage_type')),
      key,
    );
  }
  for (const { instance, a } of findAll(inventories, 'aws_msk_cluster')) {
    // CCF has no MSK replication factor (AmazonMSK is not in ReplicationFactors.ts), so 1;
    // Kafka's own topic replication is already in the provisioned broker volumes.
    const group = blocks(a, 'broker_node_group_info')[0];
    const ebs =
      group &&
      blocks(blocks(group, 'storage_info')[0] ?? {}, 'ebs_storage_info')[0];
    const perBroker = ebs ? num(ebs, 'volume_size') : undefined;
    const brokers = num(a, 'number_of_broker_nodes') ?? 0;
    add(
      instance.address,
      instance.region,
      perBroker && perBroker * brokers,
      'SSD',
      'DEFAULT',
    );
  }
  for (const [type, rule] of Object.entries(SIZE_FROM_OPTIONS)) {
    for (const { instance, a } of findAll(inventories, type)) {
      if (type === 'aws_rds_cluster' && !/^aurora/.test(str(a, 'engine') ?? ''))
        continue;
      const given = sizes[instance.address];
      if (given !== undefined) {
        add(instance.address, instance.region, given, rule.medium, rule.key);
      } else {
        notEstimated.push({
          address: instance.address,
          component: 'storage',
          reason: rule.why,
        });
      }
    }
  }
  for (const [type, { component, why }] of Object.entries(UNSIZED)) {
    for (const { instance } of findAll(inventories, type)) {
      notEstimated.push({ address: instance.address, component, reason: why });
    }
  }
  return out;
}
