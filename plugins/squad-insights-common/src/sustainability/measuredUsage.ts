import type { StateInventory } from '../inventory';
import type { ReadContext } from './ecs';
import { findAll } from './inventoryAccess';
import type { MeasuredUsage } from './measured';
import type { ComputeUsage, LoadBalancerUsage, NotEstimated } from './types';

/**
 * Puts measured CPU utilisation on the compute items it belongs to. An item keeps CCF's
 * default when nothing was measured for it, and the assumptions say which did which.
 */
export function applyMeasuredCompute(
  compute: ComputeUsage[],
  measured: MeasuredUsage | undefined,
  assumptions: string[],
): void {
  const byAddress = measured?.cpuUtilizationPct ?? {};
  const unmeasured: string[] = [];
  for (const c of compute) {
    const pct = byAddress[c.address];
    if (pct !== undefined && Number.isFinite(pct) && pct >= 0 && pct <= 100) {
      c.cpuUtilizationPct = pct;
      assumptions.push(
        `${c.address}: CPU utilisation ${pct.toFixed(1)} % measured (${
          measured!.source
        }) in CCF's formula`,
      );
    } else if (measured) {
      unmeasured.push(c.address);
    }
  }
  if (unmeasured.length) {
    assumptions.push(
      `${unmeasured.join(
        ', ',
      )}: no CPU utilisation measured, CCF's default used`,
    );
  }
}

/**
 * Application load balancers whose traffic was measured. Each one measured is taken off
 * `notEstimated` (where the inventory reader put it) and counted as traffic instead.
 */
export function readLoadBalancers(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  measured: MeasuredUsage | undefined,
  notEstimated: NotEstimated[],
): LoadBalancerUsage[] {
  const byAddress = measured?.loadBalancers ?? {};
  const out: LoadBalancerUsage[] = [];
  for (const { instance } of findAll(inventories, 'aws_lb', 'aws_alb')) {
    const m = byAddress[instance.address];
    if (!m) continue;
    out.push({
      address: instance.address,
      region: ctx.regionOf(instance.region),
      processedGbPerDay: m.processedGbPerDay,
      requestsPerDay: m.requestsPerDay,
    });
    const i = notEstimated.findIndex(
      n => n.address === instance.address && n.component === 'compute',
    );
    if (i >= 0) notEstimated.splice(i, 1);
  }
  return out;
}
