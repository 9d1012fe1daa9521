/**
 * Azure vectors computed by hand from CCF's formulas and CCF's Azure numbers
 * (data/ccf-azure.json, CCF commit c12d1c7): a Linux VM with its OS disk and a managed data
 * disk in two regions, read from real-shaped Terraform v4 state (hashicorp/azurerm).
 */
import { azureDiskTier, azureVmType } from './azureCoefficients';
import { emissionFactor } from './clouds';
import { estimateServiceFootprint } from './footprint';
import { readServiceUsage } from './usage';
import { rel, TOL } from './__testUtils__/ccf';
import { inventoryFromV4 } from './__testUtils__/tfstate';

const WEEK = Date.parse('2025-01-15T12:00:00Z');
const AZURERM = 'provider["registry.terraform.io/hashicorp/azurerm"]';

function azureState(location: string, size = 'Standard_D2s_v3') {
  const rg =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-api';
  return inventoryFromV4({
    resources: [
      {
        mode: 'managed',
        type: 'azurerm_linux_virtual_machine',
        name: 'api',
        provider: AZURERM,
        instances: [
          {
            attributes: {
              id: `${rg}/providers/Microsoft.Compute/virtualMachines/vm-api`,
              name: 'vm-api',
              location,
              resource_group_name: 'rg-api',
              size,
              admin_username: 'azureuser',
              os_disk: [
                {
                  caching: 'ReadWrite',
                  disk_size_gb: 30,
                  name: 'vm-api_OsDisk_1',
                  storage_account_type: 'Premium_LRS',
                  write_accelerator_enabled: false,
                },
              ],
              source_image_reference: [
                {
                  offer: '0001-com-ubuntu-server-jammy',
                  publisher: 'Canonical',
                  sku: '22_04-lts-gen2',
                  version: 'latest',
                },
              ],
              tags: { team: 'payments' },
            },
          },
        ],
      },
      {
        mode: 'managed',
        type: 'azurerm_managed_disk',
        name: 'logs',
        provider: AZURERM,
        instances: [
          {
            attributes: {
              id: `${rg}/providers/Microsoft.Compute/disks/disk-logs`,
              name: 'disk-logs',
              location,
              resource_group_name: 'rg-api',
              storage_account_type: 'Standard_LRS',
              create_option: 'Empty',
              disk_size_gb: 200,
              tags: {},
            },
          },
        ],
      },
    ],
  });
}

// D2s v3 runs on Cascade Lake, Skylake, Broadwell, Haswell: min (0.64+0.65+0.71+1)/4 = 0.75,
// max (3.97+4.26+3.69+4.74)/4 = 4.165 → 0.75 + 50 % × 3.415 = 2.4575 W per vCPU.
const WATTS = 2.4575;
const PUE = 1.185;
const COMPUTE_KWH = (WATTS * 2 * 24 * PUE) / 1000;
// Memory (calculateGigabyteHours): the series' last entry D64s v3 = 64 vCPU, 256 GB, one chip;
// per-chip baseline mean(98.12, 81.32, 69.65, 27.71) = 69.2 GB; (256 − 69.2) / (256 / 8)
// = 5.8375 GB per hour × 24 h × 0.000392 kWh/GB-h × 1.185.
const MEMORY_KWH = 5.8375 * 24 * 0.000392 * PUE;
// Embodied: 1.4829 t × 24 h / 35040 h × 2 / 64 vCPU.
const EMBODIED_KG = ((1.4829 * 24) / 35040) * (2 / 64) * 1000;
// OS disk Premium_LRS 30 GB → billed tier P4 (32 GB); data disk Standard_LRS 200 GB → S15
// (256 GB, HDD); managed disks keep 3 copies (STORAGE_LRS).
const OS_DISK_KWH = (0.032 * 24 * 1.2 * PUE * 3) / 1000;
const DATA_DISK_KWH = (0.256 * 24 * 0.65 * PUE * 3) / 1000;

