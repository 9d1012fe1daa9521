import type { StateInventory } from '../inventory';
import { findAll, lastSegment, num, str, blocks } from './inventoryAccess';
import { constantCapacity, ScheduledAction, weeklyCapacity } from './schedule';
import type { ComputeUsage, NotEstimated, WeeklyCapacity } from './types';

/** Settings shared by the readers. */
export interface ReadContext {
  weekOf: Date | number;
  timeZone: string;
  observedHealthyInstances?: number;
  regionOf(region: string | undefined): string;
}

/** Scheduled actions of one Application Auto Scaling target, keyed by resource_id. */
export function scheduledActionsByResource(
  inventories: readonly StateInventory[],
): Map<string, ScheduledAction[]> {
  const out = new Map<string, ScheduledAction[]>();
  for (const { a } of findAll(
    inventories,
    'aws_appautoscaling_scheduled_action',
  )) {
    const resourceId = str(a, 'resource_id');
    const target = blocks(a, 'scalable_target_action')[0];
    const capacity = target ? num(target, 'min_capacity') : undefined;
    if (!resourceId || capacity === undefined) continue;
    const list = out.get(resourceId) ?? [];
    list.push({
      name: str(a, 'name') ?? resourceId,
      schedule: str(a, 'schedule') ?? '',
      timezone: str(a, 'timezone'),
      capacity,
      startTime: str(a, 'start_time'),
      endTime: str(a, 'end_time'),
    });
    out.set(resourceId, list);
  }
  return out;
}

function taskDefinitions(inventories: readonly StateInventory[]) {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const { a } of findAll(inventories, 'aws_ecs_task_definition')) {
    for (const key of [str(a, 'arn'), str(a, 'family'), str(a, 'id')]) {
      if (key) byKey.set(key, a);
    }
    const family = str(a, 'family');
    const revision = num(a, 'revision');
    if (family && revision !== undefined) byKey.set(`${family}:${revision}`, a);
  }
  return byKey;
}

/** The replica-hours of a service: observed count, its schedule, or its desired count. */
export function replicaWeek(
  ctx: ReadContext,
  actions: ScheduledAction[],
  desired: number,
): { used: WeeklyCapacity; schedule?: WeeklyCapacity } {
  const schedule = actions.length
    ? weeklyCapacity({
        actions,
        baseCapacity: desired,
        weekOf: ctx.weekOf,
        timeZone: ctx.timeZone,
      })
    : undefined;
  if (ctx.observedHealthyInstances !== undefined) {
    const used = constantCapacity({
      capacity: ctx.observedHealthyInstances,
      weekOf: ctx.weekOf,
      timeZone: ctx.timeZone,
      source: 'observed',
    });
    return { used, schedule };
  }
  if (schedule) return { used: schedule, schedule };
  const used = constantCapacity({
    capacity: desired,
    weekOf: ctx.weekOf,
    timeZone: ctx.timeZone,
    source: 'static',
  });
  return { used };
}

/**
 * Fargate services: vCPU = task `cpu` / 1024, memory = task `memory` MiB / 1024, times the
 * replica-hours of the service. ECS services on the EC2 launch type are not counted here:
 * their energy is in the cluster's instances, which are read on their own.
 */
export function readFargate(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  actions: Map<string, ScheduledAction[]>,
  notEstimated: NotEstimated[],
  assumptions: string[],
): ComputeUsage[] {
  const defs = taskDefinitions(inventories);
  const out: ComputeUsage[] = [];
  for (const { instance, a } of findAll(inventories, 'aws_ecs_service')) {
    const strategies = blocks(a, 'capacity_provider_strategy');
    const fargate =
      str(a, 'launch_type') === 'FARGATE' ||
      strategies.some(s => /^FARGATE/.test(str(s, 'capacity_provider') ?? ''));
    if (!fargate) {
      assumptions.push(
        `${instance.address}: EC2 launch type; its energy is counted on the cluster's instances`,
      );
      continue;
    }
    const ref = str(a, 'task_definition') ?? '';
    const def = defs.get(ref) ?? defs.get(lastSegment(ref));
    const cpu = def ? num(def, 'cpu') : undefined;
    if (!def || !cpu) {
      notEstimated.push({
        address: instance.address,
        component: 'compute',
        reason: def
          ? 'task definition has no task-level cpu'
          : `task definition ${ref || '(none)'} is not in the inventory`,
      });
      continue;
    }
    const cluster = lastSegment(str(a, 'cluster') ?? '');
    const resourceId = `service/${cluster}/${str(a, 'name') ?? ''}`;
    const desired = num(a, 'desired_count') ?? 1;
    const { used, schedule } = replicaWeek(
      ctx,
      actions.get(resourceId) ?? [],
      desired,
    );
    for (const u of schedule?.unsupported ?? []) {
      assumptions.push(`${instance.address}: scheduled action ignored, ${u}`);
    }
    const memoryMiB = num(def, 'memory');
    out.push({
      address: instance.address,
      kind: 'fargate',
      declaredType: `fargate ${cpu} CPU units / ${memoryMiB ?? '?'} MiB`,
      vcpus: cpu / 1024,
      memoryGb: memoryMiB !== undefined ? memoryMiB / 1024 : undefined,
      region: ctx.regionOf(instance.region),
      unitHoursPerDay: (used.totalReplicaHours * 24) / used.hoursInWeek,
      replicaSource: used.source,
      replicationFactor: 1,
      schedule,
    });
    notEstimated.push({
      address: instance.address,
      component: 'embodied',
      reason:
        'Fargate hides the host instance type, so CCF has no embodied data for it',
    });
  }
  return out;
}
