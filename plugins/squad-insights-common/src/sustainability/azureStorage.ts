import type { StateInventory } from '../inventory';
import { nodes } from './azure';
import { azureDiskTier, CCF_AZURE } from './azureCoefficients';
import type { ReadContext } from './ecs';
import { blocks, findAll, Found, num, str } from './inventoryAccess';
import { azureRegionOf } from './machines';
import type { NotEstimated, StorageUsage } from './types';

const RF = CCF_AZURE.replicationFactors;

function diskRf(storageAccountType: string): { rf: number; key: string } {
  const key = /_ZRS$/i.test(storageAccountType) ? 'STORAGE_ZRS' : 'STORAGE_LRS';
  return { rf: RF[key], key };
}

/** Managed disks (standalone, VM OS and data disks, AKS node OS disks) and database storage. */
export function readAzureStorage(
  inventories: readonly StateInventory[],
  ctx: ReadContext,
  sizes: Record<string, number>,
  notEstimated: NotEstimated[],
): StorageUsage[] {
  const out: StorageUsage[] = [];
  const disk = (
    address: string,
    f: Found,
    accountType: string | undefined,
    sizeGb: number | undefined,
    count = 1,
  ) => {
    if (!accountType || !sizeGb || count <= 0) {
      if (count > 0) {
        notEstimated.push({
          address,
          component: 'storage',
          reason: 'disk type or size not in the state',
        });
      }
      return;
    }
    const tier = azureDiskTier(accountType, sizeGb);
    if (!tier) {
      notEstimated.push({
        address,
        component: 'storage',
        reason: `${accountType} ${sizeGb} GB: no billed tier in CCF's managed-disk tables`,
      });
      return;
    }
    const { rf, key } = diskRf(accountType);
    out.push({
      address,
      cloud: 'azure',
      medium: tier.medium,
      gigabytes: tier.gigabytes * count,
      region: ctx.regionOf(azureRegionOf(f)),
      replicationFactor: rf,
      replicationKey: key,
    });
  };
  for (const f of findAll(inventories, 'azurerm_managed_disk')) {
    disk(
      f.instance.address,
      f,
      str(f.a, 'storage_account_type'),
      num(f.a, 'disk_size_gb'),
    );
  }
  for (const f of findAll(
    inventories,
    'azurerm_linux_virtual_machine',
    'azurerm_windows_virtual_machine',
  )) {
    const os = blocks(f.a, 'os_disk')[0] ?? {};
    const address = `${f.instance.address}/os_disk`;
    disk(address, f, str(os, 'storage_account_type'), num(os, 'disk_size_gb'));
  }
  for (const f of findAll(inventories, 'azurerm_virtual_machine')) {
    const os = blocks(f.a, 'storage_os_disk')[0];
    if (os) {
      const address = `${f.instance.address}/storage_os_disk`;
      disk(address, f, str(os, 'managed_disk_type'), num(os, 'disk_size_gb'));
    }
    for (const d of blocks(f.a, 'storage_data_disk')) {
      const address = `${f.instance.address}/${str(d, 'name') ?? 'data_disk'}`;
      disk(address, f, str(d, 'managed_disk_type'), num(d, 'disk_size_gb'));
    }
  }
  const pools: [Found, Record<string, unknown>][] = [
    ...findAll(inventories, 'azurerm_kubernetes_cluster').map(
      f =>
        [f, blocks(f.a, 'default_node_pool')[0] ?? {}] as [
          Found,
          Record<string, unknown>,
        ],
    ),
    ...findAll(inventories, 'azurerm_kubernetes_cluster_node_pool').map(
      f => [f, f.a] as [Found, Record<string, unknown>],
    ),
  ];
  for (const [f, pool] of pools) {
    // Ephemeral OS disks live on the host's local disk. Managed ones are Premium or
    // Standard SSD, which CCF sizes with the same tiers (P10 = E10 = 128 GB), so SSD either way.
    if (str(pool, 'os_disk_type') === 'Ephemeral') continue;
    const address = `${f.instance.address}/node-os-disks`;
    disk(address, f, 'Premium_LRS', num(pool, 'os_disk_size_gb'), nodes(pool));
  }
  for (const [type, sizeOf, rf] of [
    [
      'azurerm_mssql_database',
      (a: Record<string, unknown>) => num(a, 'max_size_gb'),
      'SQL_DB',
    ],
    [
      'azurerm_postgresql_flexible_server',
      (a: Record<string, unknown>) => {
        const mb = num(a, 'storage_mb');
        return mb && mb / 1024;
      },
      'DEFAULT',
    ],
    [
      'azurerm_mysql_flexible_server',
      (a: Record<string, unknown>) =>
        num(blocks(a, 'storage')[0] ?? {}, 'size_gb'),
      'DATABASE_MYSQL',
    ],
  ] as const) {
    for (const f of findAll(inventories, type)) {
      const gigabytes = sizeOf(f.a);
      if (!gigabytes) continue;
      // CCF counts database "Data Stored" as SSD (STORAGE_USAGE_TYPES).
      out.push({
        address: f.instance.address,
        cloud: 'azure',
        medium: 'SSD',
        gigabytes,
        region: ctx.regionOf(azureRegionOf(f)),
        replicationFactor: RF[rf],
        replicationKey: rf,
      });
    }
  }
  for (const f of findAll(inventories, 'azurerm_storage_account')) {
    const given = sizes[f.instance.address];
    if (given === undefined) {
      notEstimated.push({
        address: f.instance.address,
        component: 'storage',
        reason: 'stored data volume is not in the state',
      });
      continue;
    }
    // CCF: meters with LRS/ZRS/GRS/GZRS are SSD (STORAGE_USAGE_TYPES); RA-GRS keeps 6 copies.
    const replication = (str(f.a, 'account_replication_type') ?? 'LRS').replace(
      /^RA/,
      '',
    );
    const key = `STORAGE_${replication}`;
    out.push({
      address: f.instance.address,
      cloud: 'azure',
      medium: 'SSD',
      gigabytes: given,
      region: ctx.regionOf(azureRegionOf(f)),
      replicationFactor: RF[key] ?? RF.STORAGE_LRS,
      replicationKey: RF[key] ? key : 'STORAGE_LRS',
    });
  }
  return out;
}
