/**
 * Our GCP and Azure formulas against the expected values of CCF's own billing tests, for
 * the same inputs (test names and expectations quoted):
 *
 * - GCP: packages/gcp/src/__tests__/BillingExportTable.test.ts with the rows of
 *   fixtures/bigQuery.fixtures.ts (stored version 0801c4d). That version used older grid
 *   factors than our data (us-central1 0.000456, asia-south1 0.00067 t/kWh: its co2e / kWh
 *   ratios), which we pass in, and older PUEs for two regions (see the memory case).
 * - Azure: packages/azure/src/__tests__/ConsumptionManagement.test.ts with
 *   fixtures/consumptionManagement.fixtures.ts (the version with embodied emissions).
 *
 * CCF's kilowattHours include embodied co2e / grid factor (ccfKwh); its co2e is in tonnes.
 */
import { azureVmType } from './azureCoefficients';
import { computeItemFootprint } from './estimate';
import { estimateServiceFootprint } from './footprint';
import { gcpMachineType, gcpPue } from './gcpCoefficients';
import type { ComputeUsage } from './types';
import { ccfKwh, ccfTonnes, rel, TOL } from './__testUtils__/ccf';
import { inventoryFromV4 } from './__testUtils__/tfstate';

const CCF_GCP_TEST_EF = { 'us-central1': 0.000456, 'asia-south1': 0.00067 };

/** One billing row's machine as a compute item running `hours` instance-hours. */
function gcpRow(
  type: string,
  region: string,
  hours: number,
  memoryGb?: number,
): ComputeUsage {
  const spec = gcpMachineType(type)!;
  return {
    address: type,
    kind: 'gce',
    cloud: 'gcp',
    declaredType: type,
    machineSpec: spec,
    vcpus: spec.vcpu,
    memoryGb,
    region,
    unitHoursPerDay: hours,
    replicaSource: 'static',
    replicationFactor: 1,
  };
}

describe('GCP: "Returns estimation results for Compute with Embodied Emissions"', () => {
  // Core rows bill vCPU-seconds: instance-hours = seconds / 3600 / vCPUs. The fixture has
  // no RAM rows, so no memory is counted here.
  it.each([
    // type, region, usageAmount (s), CCF kilowattHours, CCF co2e (t)
    [
      'n1-standard-1',
      'us-central1',
      86400,
      0.10269717440919651,
      0.00004682991153059361,
    ],
    [
      'e2-medium',
      'us-central1',
      259200,
      0.36465495281182403,
      0.00016628265848219178,
    ],
    [
      'n2-standard-2',
      'us-central1',
      345599.5396,
      0.33423618476684713,
      0.00015241170025368233,
    ],
    [
      'f1-micro',
      'asia-south1',
      93698,
      0.0867815253369615,
      0.0000581436219757642,
    ],
  ])('%s in %s, %d vCPU-seconds', (type, region, seconds, kwh, tonnes) => {
    const vcpu = gcpMachineType(type)!.vcpu;
    const f = computeItemFootprint(
      gcpRow(type, region, seconds / 3600 / vcpu),
      {
        emissionsFactors: CCF_GCP_TEST_EF,
      },
    );
    expect(rel(ccfKwh(f), kwh)).toBeLessThan(TOL);
    expect(rel(ccfTonnes(f), tonnes)).toBeLessThan(TOL);
  });
});

describe('GCP: "estimation for Memory" (RAM rows, byte-seconds)', () => {
  // CCF: GB-hours (bytes / 2^30 / 3600) × 0.000392 × PUE, the whole RAM, no chip baseline.
  function ramRow(region: string, byteSeconds: number) {
    // A machine-less item carrying only memory: 1 GB over byteSeconds / 2^30 / 3600 hours.
    return computeItemFootprint({
      address: 'ram',
      kind: 'gce',
      cloud: 'gcp',
      vcpus: 0,
      memoryGb: 1,
      region,
      unitHoursPerDay: byteSeconds / 2 ** 30 / 3600,
      replicaSource: 'static',
      replicationFactor: 1,
    });
  }

  it('E2 Instance Ram, us-central1, 380 byte-seconds: 4.277502497037252e-14 kWh', () => {
    expect(
      rel(ramRow('us-central1', 380).kwhPerDay, 4.277502497037252e-14),
    ).toBeLessThan(TOL);
  });

  it.each([
    // That test version's PUE for europe-west1 was 1.09 and us-west1 had none (1.1 average);
    // CCF's data at our commit has 1.08 and 1.095. The formula is the same: scale by PUE.
    ['europe-west1', 260, 1.09, 2.8739786810345115e-14],
    ['us-west1', 120, 1.1, 1.3386209805806478e-14],
  ])('%s, %d byte-seconds (PUE %d then)', (region, bytes, pueThen, kwh) => {
    const ours = ramRow(region, bytes).kwhPerDay;
    expect(rel((ours / gcpPue(region)) * pueThen, kwh)).toBeLessThan(TOL);
  });
});