describe.each([
  // location as Terraform stores it, CCF's factor (t/kWh)
  ['westeurope', 0.0003284],
  ['swedencentral', 0.00000567],
])('Standard_D2s_v3 + managed disks in %s', (location, tonnesPerKwh) => {
  const fp = estimateServiceFootprint('api', [azureState(location)], {
    weekOf: WEEK,
    networkGbPerDay: 0,
  });
  const item = (address: string) => fp.items.find(i => i.address === address)!;

  it('compute, memory and embodied of the VM', () => {
    const vm = item('azurerm_linux_virtual_machine.api');
    expect(rel(vm.parts.compute!.kwhPerDay, COMPUTE_KWH)).toBeLessThan(TOL);
    expect(rel(vm.parts.memory!.kwhPerDay, MEMORY_KWH)).toBeLessThan(TOL);
    expect(rel(vm.parts.embodied!.co2eKgPerDay, EMBODIED_KG)).toBeLessThan(TOL);
  });

  it('disks at their billed tier, × 3 copies', () => {
    expect(
      rel(
        item('azurerm_linux_virtual_machine.api/os_disk').kwhPerDay,
        OS_DISK_KWH,
      ),
    ).toBeLessThan(TOL);
    expect(
      rel(item('azurerm_managed_disk.logs').kwhPerDay, DATA_DISK_KWH),
    ).toBeLessThan(TOL);
  });

  it('totals: kWh without embodied, CO2e with it', () => {
    const kwh = COMPUTE_KWH + MEMORY_KWH + OS_DISK_KWH + DATA_DISK_KWH;
    expect(rel(fp.kwhPerDay, kwh)).toBeLessThan(TOL);
    expect(
      rel(fp.co2eKgPerDay, kwh * tonnesPerKwh * 1000 + EMBODIED_KG),
    ).toBeLessThan(TOL);
    expect(fp.primaryRegion).toBe(location);
  });
});

describe('Azure sizes, regions and disks', () => {
  it('an unknown VM size is flagged, compute and embodied', () => {
    const usage = readServiceUsage(
      [azureState('westeurope', 'Standard_D2s_v9')],
      {
        weekOf: WEEK,
        networkGbPerDay: 0,
      },
    );
    expect(usage.compute).toEqual([]);
    expect(usage.notEstimated).toEqual([
      {
        address: 'azurerm_linux_virtual_machine.api',
        component: 'compute',
        reason:
          "unknown machine type Standard_D2s_v9: not in CCF's azure tables",
      },
      {
        address: 'azurerm_linux_virtual_machine.api',
        component: 'embodied',
        reason: 'unknown machine type Standard_D2s_v9',
      },
    ]);
  });

  it('maps ARM sizes to CCF’s meter names regardless of case', () => {
    expect(azureVmType('Standard_B1ms')).toMatchObject({
      vcpu: 1,
      memoryGb: 2,
    });
    expect(azureVmType('Standard_E4-2s_v4')).toMatchObject({
      vcpu: 2,
      familyLargest: { vcpu: 4 },
    });
  });

  it('picks the smallest billed tier that holds the disk', () => {
    expect(azureDiskTier('StandardSSD_LRS', 128)).toEqual({
      tier: 'E10',
      gigabytes: 128,
      medium: 'SSD',
    });
    expect(azureDiskTier('Premium_ZRS', 129)).toMatchObject({
      tier: 'P15',
      gigabytes: 256,
    });
    expect(azureDiskTier('UltraSSD_LRS', 64)).toBeUndefined();
  });

  it('reads the display form of a location as CCF’s region', () => {
    expect(emissionFactor('West Europe', undefined, 'azure')).toEqual({
      kgPerKwh: 0.0003284 * 1000,
      known: true,
    });
  });

  it('AKS default node pool: node_count × vm_size, managed OS disks as SSD', () => {
    const usage = readServiceUsage(
      [
        inventoryFromV4({
          resources: [
            {
              mode: 'managed',
              type: 'azurerm_kubernetes_cluster',
              name: 'aks',
              provider: AZURERM,
              instances: [
                {
                  attributes: {
                    name: 'aks-payments',
                    location: 'swedencentral',
                    default_node_pool: [
                      {
                        name: 'system',
                        vm_size: 'Standard_D4s_v5',
                        node_count: 3,
                        enable_auto_scaling: false,
                        os_disk_size_gb: 128,
                        os_disk_type: 'Managed',
                      },
                    ],
                  },
                },
              ],
            },
          ],
        }),
      ],
      { weekOf: WEEK },
    );
    expect(usage.compute).toEqual([
      expect.objectContaining({
        address: 'azurerm_kubernetes_cluster.aks',
        kind: 'aks',
        cloud: 'azure',
        vcpus: 4,
        unitHoursPerDay: 72,
        region: 'swedencentral',
      }),
    ]);
    expect(usage.storage).toEqual([
      expect.objectContaining({
        medium: 'SSD',
        gigabytes: 3 * 128,
        replicationFactor: 3,
      }),
    ]);
  });
});

