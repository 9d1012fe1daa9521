import type { ReadContext } from './ecs';
import type { Found } from './inventoryAccess';
import type {
  CcfMachineSpec,
  Cloud,
  ComputeUsage,
  NotEstimated,
} from './types';

/** A GCP or Azure machine that runs around the clock, as read from one resource. */
export interface MachineRead {
  found: Found;
  kind: ComputeUsage['kind'];
  cloud: Exclude<Cloud, 'aws'>;
  /** The type as Terraform names it (`n2-standard-4`, `Standard_D2s_v3`, `db-custom-2-7680`). */
  declared: string | undefined;
  spec: CcfMachineSpec | undefined;
  /** Machines of this type the resource runs (nodes, instances). */
  units: number;
  region: string | undefined;
  replicationFactor?: number;
  /** Memory CCF counts in full (GCP, when the name gives it). */
  memoryGb?: number;
  /** Why CCF has no memory figure for this machine, if it has none. */
  memoryGap?: string;
  /** Why CCF has no embodied figure, when the spec has none. */
  embodiedGap?: string;
}

/**
 * A 24/7 compute item for a GCP or Azure machine, or the reasons it cannot be estimated,
 * each recorded so that a gap never reads as a zero.
 */
export function machineItem(
  m: MachineRead,
  ctx: ReadContext,
  notEstimated: NotEstimated[],
): ComputeUsage | undefined {
  const address = m.found.instance.address;
  if (!m.declared) {
    notEstimated.push({
      address,
      component: 'compute',
      reason: 'no machine type in state',
    });
    return undefined;
  }
  if (!m.spec) {
    notEstimated.push(
      {
        address,
        component: 'compute',
        reason: `unknown machine type ${m.declared}: not in CCF's ${m.cloud} tables`,
      },
      {
        address,
        component: 'embodied',
        reason: `unknown machine type ${m.declared}`,
      },
    );
    return undefined;
  }
  if (!m.spec.embodiedServerTco2e) {
    notEstimated.push({
      address,
      component: 'embodied',
      reason:
        m.embodiedGap ??
        `${m.declared} has no embodied emissions in CCF's tables`,
    });
  }
  if (m.memoryGap) {
    notEstimated.push({
      address,
      component: 'compute',
      reason: `memory of ${m.declared}: ${m.memoryGap}; vCPU power counted`,
    });
  }
  return {
    address,
    kind: m.kind,
    cloud: m.cloud,
    declaredType: m.declared,
    machineSpec: m.spec,
    vcpus: m.spec.vcpu,
    memoryGb: m.memoryGb,
    region: ctx.regionOf(m.region),
    unitHoursPerDay: m.units * 24,
    replicaSource: 'static',
    replicationFactor: m.replicationFactor ?? 1,
  };
}

/** GCP zone `europe-north1-a` → region `europe-north1`; a region stays as it is. */
export function gcpRegionOf(found: Found): string | undefined {
  if (found.instance.region) return found.instance.region;
  for (const key of ['region', 'zone', 'location']) {
    const v = found.a[key];
    if (typeof v === 'string' && v) {
      const name = v.slice(v.lastIndexOf('/') + 1);
      return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(name)
        ? name.replace(/-[a-z]$/, '')
        : name.toLowerCase();
    }
  }
  return undefined;
}

/** Azure `location` (`West Europe` or `westeurope`) as one spelling. */
export function azureRegionOf(found: Found): string | undefined {
  if (found.instance.region) return found.instance.region;
  const v = found.a.location;
  return typeof v === 'string' && v
    ? v.toLowerCase().replace(/\s+/g, '')
    : undefined;
}
