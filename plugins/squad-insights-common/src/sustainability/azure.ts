import type { StateInventory } from '../inventory';
import { azureVmType, CCF_AZURE } from './azureCoefficients';
import type { ReadContext } from './ecs';
import { blocks, findAll, Found, num, str } from './inventoryAccess';
import { azureRegionOf, machineItem } from './machines';
import type { CcfMachineSpec, ComputeUsage, NotEstimated } from './types';

const RF = CCF_AZURE.replicationFactors;

/** VMs, scale sets and AKS node pools: `[resource type, size attribute, count]`. */
const VM_RESOURCES: [string, string, (a: Record<string, unknown>) => number][] =
  [
    ['azurerm_linux_virtual_machine', 'size', () => 1],
    ['azurerm_windows_virtual_machine', 'size', () => 1],
    ['azurerm_virtual_machine', 'vm_size', () => 1],
    [
      'azurerm_linux_virtual_machine_scale_set',
      'sku',
      a => num(a, 'instances') ?? 0,
    ],
    [
      'azurerm_windows_virtual_machine_scale_set',
      'sku',
      a => num(a, 'instances') ?? 0,
    ],
    ['azurerm_kubernetes_cluster_node_pool', 'vm_size', a => nodes(a)],
  ];

/** AKS pool size: `node_count`, or `min_count` when the state has no count. */
export function nodes(pool: Record<string, unknown>): number {
  return num(pool, 'node_count') ?? num(pool, 'min_count') ?? 0;
}

/**
 * Azure databases are billed per vCore, and CCF knows no processor, memory or embodied
 * figure for a "vCore" meter: CCF's averages apply and memory is not part of its estimate.
 */
function vcoreSpec(vcores: number): CcfMachineSpec {
  return {
    vcpu: vcores,
    processors: ['Unknown'],
    familyLargest: { vcpu: vcores },
  };
}

const DB_EMBODIED =
  'Azure databases are billed per vCore; CCF has no embodied emissions for them';

/** VMs, scale sets, AKS node pools and vCore databases. */
export function readAzureCompute(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  notEstimated: NotEstimated[],
  assumptions: string[],
): ComputeUsage[] {
  const out: ComputeUsage[] = [];
  const vm = (
    f: Found,
    kind: 'azure-vm' | 'aks',
    size: string | undefined,
    units: number,
  ) => {
    const item = machineItem(
      {
        found: f,
        kind,
        cloud: 'azure',
        declared: size,
        spec: size ? azureVmType(size) : undefined,
        units,
        region: azureRegionOf(f),
      },
      ctx,
      notEstimated,
    );
    if (item) out.push(item);
    return item;
  };
  for (const [type, sizeKey, count] of VM_RESOURCES) {
    for (const f of findAll(inventories, type)) {
      const kind = type.includes('kubernetes') ? 'aks' : 'azure-vm';
      vm(f, kind, str(f.a, sizeKey), count(f.a));
    }
  }
  for (const f of findAll(inventories, 'azurerm_kubernetes_cluster')) {
    const pool = blocks(f.a, 'default_node_pool')[0] ?? {};
    const size = str(pool, 'vm_size');
    if (vm(f, 'aks', size, nodes(pool))) {
      assumptions.push(
        `${f.instance.address}: ${nodes(
          pool,
        )} × ${size} around the clock (default_node_pool node_count; autoscaling is not read)`,
      );
    }
  }
  const db = (
    f: Found,
    sku: string | undefined,
    vcores: number | undefined,
    rf: number,
  ) => {
    if (!vcores) {
      notEstimated.push({
        address: f.instance.address,
        component: 'compute',
        reason: `SKU ${
          sku ?? '(none)'
        }: no provisioned vCores (DTU, elastic pool or serverless)`,
      });
      return;
    }
    const item = machineItem(
      {
        found: f,
        kind: 'azure-db',
        cloud: 'azure',
        declared: sku,
        spec: vcoreSpec(vcores),
        units: 1,
        region: azureRegionOf(f),
        replicationFactor: rf,
        embodiedGap: DB_EMBODIED,
      },
      ctx,
      notEstimated,
    );
    if (item) out.push(item);
  };
  for (const f of findAll(inventories, 'azurerm_mssql_database')) {
    // vCore SKUs: GP_Gen5_2, BC_Gen5_4, HS_Gen5_8; GP_S_Gen5_2 is serverless (vCores vary).
    const sku = str(f.a, 'sku_name');
    const m = sku ? /^(?:GP|BC|HS)_(?!S_)[A-Za-z0-9]+_(\d+)$/.exec(sku) : null;
    db(f, sku, m ? Number(m[1]) : undefined, RF.SQL_DB);
  }
  for (const [type, rf] of [
    ['azurerm_postgresql_flexible_server', RF.DEFAULT],
    ['azurerm_mysql_flexible_server', RF.DATABASE_MYSQL],
  ] as const) {
    for (const f of findAll(inventories, type)) {
      // GP_Standard_D2s_v3: the vCores are the VM size's vCPUs in CCF's table.
      const sku = str(f.a, 'sku_name');
      const size = sku?.replace(/^(B|GP|MO)_/, '');
      db(f, sku, size ? azureVmType(size)?.vcpu : undefined, rf);
    }
  }
  return out;
}
