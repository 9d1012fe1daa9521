import type { StateInventory } from '../inventory';
import { resolveInstanceType } from './coefficients';
import type { ReadContext } from './ecs';
import { blocks, findAll, Found, num, str } from './inventoryAccess';
import type { ComputeUsage, NotEstimated } from './types';

type Kind = 'ec2' | 'rds' | 'elasticache' | 'msk';

/** Builds a 24/7 compute item, or records why it cannot be estimated. */
function always(
  found: Found,
  kind: Kind,
  declared: string | undefined,
  units: number,
  ctx: ReadContext,
  notEstimated: NotEstimated[],
  replicationFactor = 1,
): ComputeUsage | undefined {
  const address = found.instance.address;
  if (!declared) {
    notEstimated.push({
      address,
      component: 'compute',
      reason: 'no instance type in state',
    });
    return undefined;
  }
  const r = resolveInstanceType(kind, declared);
  if (!r.vcpus) {
    notEstimated.push({
      address,
      component: 'compute',
      reason: `unknown instance type ${declared}: not in CCF's tables`,
    });
    notEstimated.push({
      address,
      component: 'embodied',
      reason: `unknown instance type ${declared}`,
    });
    return undefined;
  }
  if (!r.spec) {
    notEstimated.push({
      address,
      component: 'embodied',
      reason: `${declared} has vCPUs in CCF's ${kind} table but no EC2 equivalent with embodied data`,
    });
  }
  return {
    address,
    kind,
    declaredType: declared,
    ec2Type: r.ec2Type,
    vcpus: r.vcpus,
    region: ctx.regionOf(found.instance.region),
    unitHoursPerDay: units * 24,
    replicaSource: 'static',
    replicationFactor,
  };
}

/** EC2 instances and the desired capacity of Auto Scaling groups. */
export function readEc2(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  notEstimated: NotEstimated[],
  assumptions: string[],
): ComputeUsage[] {
  const out: ComputeUsage[] = [];
  for (const f of findAll(inventories, 'aws_instance')) {
    const state = str(f.a, 'instance_state');
    if (state && state !== 'running') continue; // a stopped instance draws no compute power
    const item = always(
      f,
      'ec2',
      str(f.a, 'instance_type'),
      1,
      ctx,
      notEstimated,
    );
    if (item) out.push(item);
  }
  const templates = new Map<string, string | undefined>();
  for (const { a } of findAll(
    inventories,
    'aws_launch_template',
    'aws_launch_configuration',
  )) {
    for (const key of [str(a, 'id'), str(a, 'name')]) {
      if (key) templates.set(key, str(a, 'instance_type'));
    }
  }
  for (const f of findAll(inventories, 'aws_autoscaling_group')) {
    const lt = blocks(f.a, 'launch_template')[0];
    const ref = lt
      ? str(lt, 'id') ?? str(lt, 'name')
      : str(f.a, 'launch_configuration');
    const desired = num(f.a, 'desired_capacity') ?? num(f.a, 'min_size') ?? 0;
    const type = ref ? templates.get(ref) : undefined;
    if (!type) {
      notEstimated.push({
        address: f.instance.address,
        component: 'compute',
        reason:
          'launch template/configuration with an instance type not found (mixed instances policies are not read)',
      });
      continue;
    }
    const item = always(f, 'ec2', type, desired, ctx, notEstimated);
    if (item) out.push(item);
    assumptions.push(
      `${f.instance.address}: ${desired} × ${type} around the clock (desired_capacity; aws_autoscaling_schedule is not read)`,
    );
  }
  return out;
}

/** RDS instances, Aurora cluster instances, ElastiCache nodes and MSK brokers. */
export function readManaged(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  notEstimated: NotEstimated[],
): ComputeUsage[] {
  const out: ComputeUsage[] = [];
  const push = (item: ComputeUsage | undefined) => item && out.push(item);
  for (const f of findAll(inventories, 'aws_db_instance')) {
    // CCF's test ("EC2, RDS and EFS with replication factors", Multi-AZUsage:db.r5.12xl)
    // doubles compute and memory of a Multi-AZ instance: the standby runs too.
    const rf = f.a.multi_az === true ? 2 : 1;
    push(
      always(f, 'rds', str(f.a, 'instance_class'), 1, ctx, notEstimated, rf),
    );
  }
  for (const f of findAll(inventories, 'aws_rds_cluster_instance')) {
    const cls = str(f.a, 'instance_class');
    if (cls === 'db.serverless') {
      notEstimated.push({
        address: f.instance.address,
        component: 'compute',
        reason: 'Aurora Serverless v2: ACUs used are not in the state',
      });
      continue;
    }
    push(always(f, 'rds', cls, 1, ctx, notEstimated));
  }
  for (const f of findAll(inventories, 'aws_elasticache_replication_group')) {
    const groups = num(f.a, 'num_node_groups') ?? 1;
    const replicas = num(f.a, 'replicas_per_node_group');
    const nodes =
      str(f.a, 'cluster_mode') === 'enabled' || f.a.cluster_enabled === true
        ? groups * ((replicas ?? 0) + 1)
        : num(f.a, 'num_cache_clusters') ?? groups * ((replicas ?? 0) + 1);
    push(
      always(f, 'elasticache', str(f.a, 'node_type'), nodes, ctx, notEstimated),
    );
  }
  for (const f of findAll(inventories, 'aws_elasticache_cluster')) {
    if (str(f.a, 'replication_group_id')) continue; // counted with its replication group
    const nodes = num(f.a, 'num_cache_nodes') ?? 1;
    push(
      always(f, 'elasticache', str(f.a, 'node_type'), nodes, ctx, notEstimated),
    );
  }
  for (const f of findAll(inventories, 'aws_msk_cluster')) {
    const group = blocks(f.a, 'broker_node_group_info')[0];
    const brokers = num(f.a, 'number_of_broker_nodes') ?? 0;
    const type = group ? str(group, 'instance_type') : undefined;
    push(always(f, 'msk', type, brokers, ctx, notEstimated));
  }
  return out;
}