describe('Azure databases', () => {
  const db = (type: string, attributes: Record<string, unknown>) =>
    inventoryFromV4({
      resources: [
        {
          mode: 'managed',
          type,
          name: 'db',
          provider: AZURERM,
          instances: [
            { attributes: { location: 'westeurope', ...attributes } },
          ],
        },
      ],
    });

  it('SQL Database vCore SKU: vCores × CCF’s average watts, × 3 (SQL_DB), storage × 3', () => {
    const usage = readServiceUsage(
      [
        db('azurerm_mssql_database', {
          name: 'payments',
          sku_name: 'GP_Gen5_2',
          max_size_gb: 32,
        }),
      ],
      { weekOf: WEEK },
    );
    expect(usage.compute).toEqual([
      expect.objectContaining({
        kind: 'azure-db',
        vcpus: 2,
        replicationFactor: 3,
      }),
    ]);
    expect(usage.storage).toEqual([
      expect.objectContaining({
        medium: 'SSD',
        gigabytes: 32,
        replicationFactor: 3,
      }),
    ]);
    const fp = estimateServiceFootprint(
      'db',
      [
        db('azurerm_mssql_database', {
          name: 'payments',
          sku_name: 'GP_Gen5_2',
          max_size_gb: 32,
        }),
      ],
      { weekOf: WEEK, networkGbPerDay: 0 },
    );
    // Unknown processor: 0.74 + 50 % × (3.54 − 0.74) = 2.14 W × 2 vCores × 24 h × 1.185 × 3.
    expect(
      rel(fp.breakdown.compute.kwhPerDay, (2.14 * 48 * PUE * 3) / 1000),
    ).toBeLessThan(TOL);
  });

  it('DTU and serverless SKUs are flagged: no provisioned vCores in the state', () => {
    const usage = readServiceUsage(
      [
        db('azurerm_mssql_database', {
          name: 'payments',
          sku_name: 'GP_S_Gen5_2',
        }),
      ],
      { weekOf: WEEK },
    );
    expect(usage.compute).toEqual([]);
    expect(usage.notEstimated).toContainEqual({
      address: 'azurerm_mssql_database.db',
      component: 'compute',
      reason:
        'SKU GP_S_Gen5_2: no provisioned vCores (DTU, elastic pool or serverless)',
    });
  });

  it('PostgreSQL flexible server: vCores of its VM size, storage_mb as SSD', () => {
    const usage = readServiceUsage(
      [
        db('azurerm_postgresql_flexible_server', {
          name: 'pg',
          sku_name: 'GP_Standard_D2s_v3',
          storage_mb: 32768,
          version: '16',
        }),
      ],
      { weekOf: WEEK },
    );
    expect(usage.compute).toEqual([
      expect.objectContaining({ vcpus: 2, replicationFactor: 1 }),
    ]);
    expect(usage.storage).toEqual([
      expect.objectContaining({
        medium: 'SSD',
        gigabytes: 32,
        replicationFactor: 1,
      }),
    ]);
  });
});
