import {
  CCF_AWS,
  ec2InstanceType,
  processorCoefficientsFrom,
} from './coefficients';
import { cloudModel, cloudOfRegion, emissionFactor } from './clouds';
import type {
  CcfMachineSpec,
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
   * the instance ran. `ccf-code` reproduces CCF's AWS and Azure code, which divide the
   * hours by the instance's vCPUs (CCF's GCP code already uses instance hours).
   */
  embodiedTimeReserved?: 'instance-hours' | 'ccf-code';
  /** Emission factors to use instead of CCF's, in tonnes CO2e/kWh by region (what-ifs). */
  emissionsFactors?: Record<string, number>;
}

/**
 * CCF's calculateGigabyteHours per instance-hour: the memory beyond what CCF's CPU
 * coefficients already include, with one chip per 96 vCPUs of the family's largest size.
 */
function memoryBeyondChips(
  instanceMemoryGb: number,
  largest: { vcpu: number; memoryGb: number },
  memoryGbPerChip: number,
  chips = Math.ceil(largest.vcpu / 96),
): number {
  const delta = largest.memoryGb / chips - memoryGbPerChip;
  if (delta <= 0) return 0;
  return delta / (largest.memoryGb / instanceMemoryGb);
}

/** AWS: CCF's AWSMemoryEstimatesBuilder; m5zn and z1d are always 2 chips. */
function awsExtraMemoryGbPerHour(ec2Type: string): number {
  const spec = ec2InstanceType(ec2Type)!;
  const family = ec2Type.split('.')[0];
  const perChip = processorCoefficientsFrom(
    CCF_AWS,
    spec.processors,
  ).memoryGbPerChip;
  return memoryBeyondChips(
    spec.memoryGb,
    spec.familyLargest,
    perChip,
    ['m5zn', 'z1d'].includes(family) ? 2 : undefined,
  );
}

/** The memory GB CCF counts per unit-hour of one compute item, by cloud. */
function memoryGbPerHour(item: ComputeUsage, spec?: CcfMachineSpec): number {
  if (item.kind === 'fargate' || item.cloud === 'gcp')
    return item.memoryGb ?? 0;
  if (item.cloud === 'azure') {
    // CCF's Azure getGigabyteHoursFromInstanceTypeAndProcessors: series types only.
    const largest = spec?.familyLargest;
    if (!spec?.memoryGb || !largest?.memoryGb) return 0;
    const perChip = processorCoefficientsFrom(
      cloudModel('azure').processors,
      spec.processors,
    ).memoryGbPerChip;
    return memoryBeyondChips(
      spec.memoryGb,
      { vcpu: largest.vcpu, memoryGb: largest.memoryGb },
      perChip,
    );
  }
  const ec2 = item.ec2Type ? ec2InstanceType(item.ec2Type) : undefined;
  if (ec2 && ec2.burstableBaselinePct === null) {
    return awsExtraMemoryGbPerHour(item.ec2Type!);
  }
  return 0;
}

function part(kwh: number, kgPerKwh: number): EnergyAndEmissions {
  return { kwhPerDay: kwh, co2eKgPerDay: kwh * kgPerKwh };
}

/** The machine in CCF's common terms, whichever cloud it runs in. */
function machineOf(item: ComputeUsage): CcfMachineSpec | undefined {
  if (item.machineSpec) return item.machineSpec;
  const ec2 = item.ec2Type ? ec2InstanceType(item.ec2Type) : undefined;
  return ec2
    ? {
        vcpu: ec2.vcpu,
        memoryGb: ec2.memoryGb,
        embodiedServerTco2e: ec2.embodiedServerTco2e,
        processors: ec2.processors ?? [],
        familyLargest: ec2.familyLargest,
      }
    : undefined;
}

/** Whether CCF's processor averages stood in for an item's processors. @public */
export function usesAverageProcessors(item: ComputeUsage): boolean {
  return processorCoefficientsFrom(
    cloudModel(item.cloud).processors,
    machineOf(item)?.processors,
  ).usesAverage;
}

