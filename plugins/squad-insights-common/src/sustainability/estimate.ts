import {
  CCF_AWS,
  ec2InstanceType,
  emissionFactor,
  processorCoefficients,
} from './coefficients';
import type {
  ComputeUsage,
  EnergyAndEmissions,
  FootprintItem,
  StorageUsage,
} from './types';

/** Knobs of the CCF formulas. @public */
export interface FormulaOptions {
  /** Average CPU utilisation in percent; CCF's default is 50. */
  cpuUtilizationPct?: number;
  /**
   * Time reserved (TR) in CCF's embodied formula M = TE × TR/EL × RR/TotalR.
   * `instance-hours` (default) follows CCF's methodology page and issue #524: the hours
   * the instance ran. `ccf-code` reproduces CostAndUsageReports.getEmbodiedEmissions, which
   * divides the hours by the instance's vCPUs.
   */
  embodiedTimeReserved?: 'instance-hours' | 'ccf-code';
  /** Emission factors to use instead of CCF's, in tonnes CO2e/kWh by region (what-ifs). */
  emissionsFactors?: Record<string, number>;
}

/** Memory GB-hours per instance-hour beyond what CCF's CPU coefficients already include. */
function extraMemoryGbPerHour(ec2Type: string): number {
  const spec = ec2InstanceType(ec2Type)!;
  const family = ec2Type.split('.')[0];
  // CCF (calculateGigabyteHours): one chip per 96 vCPUs of the family's largest size,
  // except m5zn and z1d which are always 2.
  const chips = ['m5zn', 'z1d'].includes(family)
    ? 2
    : Math.ceil(spec.familyLargest.vcpu / 96);
  const perChip = processorCoefficients(spec.processors).memoryGbPerChip;
  const delta = spec.familyLargest.memoryGb / chips - perChip;
  if (delta <= 0) return 0;
  return delta / (spec.familyLargest.memoryGb / spec.memoryGb);
}

function part(kwh: number, kgPerKwh: number): EnergyAndEmissions {
  return { kwhPerDay: kwh, co2eKgPerDay: kwh * kgPerKwh };
}

/**
 * Compute, memory and embodied emissions of one compute item, exactly as CCF's
 * AWSComputeEstimatesBuilder, AWSMemoryEstimatesBuilder and EmbodiedEmissionsEstimator do
 * for one usage row, scaled to one day of unit-hours:
 *
 * - watts per vCPU = min + utilisation × (max − min), averaged over the type's processors;
 * - burstable types count vCPU × baseline / 50 % of their vCPU-hours (CostAndUsageReportsRow);
 * - memory only for non-burstable types, beyond the per-chip baseline, × 0.000392 kWh/GB-h;
 *   Fargate memory is all task memory × 0.000392 (CCF issue #1220);
 * - kWh × PUE 1.135 × replication factor (RDS Multi-AZ 2); embodied is not replicated.
 *
 * @public
 */
export function computeItemFootprint(
  item: ComputeUsage,
  options: FormulaOptions = {},
): FootprintItem {
  const spec = item.ec2Type ? ec2InstanceType(item.ec2Type) : undefined;
  const c = processorCoefficients(spec?.processors);
  const util = options.cpuUtilizationPct ?? CCF_AWS.defaultCpuUtilizationPct;
  const watts = c.minWatts + (util / 100) * (c.maxWatts - c.minWatts);
  const baseline = spec?.burstableBaselinePct ?? null;
  const vcpuHours =
    spec && baseline !== null
      ? spec.vcpu * (baseline / CCF_AWS.defaultCpuUtilizationPct)
      : item.vcpus;
  const pue = CCF_AWS.pue;
  const rf = item.replicationFactor;
  const computeKwh = ((watts * vcpuHours * pue) / 1000) * rf;
  let memoryGb = 0;
  if (item.kind === 'fargate') memoryGb = item.memoryGb ?? 0;
  else if (spec && baseline === null)
    memoryGb = extraMemoryGbPerHour(item.ec2Type!);
  const memoryKwh = memoryGb * CCF_AWS.memoryCoefficient * pue * rf;
  let embodiedTonnes = 0;
  if (spec) {
    const reserved =
      options.embodiedTimeReserved === 'ccf-code' ? 1 / spec.vcpu : 1;
    embodiedTonnes =
      spec.embodiedServerTco2e *
      (reserved / CCF_AWS.serverLifespanHours) *
      (spec.vcpu / spec.familyLargest.vcpu);
  }
  const ef = emissionFactor(item.region, options.emissionsFactors).kgPerKwh;
  const perDay = item.unitHoursPerDay;
  const embodiedKg = embodiedTonnes * 1000 * perDay;
  return {
    address: item.address,
    region: item.region,
    component: 'compute',
    kwhPerDay: (computeKwh + memoryKwh) * perDay,
    kwhPerUnitHour: computeKwh + memoryKwh,
    embodiedKgPerUnitHour: embodiedTonnes * 1000,
    ccfEmbodiedKwhPerDay: ef > 0 ? embodiedKg / ef : 0,
    parts: {
      compute: part(computeKwh * perDay, ef),
      memory: part(memoryKwh * perDay, ef),
      embodied: { kwhPerDay: 0, co2eKgPerDay: embodiedKg },
    },
  };
}

/**
 * CCF's StorageEstimator: TB-hours × coefficient (SSD 1.2, HDD 0.65 Wh/TB-h) × PUE ×
 * replication factor, with 1 TB = 1000 GB, for 24 hours of provisioned capacity.
 *
 * @public
 */
export function storageItemFootprint(
  item: StorageUsage,
  options: FormulaOptions = {},
): FootprintItem {
  const wh =
    item.medium === 'SSD' ? CCF_AWS.ssdCoefficient : CCF_AWS.hddCoefficient;
  const tbHours = (item.gigabytes / 1000) * 24;
  const kwh = (tbHours * wh * CCF_AWS.pue * item.replicationFactor) / 1000;
  const ef = emissionFactor(item.region, options.emissionsFactors).kgPerKwh;
  return {
    address: item.address,
    region: item.region,
    component: 'storage',
    kwhPerDay: kwh,
    parts: { storage: part(kwh, ef) },
  };
}

/** CCF's NetworkingEstimator: GB × 0.001 kWh/GB × PUE. @public */
export function networkFootprint(
  address: string,
  region: string,
  gbPerDay: number,
  options: FormulaOptions = {},
): FootprintItem {
  const kwh = gbPerDay * CCF_AWS.networkingCoefficient * CCF_AWS.pue;
  const ef = emissionFactor(region, options.emissionsFactors).kgPerKwh;
  return {
    address,
    region,
    component: 'network',
    kwhPerDay: kwh,
    parts: { network: part(kwh, ef) },
  };
}
