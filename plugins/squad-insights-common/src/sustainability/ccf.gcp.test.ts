/**
 * GCP vectors computed by hand from CCF's formulas and CCF's GCP numbers (data/ccf-gcp.json,
 * CCF commit 0656d55): Compute Engine VM + persistent disks in two regions, read from
 * real-shaped Terraform v4 state (hashicorp/google provider attributes).
 */
import { emissionFactor } from './clouds';
import { estimateServiceFootprint } from './footprint';
import { gcpMachineType } from './gcpCoefficients';
import { readServiceUsage } from './usage';
import { rel, TOL } from './__testUtils__/ccf';
import { inventoryFromV4 } from './__testUtils__/tfstate';

const WEEK = Date.parse('2025-01-15T12:00:00Z');
const GOOGLE = 'provider["registry.terraform.io/hashicorp/google"]';

/** A VM with an inline pd-balanced boot disk and an attached pd-ssd data disk. */
function gcpState(zone: string, machineType = 'n2-standard-4') {
  return inventoryFromV4({
    resources: [
      {
        mode: 'managed',
        type: 'google_compute_instance',
        name: 'api',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'api-1',
              machine_type: machineType,
              zone,
              current_status: 'RUNNING',
              desired_status: null,
              boot_disk: [
                {
                  auto_delete: true,
                  device_name: 'persistent-disk-0',
                  initialize_params: [
                    {
                      image:
                        'https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12-bookworm-v20250113',
                      size: 20,
                      type: 'pd-balanced',
                      labels: {},
                    },
                  ],
                  mode: 'READ_WRITE',
                  source: `https://www.googleapis.com/compute/v1/projects/acme/zones/${zone}/disks/api-1`,
                },
              ],
              attached_disk: [
                {
                  device_name: 'data',
                  mode: 'READ_WRITE',
                  source: `https://www.googleapis.com/compute/v1/projects/acme/zones/${zone}/disks/api-data`,
                },
              ],
              scheduling: [
                { preemptible: false, provisioning_model: 'STANDARD' },
              ],
              labels: { team: 'payments' },
            },
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_compute_disk',
        name: 'data',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'api-data',
              size: 100,
              type: 'pd-ssd',
              zone,
              physical_block_size_bytes: 4096,
              self_link: `https://www.googleapis.com/compute/v1/projects/acme/zones/${zone}/disks/api-data`,
            },
          },
        ],
      },
    ],
  });
}

// n2 → Cascade Lake: 0.64 + 50 % × (3.97 − 0.64) = 2.305 W per vCPU.
const WATTS_N2 = 2.305;
// CCF's GCP memory coefficient, kWh per GB-hour.
const MEMORY = 0.000392;
// Embodied: 1.8879 t × 24 h / 35040 h × 4 / 128 vCPU (n2-standard-128 closes the family).
const EMBODIED_KG = ((1.8879 * 24) / 35040) * (4 / 128) * 1000;

