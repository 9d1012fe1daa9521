import type { StateInventory } from '../inventory';
import { readEc2, readManaged } from './compute';
import { ReadContext, readFargate, scheduledActionsByResource } from './ecs';
import { readAzureCompute } from './azure';
import { readAzureStorage } from './azureStorage';
import { readGcpCompute, readGcpStorage } from './gcp';
import { readStorage } from './storage';
import { applyMeasuredCompute, readLoadBalancers } from './measuredUsage';
import type { MeasuredUsage } from './measured';
import type { NotEstimated, ServiceUsage } from './types';

/** What the usage reader needs besides the inventories. @public */
export interface UsageOptions {
  /** Service name, used to label service-level gaps such as network traffic. */
  service?: string;
  /**
   * The service's primary region. Default: the most common region of its compute. Resources
   * whose inventory has no region are placed in it.
   */
  region?: string;
  /**
   * Healthy instances Consul reports for the service. When given it replaces the scheduled
   * replica count for the ECS service in every hour of the week; the schedule is still
   * read and kept, for the heatmap and for the off-hours advice.
   */
  observedHealthyInstances?: number;
  /** Any instant in the reference week (local Monday to Monday); default now. */
  weekOf?: Date | number;
  /** Zone of the week; default the first scheduled action's zone, else Europe/Stockholm. */
  timeZone?: string;
  /**
   * Sizes the state cannot hold (S3, Aurora, DynamoDB, GCS buckets, Azure storage accounts),
   * in GB, by instance address.
   */
  storageGbByAddress?: Record<string, number>;
  /** Data transfer of the service in GB per day, if known from elsewhere. */
  networkGbPerDay?: number;
  /**
   * Usage measured by CloudWatch: per-resource CPU utilisation, sizes, load balancer
   * traffic and network out. Explicit `storageGbByAddress`/`networkGbPerDay` win over it.
   */
  measured?: MeasuredUsage;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, c] of counts) if (!best || c > counts.get(best)!) best = v;
  return best;
}

/**
 * Reads what a service runs from its Terraform inventories: compute (EC2, Auto Scaling
 * groups, Fargate services with their schedules, RDS, Aurora, ElastiCache, MSK; Compute
 * Engine, GKE node pools, Cloud SQL; Azure VMs, scale sets, AKS node pools, vCore databases)
 * and provisioned storage. Anything that uses energy but cannot be sized is listed in
 * `notEstimated` instead of being counted as zero.
 *
 * @public
 */
export function readServiceUsage(
  inventories: readonly StateInventory[],
  options: UsageOptions = {},
): ServiceUsage {
  const notEstimated: NotEstimated[] = [];
  const assumptions: string[] = [];
  const actions = scheduledActionsByResource(inventories);
  const firstZone = [...actions.values()]
    .flat()
    .find(a => a.timezone)?.timezone;
  const ctx: ReadContext = {
    weekOf: options.weekOf ?? Date.now(),
    timeZone: options.timeZone ?? firstZone ?? 'Europe/Stockholm',
    observedHealthyInstances: options.observedHealthyInstances,
    // Regionless resources are placed in the primary region once it is known (below).
    regionOf: region => region || '',
  };
  const compute = [
    ...readFargate(inventories, ctx, actions, notEstimated, assumptions),
    ...readEc2(inventories, ctx, notEstimated, assumptions),
    ...readManaged(inventories, ctx, notEstimated),
    ...readGcpCompute(inventories, ctx, notEstimated, assumptions),
    ...readAzureCompute(inventories, ctx, notEstimated, assumptions),
  ];
  const measured = options.measured;
  applyMeasuredCompute(compute, measured, assumptions);
  const sizes = { ...measured?.storageGb, ...options.storageGbByAddress };
  const storage = [
    ...readStorage(inventories, ctx, sizes, notEstimated),
    ...readGcpStorage(inventories, ctx, sizes, notEstimated),
    ...readAzureStorage(inventories, ctx, sizes, notEstimated),
  ];
  const loadBalancers = readLoadBalancers(
    inventories,
    ctx,
    measured,
    notEstimated,
  );
  const networkGbPerDay = options.networkGbPerDay ?? measured?.networkGbPerDay;
  if (networkGbPerDay === undefined) {
    notEstimated.push({
      address: `${options.service ?? 'service'}:network`,
      component: 'network',
      reason:
        'data transfer is not in Terraform state; counted as 0 until networkGbPerDay is given',
    });
  }
  if (options.observedHealthyInstances !== undefined) {
    assumptions.push(
      `ECS replicas: observed healthy count ${options.observedHealthyInstances} in every hour (Consul)`,
    );
  } else if (compute.some(c => c.replicaSource === 'schedule')) {
    assumptions.push(
      'ECS replicas: each scheduled action’s min_capacity until the next action fires',
    );
  }
  const known = (list: { region: string }[]) =>
    mostCommon(list.map(x => x.region).filter(Boolean));
  const primaryRegion =
    options.region ?? known(compute) ?? known(storage) ?? 'unknown';
  const regionless = [...compute, ...storage, ...loadBalancers].filter(
    x => !x.region,
  );
  for (const x of regionless) x.region = primaryRegion;
  if (regionless.length) {
    assumptions.push(
      `${regionless
        .map(x => x.address)
        .join(', ')}: no region in the inventory, placed in ${primaryRegion}`,
    );
  }
  return {
    compute,
    storage,
    networkGbPerDay,
    loadBalancers: loadBalancers.length ? loadBalancers : undefined,
    measured: measured && {
      source: measured.source,
      measuredAt: measured.measuredAt,
      stale: Boolean(measured.stale),
      staleReason: measured.staleReason,
    },
    notEstimated,
    assumptions,
    primaryRegion,
    schedule: compute.find(c => c.schedule)?.schedule,
  };
}
