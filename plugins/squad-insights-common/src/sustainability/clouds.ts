import { CCF_AWS, own, ProcessorTables } from './coefficients';
import { azureRegion, CCF_AZURE } from './azureCoefficients';
import { CCF_GCP, gcpLocation, gcpPue } from './gcpCoefficients';
import type { Cloud } from './types';

/** The constants of CCF's formulas for one cloud. @public */
export interface CloudModel {
  cloud: Cloud;
  /** AWS 1.135 and Azure 1.185 everywhere; GCP per region (CCF's getPUE). */
  pue(region: string): number;
  defaultCpuUtilizationPct: number;
  processors: ProcessorTables;
  /** kWh per GB-hour. */
  memoryCoefficient: number;
  /** Wh per TB-hour. */
  ssdCoefficient: number;
  hddCoefficient: number;
  /** kWh per GB. */
  networkingCoefficient: number;
  serverLifespanHours: number;
  /** t CO2e/kWh by CCF's region name. */
  emissionsFactors: Record<string, number>;
  /** The key of CCF's average for regions it does not know. */
  unknownKey: string;
  /** CCF's name for a region as the inventory spells it, if CCF knows it. */
  regionKey(region: string): string | undefined;
}

const AWS: CloudModel = {
  cloud: 'aws',
  pue: () => CCF_AWS.pue,
  defaultCpuUtilizationPct: CCF_AWS.defaultCpuUtilizationPct,
  processors: CCF_AWS,
  memoryCoefficient: CCF_AWS.memoryCoefficient,
  ssdCoefficient: CCF_AWS.ssdCoefficient,
  hddCoefficient: CCF_AWS.hddCoefficient,
  networkingCoefficient: CCF_AWS.networkingCoefficient,
  serverLifespanHours: CCF_AWS.serverLifespanHours,
  emissionsFactors: CCF_AWS.emissionsFactors,
  unknownKey: 'unknown',
  regionKey: region =>
    own(CCF_AWS.emissionsFactors, region) !== undefined ? region : undefined,
};

const GCP: CloudModel = {
  cloud: 'gcp',
  pue: region => gcpPue(gcpLocation(region)),
  defaultCpuUtilizationPct: CCF_GCP.defaultCpuUtilizationPct,
  processors: {
    minWattsByProcessor: CCF_GCP.minWattsByProcessor,
    maxWattsByProcessor: CCF_GCP.maxWattsByProcessor,
    minWattsAvg: CCF_GCP.minWattsMedian,
    maxWattsAvg: CCF_GCP.maxWattsMedian,
  },
  memoryCoefficient: CCF_GCP.memoryCoefficient,
  ssdCoefficient: CCF_GCP.ssdCoefficient,
  hddCoefficient: CCF_GCP.hddCoefficient,
  networkingCoefficient: CCF_GCP.networkingCoefficient,
  serverLifespanHours: CCF_GCP.serverLifespanHours,
  emissionsFactors: CCF_GCP.emissionsFactors,
  unknownKey: 'Unknown',
  regionKey: region => {
    const key = gcpLocation(region);
    return own(CCF_GCP.emissionsFactors, key) !== undefined ? key : undefined;
  },
};

const AZURE: CloudModel = {
  cloud: 'azure',
  pue: () => CCF_AZURE.pue,
  defaultCpuUtilizationPct: CCF_AZURE.defaultCpuUtilizationPct,
  processors: CCF_AZURE,
  memoryCoefficient: CCF_AZURE.memoryCoefficient,
  ssdCoefficient: CCF_AZURE.ssdCoefficient,
  hddCoefficient: CCF_AZURE.hddCoefficient,
  networkingCoefficient: CCF_AZURE.networkingCoefficient,
  serverLifespanHours: CCF_AZURE.serverLifespanHours,
  emissionsFactors: CCF_AZURE.emissionsFactors,
  unknownKey: 'Unknown',
  regionKey: region => {
    const key = azureRegion(region);
    return key && own(CCF_AZURE.emissionsFactors, key) !== undefined
      ? key
      : undefined;
  },
};

const MODELS: Record<Cloud, CloudModel> = { aws: AWS, gcp: GCP, azure: AZURE };

/** CCF's constants for a cloud; AWS when none is named. @public */
export function cloudModel(cloud: Cloud | undefined): CloudModel {
  return MODELS[cloud ?? 'aws'];
}

/**
 * The cloud whose emission-factor table names a region. The three clouds spell regions
 * differently (`eu-north-1`, `europe-north1`, `northeurope`), so at most one matches.
 *
 * @public
 */
export function cloudOfRegion(region: string): Cloud | undefined {
  return (['aws', 'gcp', 'azure'] as const).find(
    c => MODELS[c].regionKey(region) !== undefined,
  );
}

/** Result of an emission-factor lookup. @public */
export interface EmissionFactor {
  /** kg CO2e per kWh. */
  kgPerKwh: number;
  /** False when CCF's `unknown` average stood in for the region. */
  known: boolean;
}

/**
 * Grid emission factor of a region in kg CO2e/kWh (CCF stores tonnes), from the table of
 * the given cloud, or of the cloud that names the region. Unknown regions get that cloud's
 * `unknown` average (AWS's when no cloud is known), and the caller records that as an
 * assumption. Overrides are tonnes per kWh by the region as the inventory spells it.
 *
 * @public
 */
export function emissionFactor(
  region: string,
  overrideTonnesPerKwh?: Record<string, number>,
  cloud?: Cloud,
): EmissionFactor {
  const override = overrideTonnesPerKwh && own(overrideTonnesPerKwh, region);
  if (override !== undefined) {
    return { kgPerKwh: override * 1000, known: region !== 'unknown' };
  }
  const model = cloudModel(cloud ?? cloudOfRegion(region));
  const key = model.regionKey(region);
  const tonnes =
    key !== undefined
      ? model.emissionsFactors[key]
      : model.emissionsFactors[model.unknownKey];
  return {
    kgPerKwh: tonnes * 1000,
    known: key !== undefined && key !== model.unknownKey,
  };
}