describe.each([
  // region, CCF's PUE for it, CCF's grid factor (t/kWh)
  ['europe-north1', 1.09, 0.000133],
  ['us-central1', 1.11, 0.000454],
])('n2-standard-4 + disks in %s', (region, pue, tonnesPerKwh) => {
  const fp = estimateServiceFootprint('api', [gcpState(`${region}-a`)], {
    weekOf: WEEK,
    networkGbPerDay: 0,
  });
  const item = (address: string) => fp.items.find(i => i.address === address)!;

  it('compute: 2.305 W × 4 vCPU × 24 h × PUE / 1000', () => {
    const vm = item('google_compute_instance.api');
    expect(vm.region).toBe(region);
    expect(
      rel(vm.parts.compute!.kwhPerDay, (WATTS_N2 * 4 * 24 * pue) / 1000),
    ).toBeLessThan(TOL);
    expect(
      rel(
        vm.parts.compute!.co2eKgPerDay,
        ((WATTS_N2 * 4 * 24 * pue) / 1000) * tonnesPerKwh * 1000,
      ),
    ).toBeLessThan(TOL);
  });

  it('embodied: from CCF’s machine table, hours the VM ran', () => {
    expect(
      rel(
        item('google_compute_instance.api').parts.embodied!.co2eKgPerDay,
        EMBODIED_KG,
      ),
    ).toBeLessThan(TOL);
  });

  it('storage: pd-ssd 100 GB and pd-balanced 20 GB boot disk as SSD, zonal (× 1)', () => {
    // 0.1 TB × 24 h × 1.2 Wh × PUE / 1000; boot: 0.02 TB.
    expect(
      rel(
        item('google_compute_disk.data').kwhPerDay,
        (0.1 * 24 * 1.2 * pue) / 1000,
      ),
    ).toBeLessThan(TOL);
    expect(
      rel(
        item('google_compute_instance.api/boot').kwhPerDay,
        (0.02 * 24 * 1.2 * pue) / 1000,
      ),
    ).toBeLessThan(TOL);
  });

  it('memory: the type’s 16 GB in full, as CCF counts billed RAM (16 × 24 × 0.000392 × PUE)', () => {
    const vm = item('google_compute_instance.api');
    expect(
      rel(vm.parts.memory!.kwhPerDay, 16 * 24 * MEMORY * pue),
    ).toBeLessThan(TOL);
    expect(
      fp.notEstimated.filter(n => n.address === 'google_compute_instance.api'),
    ).toEqual([]);
  });

  it('CO2e of the whole service: operational × factor + embodied', () => {
    const kwh =
      ((WATTS_N2 * 96 + 0.12 * 24 * 1.2) * pue) / 1000 + 16 * 24 * MEMORY * pue;
    expect(rel(fp.kwhPerDay, kwh)).toBeLessThan(TOL);
    expect(
      rel(fp.co2eKgPerDay, kwh * tonnesPerKwh * 1000 + EMBODIED_KG),
    ).toBeLessThan(TOL);
  });
});

describe('GCP machine types', () => {
  it('a custom type carries vCPUs and memory in its name; CCF counts all of its RAM', () => {
    const fp = estimateServiceFootprint(
      'api',
      [gcpState('europe-north1-b', 'n2-custom-4-16384')],
      { weekOf: WEEK, networkGbPerDay: 0 },
    );
    const vm = fp.items.find(i => i.address === 'google_compute_instance.api')!;
    // 16 GB × 24 h × 0.000392 kWh/GB-h × 1.09
    expect(
      rel(vm.parts.memory!.kwhPerDay, 16 * 24 * 0.000392 * 1.09),
    ).toBeLessThan(TOL);
    expect(vm.parts.embodied!.co2eKgPerDay).toBe(0);
    expect(fp.notEstimated).toContainEqual(
      expect.objectContaining({
        address: 'google_compute_instance.api',
        component: 'embodied',
      }),
    );
  });

  it('an unknown machine type is flagged, compute and embodied', () => {
    const usage = readServiceUsage(
      [gcpState('europe-north1-a', 'n4-standard-8')],
      {
        weekOf: WEEK,
        networkGbPerDay: 0,
      },
    );
    expect(usage.compute).toEqual([]);
    expect(usage.notEstimated).toEqual([
      {
        address: 'google_compute_instance.api',
        component: 'compute',
        reason: "unknown machine type n4-standard-8: not in CCF's gcp tables",
      },
      {
        address: 'google_compute_instance.api',
        component: 'embodied',
        reason: 'unknown machine type n4-standard-8',
      },
    ]);
  });

  it('repairs CCF’s misspelt table keys and uses the family’s last entry as the server', () => {
    expect(gcpMachineType('e2-highmem-4')).toMatchObject({
      vcpu: 4,
      embodiedServerTco2e: 1.2303,
      familyLargest: { vcpu: 16 },
    });
    expect(gcpMachineType('n2-highmem-8')).toMatchObject({ vcpu: 8 });
    expect(gcpMachineType('c2d-standard-4')).toBeUndefined();
    expect(gcpMachineType('e2-micro')).toMatchObject({
      vcpu: 2,
      processors: ['Unknown'],
      familyLargest: { vcpu: 32 },
    });
  });

  it('stopped VMs draw no compute power', () => {
    const state = gcpState('europe-north1-a');
    state.resources[0].instances[0].attributes.current_status = 'TERMINATED';
    expect(readServiceUsage([state], { weekOf: WEEK }).compute).toEqual([]);
  });

  it('looks up GCP factors by region and multi-region name', () => {
    expect(emissionFactor('europe-north1').kgPerKwh).toBeCloseTo(0.133, 12);
    // Google's `EU` multi-region is `europe` in CCF's table: 0.000284 t/kWh.
    const eu = emissionFactor('eu', undefined, 'gcp');
    expect(eu.kgPerKwh).toBeCloseTo(0.284, 12);
    expect(eu.known).toBe(true);
    expect(emissionFactor('mars-north1', undefined, 'gcp')).toEqual({
      kgPerKwh: 0.0004116296296 * 1000,
      known: false,
    });
  });
});

