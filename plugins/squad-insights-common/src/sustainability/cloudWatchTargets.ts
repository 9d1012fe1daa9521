import type { StateInventory } from '../inventory';
import { findAll, lastSegment, str } from './inventoryAccess';

/** What CloudWatch can tell about one Terraform resource. @public */
export type CloudWatchTargetKind =
  | 'ec2'
  | 'ecs'
  | 'rds'
  | 's3'
  | 'aurora-volume'
  | 'alb'
  | 'log-group';

/**
 * One resource to ask CloudWatch about, with the metric dimensions CloudWatch files it
 * under (namespace and dimension names as in the AWS metric reference). Log groups have
 * no dimensions: their `storedBytes` comes from `DescribeLogGroups`, by name.
 *
 * @public
 */
export interface CloudWatchTarget {
  /** Terraform instance address: the key the measured figures are stored under. */
  address: string;
  kind: CloudWatchTargetKind;
  /** Region from the inventory; absent when the inventory has none. */
  region?: string;
  namespace?: string;
  dimensions: Record<string, string>;
  /** For log groups: the group's name. */
  logGroupName?: string;
}

/**
 * The CloudWatch targets of a service from its Terraform inventories, by the ids and
 * names the state already holds: `aws_instance.id`, the ECS service's `name` and cluster
 * ARN, RDS `identifier`, `aws_s3_bucket.bucket`, Aurora `cluster_identifier`, an
 * application load balancer's `arn_suffix` and a log group's `name`. Resources missing
 * the attribute are skipped (they stay "not estimated" with their own reason).
 *
 * @public
 */
export function cloudWatchTargets(
  inventories: readonly StateInventory[],
): CloudWatchTarget[] {
  const out: CloudWatchTarget[] = [];
  const push = (
    f: { instance: { address: string; region?: string } },
    t: Omit<CloudWatchTarget, 'address' | 'region'>,
  ) =>
    out.push({ address: f.instance.address, region: f.instance.region, ...t });

  for (const f of findAll(inventories, 'aws_instance')) {
    const id = str(f.a, 'id');
    if (id)
      push(f, {
        kind: 'ec2',
        namespace: 'AWS/EC2',
        dimensions: { InstanceId: id },
      });
  }
  for (const f of findAll(inventories, 'aws_ecs_service')) {
    const name = str(f.a, 'name');
    const cluster = str(f.a, 'cluster');
    if (name && cluster) {
      push(f, {
        kind: 'ecs',
        namespace: 'AWS/ECS',
        dimensions: { ClusterName: lastSegment(cluster), ServiceName: name },
      });
    }
  }
  for (const f of findAll(
    inventories,
    'aws_db_instance',
    'aws_rds_cluster_instance',
  )) {
    const id = str(f.a, 'identifier');
    if (id) {
      push(f, {
        kind: 'rds',
        namespace: 'AWS/RDS',
        dimensions: { DBInstanceIdentifier: id },
      });
    }
  }
  for (const f of findAll(inventories, 'aws_rds_cluster')) {
    const id = str(f.a, 'cluster_identifier');
    if (id && /^aurora/.test(str(f.a, 'engine') ?? '')) {
      push(f, {
        kind: 'aurora-volume',
        namespace: 'AWS/RDS',
        dimensions: { DbClusterIdentifier: id },
      });
    }
  }
  for (const f of findAll(inventories, 'aws_s3_bucket')) {
    const bucket = str(f.a, 'bucket');
    if (bucket) {
      push(f, {
        kind: 's3',
        namespace: 'AWS/S3',
        dimensions: { BucketName: bucket },
      });
    }
  }
  for (const f of findAll(inventories, 'aws_lb', 'aws_alb')) {
    const suffix = str(f.a, 'arn_suffix');
    const type = str(f.a, 'load_balancer_type') ?? 'application';
    // Network load balancers report under AWS/NetworkELB with other metric names.
    if (suffix && type === 'application') {
      push(f, {
        kind: 'alb',
        namespace: 'AWS/ApplicationELB',
        dimensions: { LoadBalancer: suffix },
      });
    }
  }
  for (const f of findAll(inventories, 'aws_cloudwatch_log_group')) {
    const name = str(f.a, 'name');
    if (name)
      push(f, { kind: 'log-group', dimensions: {}, logGroupName: name });
  }
  return out;
}
