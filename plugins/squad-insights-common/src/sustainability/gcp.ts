import type { StateInventory } from '../inventory';
import type { ReadContext } from './ecs';
import { CCF_GCP, gcpLocation, gcpMachineType } from './gcpCoefficients';
import { blocks, findAll, Found, num, str } from './inventoryAccess';
import { gcpRegionOf, machineItem } from './machines';
import type { ComputeUsage, NotEstimated, StorageUsage } from './types';

const RF = CCF_GCP.replicationFactors;

/**
 * Persistent disk medium. CCF's code picks SSD when the billing SKU's text contains "SSD",
 * which would count SSD-backed balanced and extreme disks ("Balanced PD Capacity") as HDD;
 * we follow the methodology (the disk's medium) instead. Only `pd-standard` is HDD.
 */
function diskMedium(type: string | undefined): 'SSD' | 'HDD' {
  const t = (type ?? 'pd-standard').slice((type ?? '').lastIndexOf('/') + 1);
  return /^pd-standard$|^PD_HDD$/i.test(t) ? 'HDD' : 'SSD';
}

const NO_MEMORY =
  'its memory size is not in the machine-type table (CCF reads RAM GB-hours from the bill)';

/**
 * What CCF's billing path counts of one machine type: vCPU-hours and the type's whole RAM
 * (Google bills "… Instance Ram" by the type's size), as the type's name or Google's
 * published size gives it.
 */
function gce(declared: string | undefined) {
  const spec = declared ? gcpMachineType(declared) : undefined;
  return {
    declared,
    spec,
    memoryGb: spec?.memoryGb,
    memoryGap: spec && spec.memoryGb === undefined ? NO_MEMORY : undefined,
    embodiedGap:
      spec && !spec.embodiedServerTco2e
        ? `custom machine type ${declared}: CCF has embodied emissions for predefined types only`
        : undefined,
  };
}

/** GKE: nodes per zone × zones, as the node pool's state holds them. */
function nodesOf(a: Record<string, unknown>): number {
  const perZone = num(a, 'node_count') ?? num(a, 'initial_node_count') ?? 0;
  const zones = Array.isArray(a.node_locations) ? a.node_locations.length : 0;
  return perZone * Math.max(zones, 1);
}

/** Compute Engine instances, GKE node pools and Cloud SQL instances. */
export function readGcpCompute(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  notEstimated: NotEstimated[],
  assumptions: string[],
): ComputeUsage[] {
  const out: ComputeUsage[] = [];
  const push = (item: ComputeUsage | undefined) => item && out.push(item);
  for (const f of findAll(inventories, 'google_compute_instance')) {
    const status = str(f.a, 'current_status') ?? str(f.a, 'desired_status');
    if (status && status !== 'RUNNING') continue; // a stopped VM draws no compute power
    push(
      machineItem(
        {
          found: f,
          kind: 'gce',
          cloud: 'gcp',
          units: 1,
          region: gcpRegionOf(f),
          ...gce(str(f.a, 'machine_type')),
        },
        ctx,
        notEstimated,
      ),
    );
  }
  for (const f of findAll(inventories, 'google_container_node_pool')) {
    const config = blocks(f.a, 'node_config')[0] ?? {};
    const nodes = nodesOf(f.a);
    const item = machineItem(
      {
        found: f,
        kind: 'gke',
        cloud: 'gcp',
        units: nodes,
        region: gcpRegionOf(f),
        ...gce(str(config, 'machine_type')),
      },
      ctx,
      notEstimated,
    );
    if (item) {
      out.push(item);
      assumptions.push(
        `${f.instance.address}: ${nodes} × ${item.declaredType} around the clock (node_count × node_locations; autoscaling is not read)`,
      );
    }
  }
  for (const f of findAll(inventories, 'google_sql_database_instance')) {
    push(readCloudSql(f, ctx, notEstimated));
  }
  return out;
}

/**
 * Cloud SQL bills vCPUs and RAM by the instance's tier. CCF maps the SKU's first two letters
 * ("Cl…") to no processor, so its medians apply, and has no embodied figure (the bill has no
 * machine type). `db-custom-2-7680` names vCPUs and MB; `db-n1-standard-2` is an N1 type.
 */