/**
 * Compute, memory and embodied emissions of one compute item, exactly as CCF's
 * ComputeEstimator, MemoryEstimator and EmbodiedEmissionsEstimator do for one usage row,
 * with the cloud's own constants, scaled to one day of unit-hours:
 *
 * - watts per vCPU = min + utilisation × (max − min), averaged over the type's processors;
 * - AWS burstable types count vCPU × baseline / 50 % of their vCPU-hours (CostAndUsageReportsRow);
 * - memory: AWS non-burstable and Azure series types beyond the per-chip baseline; Fargate
 *   task memory and GCP memory (when the type name gives it) in full; × 0.000392 kWh/GB-h;
 * - kWh × PUE (AWS 1.135, Azure 1.185, GCP by region) × replication factor; embodied is
 *   not replicated.
 *
 * @public
 */
export function computeItemFootprint(
  item: ComputeUsage,
  options: FormulaOptions = {},
): FootprintItem {
  const model = cloudModel(item.cloud);
  const spec = machineOf(item);
  const c = processorCoefficientsFrom(model.processors, spec?.processors);
  // Measured utilisation of this very resource beats a caller-wide figure and CCF's default.
  const util =
    item.cpuUtilizationPct ??
    options.cpuUtilizationPct ??
    model.defaultCpuUtilizationPct;
  const watts = c.minWatts + (util / 100) * (c.maxWatts - c.minWatts);
  const ec2 = item.ec2Type ? ec2InstanceType(item.ec2Type) : undefined;
  const baseline = ec2?.burstableBaselinePct ?? null;
  const vcpuHours =
    ec2 && baseline !== null
      ? ec2.vcpu * (baseline / CCF_AWS.defaultCpuUtilizationPct)
      : item.vcpus;
  const pue = model.pue(item.region);
  const rf = item.replicationFactor;
  const computeKwh = ((watts * vcpuHours * pue) / 1000) * rf;
  const memoryKwh =
    memoryGbPerHour(item, spec) * model.memoryCoefficient * pue * rf;
  let embodiedTonnes = 0;
  if (spec?.embodiedServerTco2e) {
    const perVcpu =
      options.embodiedTimeReserved === 'ccf-code' && item.cloud !== 'gcp';
    embodiedTonnes =
      spec.embodiedServerTco2e *
      ((perVcpu ? 1 / spec.vcpu : 1) / model.serverLifespanHours) *
      (spec.vcpu / spec.familyLargest.vcpu);
  }
  const ef = emissionFactor(
    item.region,
    options.emissionsFactors,
    item.cloud,
  ).kgPerKwh;
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
  const model = cloudModel(item.cloud);
  const wh =
    item.medium === 'SSD' ? model.ssdCoefficient : model.hddCoefficient;
  const tbHours = (item.gigabytes / 1000) * 24;
  const kwh =
    (tbHours * wh * model.pue(item.region) * item.replicationFactor) / 1000;
  const ef = emissionFactor(
    item.region,
    options.emissionsFactors,
    item.cloud,
  ).kgPerKwh;
  return {
    address: item.address,
    region: item.region,
    component: 'storage',
    kwhPerDay: kwh,
    parts: { storage: part(kwh, ef) },
  };
}

/** CCF's NetworkingEstimator: GB × 0.001 kWh/GB × PUE of the region's cloud. @public */
export function networkFootprint(
  address: string,
  region: string,
  gbPerDay: number,
  options: FormulaOptions = {},
): FootprintItem {
  const model = cloudModel(cloudOfRegion(region));
  const kwh = gbPerDay * model.networkingCoefficient * model.pue(region);
  const ef = emissionFactor(region, options.emissionsFactors).kgPerKwh;
  return {
    address,
    region,
    component: 'network',
    kwhPerDay: kwh,
    parts: { network: part(kwh, ef) },
  };
}