describe('GKE, Cloud SQL and buckets', () => {
  const state = inventoryFromV4({
    resources: [
      {
        mode: 'managed',
        type: 'google_container_node_pool',
        name: 'default',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'default-pool',
              cluster: 'payments',
              location: 'europe-north1',
              node_count: 2,
              node_locations: ['europe-north1-a', 'europe-north1-b'],
              node_config: [
                {
                  machine_type: 'e2-standard-4',
                  disk_size_gb: 100,
                  disk_type: 'pd-standard',
                },
              ],
            },
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_sql_database_instance',
        name: 'db',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'payments-db',
              database_version: 'POSTGRES_15',
              region: 'europe-north1',
              settings: [
                {
                  tier: 'db-custom-2-7680',
                  availability_type: 'REGIONAL',
                  disk_size: 50,
                  disk_type: 'PD_SSD',
                },
              ],
            },
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_storage_bucket',
        name: 'exports',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'acme-exports',
              location: 'EU',
              storage_class: 'STANDARD',
            },
          },
        ],
      },
    ],
  });

  it('node pools count nodes per zone × zones; their disks by node', () => {
    const usage = readServiceUsage([state], { weekOf: WEEK });
    expect(usage.compute[0]).toMatchObject({
      address: 'google_container_node_pool.default',
      kind: 'gke',
      vcpus: 4,
      unitHoursPerDay: 4 * 24,
      region: 'europe-north1',
    });
    expect(usage.storage).toContainEqual(
      expect.objectContaining({
        address: 'google_container_node_pool.default/node-disks',
        medium: 'HDD',
        gigabytes: 400,
        replicationFactor: 1,
      }),
    );
  });

  it('Cloud SQL: vCPUs and memory from the tier, CCF’s medians, HA storage × 2', () => {
    const usage = readServiceUsage([state], { weekOf: WEEK });
    const sql = usage.compute.find(c => c.kind === 'cloudsql')!;
    expect(sql).toMatchObject({
      vcpus: 2,
      memoryGb: 7.5,
      replicationFactor: 1,
    });
    expect(sql.machineSpec?.processors).toEqual(['Unknown']);
    expect(usage.storage).toContainEqual(
      expect.objectContaining({
        address: 'google_sql_database_instance.db',
        medium: 'SSD',
        gigabytes: 50,
        replicationFactor: 2,
        replicationKey: 'CLOUD_SQL_HIGH_AVAILABILITY',
      }),
    );
  });

  it('a bucket is not estimated until its size is given; then HDD × 6 in a multi-region', () => {
    const without = readServiceUsage([state], { weekOf: WEEK });
    expect(without.notEstimated).toContainEqual({
      address: 'google_storage_bucket.exports',
      component: 'storage',
      reason: 'bucket size is not in the state',
    });
    const withSize = readServiceUsage([state], {
      weekOf: WEEK,
      storageGbByAddress: { 'google_storage_bucket.exports': 500 },
    });
    expect(withSize.storage).toContainEqual(
      expect.objectContaining({
        address: 'google_storage_bucket.exports',
        medium: 'HDD',
        gigabytes: 500,
        region: 'europe',
        replicationFactor: 6,
      }),
    );
  });
});