describe('GCP: a state-based estimate counts what the bill would', () => {
  const GOOGLE = 'provider["registry.terraform.io/hashicorp/google"]';
  const pool = inventoryFromV4({
    resources: [
      {
        mode: 'managed',
        type: 'google_container_node_pool',
        name: 'api',
        provider: GOOGLE,
        instances: [
          {
            attributes: {
              name: 'api-pool',
              location: 'us-central1',
              node_count: 2,
              node_locations: ['us-central1-a'],
              node_config: [{ machine_type: 'n2-standard-4' }],
            },
          },
        ],
      },
    ],
  });

  it('2 × n2-standard-4 for a day = CCF’s core row + RAM row for the same day', () => {
    const fp = estimateServiceFootprint('api', [pool], {
      weekOf: Date.parse('2025-01-15T12:00:00Z'),
      networkGbPerDay: 0,
    });
    const item = fp.items.find(
      i => i.address === 'google_container_node_pool.api',
    )!;
    // The bill for that day: "N2 Predefined Instance Core" 2 × 4 × 86400 s (checked against
    // CCF above, n2-standard-2) and "N2 Predefined Instance Ram" 2 × 16 GiB × 86400 s.
    const core = computeItemFootprint(
      gcpRow('n2-standard-4', 'us-central1', 48),
    );
    const ramKwh =
      ((2 * 16 * 2 ** 30 * 86400) / 2 ** 30 / 3600) * 0.000392 * 1.11;
    expect(rel(item.parts.memory!.kwhPerDay, ramKwh)).toBeLessThan(TOL);
    expect(
      rel(item.kwhPerDay, core.parts.compute!.kwhPerDay + ramKwh),
    ).toBeLessThan(TOL);
    // Without memory the estimate was ~60 % of CCF's kWh (issue 15).
    expect(core.parts.compute!.kwhPerDay / item.kwhPerDay).toBeCloseTo(
      0.595,
      3,
    );
    expect(fp.notEstimated).toEqual([]);
  });

  it('knows the memory of N2, N2D, C2, E2, N1, T2D, shared-core and M/A2 types', () => {
    expect(gcpMachineType('n2-standard-4')?.memoryGb).toBe(16);
    expect(gcpMachineType('n2d-highmem-8')?.memoryGb).toBe(64);
    expect(gcpMachineType('n2-highcpu-16')?.memoryGb).toBe(16);
    expect(gcpMachineType('c2-standard-8')?.memoryGb).toBe(32);
    expect(gcpMachineType('e2-highmem-4')?.memoryGb).toBe(32);
    expect(gcpMachineType('n1-standard-4')?.memoryGb).toBe(15);
    expect(gcpMachineType('n1-highcpu-8')?.memoryGb).toBeCloseTo(7.2, 12);
    expect(gcpMachineType('t2d-standard-2')?.memoryGb).toBe(8);
    expect(gcpMachineType('e2-micro')?.memoryGb).toBe(1);
    expect(gcpMachineType('g1-small')?.memoryGb).toBe(1.7);
    expect(gcpMachineType('m1-megamem-96')?.memoryGb).toBe(1433.6);
    expect(gcpMachineType('a2-highgpu-1g')?.memoryGb).toBe(85);
  });
});

describe('Azure: "Returns estimates for Memory" (memory beyond the chip baseline)', () => {
  it('D8 v3 Spot, 5 h, northeurope: 0.18258564019771067 kWh, 0.00005086835935908219 t', () => {
    const spec = azureVmType('Standard_D8_v3')!;
    const f = computeItemFootprint(
      {
        address: 'vm',
        kind: 'azure-vm',
        cloud: 'azure',
        declaredType: 'Standard_D8_v3',
        machineSpec: spec,
        vcpus: spec.vcpu,
        region: 'northeurope',
        unitHoursPerDay: 5,
        replicaSource: 'static',
        replicationFactor: 1,
      },
      // CCF's Azure code divides the hours by vCPUs for embodied emissions.
      { embodiedTimeReserved: 'ccf-code' },
    );
    // (256 GB / 1 chip − the series' GB/chip) / (256 / 32) × 5 h, × 0.000392 × 1.185
    expect(f.parts.memory!.kwhPerDay).toBeGreaterThan(0);
    expect(rel(ccfKwh(f), 0.18258564019771067)).toBeLessThan(TOL);
    expect(rel(ccfTonnes(f), 0.00005086835935908219)).toBeLessThan(TOL);
  });
});
