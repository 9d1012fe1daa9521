import ccfAwsJson from './data/ccf-aws.json';

/** One EC2 type as CCF's AWSInstanceTypes.ts lists it. @public */
export interface CcfInstanceType {
  vcpu: number;
  memoryGb: number;
  /** Teads/CCF embodied emissions of the whole server, t CO2e over its lifespan. */
  embodiedServerTco2e: number;
  processors: string[] | null;
  /** The largest size of the family, which CCF treats as the whole server. */
  familyLargest: { vcpu: number; memoryGb: number };
  /** CPU credit baseline of burstable (t-family) types, in percent; null otherwise. */
  burstableBaselinePct: number | null;
}

/** Where a cloud's CCF numbers were taken from. @public */
export interface CcfSource {
  repository: string;
  commit: string;
  licence: string;
  files: string[];
  note: string;
}

/** The constants CCF defines alike for every cloud (units as in {@link CcfAwsData}). @public */
export interface CcfCloudConstants {
  source: CcfSource;
  defaultCpuUtilizationPct: number;
  /** kWh per GB-hour. */
  memoryCoefficient: number;
  /** Wh per TB-hour. */
  ssdCoefficient: number;
  hddCoefficient: number;
  /** kWh per GB. */
  networkingCoefficient: number;
  serverLifespanHours: number;
  replicationFactors: Record<string, number>;
  /** Metric tonnes CO2e per kWh by CCF's region name. */
  emissionsFactors: Record<string, number>;
}

/** The shape of `data/ccf-aws.json`, extracted verbatim from CCF. @public */
export interface CcfAwsData extends CcfCloudConstants {
  pue: number;
  minWattsAvg: number;
  maxWattsAvg: number;
  minWattsByProcessor: Record<string, number>;
  maxWattsByProcessor: Record<string, number>;
  memoryGbPerChipByProcessor: Record<string, number>;
  memoryGbPerChipAvg: number;
  /** Metric tonnes CO2e per kWh; `unknown` is CCF's average. */
  emissionsFactors: Record<string, number>;
  rdsVcpu: Record<string, number>;
  elasticacheVcpu: Record<string, number>;
  mskVcpu: Record<string, number>;
  ec2InstanceTypes: Record<string, CcfInstanceType>;
}

/** CCF's AWS numbers, with the commit they were taken from in `source.commit`. @public */
export const CCF_AWS: CcfAwsData = ccfAwsJson as CcfAwsData;

/** Watts and memory baseline for a list of processors, as CCF averages them. @public */
export interface ProcessorCoefficients {
  minWatts: number;
  maxWatts: number;
  memoryGbPerChip: number;
  /** True when CCF's fleet averages (0.74 / 3.5 W, 80.69 GB) had to stand in. */
  usesAverage: boolean;
}

const OUTLIERS = ['Sandy Bridge', 'Ivy Bridge'];

/** A table entry by own key only (no prototype keys such as `constructor`). */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key)
    ? table[key]
    : undefined;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** One cloud's per-processor tables and the fleet averages CCF falls back to. @public */
export interface ProcessorTables {
  minWattsByProcessor: Record<string, number>;
  maxWattsByProcessor: Record<string, number>;
  minWattsAvg: number;
  maxWattsAvg: number;
  memoryGbPerChipByProcessor?: Record<string, number>;
  memoryGbPerChipAvg?: number;
}

/**
 * CCF's getMinWatts/getMaxWatts/getMemory (the same in its AWS, GCP and Azure packages,
 * with each cloud's own tables): the average over the type's processors, the median when
 * Sandy or Ivy Bridge (outliers) are among them. If any processor has no coefficient CCF's
 * average becomes NaN and it falls back to the cloud's fleet average; we do the same on
 * purpose, so our numbers stay CCF's.
 *
 * @public
 */
export function processorCoefficientsFrom(
  tables: ProcessorTables,
  processors: readonly string[] | null | undefined,
): ProcessorCoefficients {
  const list = processors?.length ? processors : ['Unknown'];
  const pick = (table: Record<string, number>) =>
    list.map(p => own(table, p)).filter((v): v is number => v !== undefined);
  const mins = pick(tables.minWattsByProcessor);
  const maxs = pick(tables.maxWattsByProcessor);
  const mems = pick(tables.memoryGbPerChipByProcessor ?? {});
  const known = mins.length === list.length && maxs.length === list.length;
  const useMedian = list.some(p => OUTLIERS.includes(p));
  const combine = useMedian ? median : mean;
  return {
    minWatts: known ? combine(mins) : tables.minWattsAvg,
    maxWatts: known ? combine(maxs) : tables.maxWattsAvg,
    memoryGbPerChip:
      mems.length === list.length ? mean(mems) : tables.memoryGbPerChipAvg ?? 0,
    usesAverage: !known,
  };
}

/** {@link processorCoefficientsFrom} with CCF's AWS tables. @public */
export function processorCoefficients(
  processors: readonly string[] | null | undefined,
): ProcessorCoefficients {
  return processorCoefficientsFrom(CCF_AWS, processors);
}

/** An EC2 type from CCF's table, or undefined. @public */
export function ec2InstanceType(name: string): CcfInstanceType | undefined {
  return Object.prototype.hasOwnProperty.call(CCF_AWS.ec2InstanceTypes, name)
    ? CCF_AWS.ec2InstanceTypes[name]
    : undefined;
}

/** What a declared managed-service type resolves to. @public */
export interface ResolvedType {
  vcpus?: number;
  /** The EC2 equivalent whose processors, memory and embodied data CCF uses. */
  ec2Type?: string;
  spec?: CcfInstanceType;
}

/**
 * Resolves `db.*`, `cache.*`, `kafka.*` and plain EC2 types. CCF strips the service prefix
 * and looks processors, memory and embodied data up in the EC2 table (CostAndUsageReportsRow
 * .parseInstanceTypeFromUsageType); vCPUs come from the service's own table first and fall
 * back to the EC2 table, as CCF's extractVCpuFromInstanceType does when the bill has none.
 *
 * @public
 */
export function resolveInstanceType(
  kind: 'ec2' | 'rds' | 'elasticache' | 'msk',
  declared: string,
): ResolvedType {
  const stripped = declared.replace(/^(db|cache|kafka)\./i, '');
  const spec = ec2InstanceType(stripped);
  let vcpus: number | undefined;
  if (kind === 'rds') vcpus = own(CCF_AWS.rdsVcpu, declared);
  if (kind === 'elasticache') vcpus = own(CCF_AWS.elasticacheVcpu, declared);
  if (kind === 'msk') vcpus = own(CCF_AWS.mskVcpu, `Kafka.${stripped}`);
  return {
    vcpus: vcpus ?? spec?.vcpu,
    ec2Type: spec ? stripped : undefined,
    spec,
  };
}

/** CCF's replication factor by key (e.g. `S3`, `RDS_MULTI_AZ`); `DEFAULT` is 1. @public */
export function replicationFactor(key: string): number {
  return (
    own(CCF_AWS.replicationFactors, key) ?? CCF_AWS.replicationFactors.DEFAULT
  );
}