function readCloudSql(
  f: Found,
  ctx: ReadContext,
  notEstimated: NotEstimated[],
): ComputeUsage | undefined {
  const settings = blocks(f.a, 'settings')[0] ?? {};
  const tier = str(settings, 'tier');
  const machine = tier?.replace(/^db-/, '');
  const g = gce(machine);
  return machineItem(
    {
      found: f,
      kind: 'cloudsql',
      cloud: 'gcp',
      units: 1,
      region: gcpRegionOf(f),
      ...g,
      declared: tier,
      spec: g.spec && { ...g.spec, processors: ['Unknown'] },
      embodiedGap:
        'Cloud SQL: CCF has no embodied emissions (its bill carries no machine type)',
    },
    ctx,
    notEstimated,
  );
}

/** Persistent disks (standalone, regional, boot, GKE node disks), Cloud SQL disks, buckets. */
export function readGcpStorage(
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
    medium: 'SSD' | 'HDD',
    key: string,
  ) => {
    if (!gigabytes) return;
    out.push({
      address,
      cloud: 'gcp',
      medium,
      gigabytes,
      region: ctx.regionOf(region),
      replicationFactor: RF[key],
      replicationKey: key,
    });
  };
  for (const f of findAll(inventories, 'google_compute_disk')) {
    const { address } = f.instance;
    add(
      address,
      gcpRegionOf(f),
      num(f.a, 'size'),
      diskMedium(str(f.a, 'type')),
      'DEFAULT',
    );
  }
  for (const f of findAll(inventories, 'google_compute_region_disk')) {
    const { address } = f.instance;
    const medium = diskMedium(str(f.a, 'type'));
    add(
      address,
      gcpRegionOf(f),
      num(f.a, 'size'),
      medium,
      'COMPUTE_ENGINE_REGIONAL_DISKS',
    );
  }
  for (const f of findAll(inventories, 'google_compute_instance')) {
    // Only disks created with the instance; an attached google_compute_disk is counted above.
    const boot = blocks(f.a, 'boot_disk')[0] ?? {};
    const init = blocks(boot, 'initialize_params')[0];
    if (!init) continue;
    const medium = diskMedium(str(init, 'type'));
    add(
      `${f.instance.address}/boot`,
      gcpRegionOf(f),
      num(init, 'size'),
      medium,
      'DEFAULT',
    );
  }
  for (const f of findAll(inventories, 'google_container_node_pool')) {
    const config = blocks(f.a, 'node_config')[0] ?? {};
    const perNode = num(config, 'disk_size_gb');
    const medium = diskMedium(str(config, 'disk_type') ?? 'pd-balanced');
    const total = perNode && perNode * nodesOf(f.a);
    add(
      `${f.instance.address}/node-disks`,
      gcpRegionOf(f),
      total,
      medium,
      'DEFAULT',
    );
  }
  for (const f of findAll(inventories, 'google_sql_database_instance')) {
    const s = blocks(f.a, 'settings')[0] ?? {};
    const ha = str(s, 'availability_type') === 'REGIONAL';
    const key = ha ? 'CLOUD_SQL_HIGH_AVAILABILITY' : 'DEFAULT';
    const medium = diskMedium(str(s, 'disk_type') ?? 'PD_SSD');
    add(f.instance.address, gcpRegionOf(f), num(s, 'disk_size'), medium, key);
  }
  for (const f of findAll(inventories, 'google_storage_bucket')) {
    const location = gcpLocation(str(f.a, 'location') ?? '');
    let key = 'CLOUD_STORAGE_SINGLE_REGION';
    if (CCF_GCP.dualRegions.includes(location))
      key = 'CLOUD_STORAGE_DUAL_REGION';
    if (CCF_GCP.multiRegions.includes(location))
      key = 'CLOUD_STORAGE_MULTI_REGION';
    const given = sizes[f.instance.address];
    if (given === undefined) {
      notEstimated.push({
        address: f.instance.address,
        component: 'storage',
        reason: 'bucket size is not in the state',
      });
      continue;
    }
    // Cloud Storage SKUs never say "SSD", so CCF counts them as HDD.
    add(f.instance.address, location || gcpRegionOf(f), given, 'HDD', key);
  }
  return out;
}
