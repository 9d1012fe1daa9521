import type { WireSchemas } from '../api';
/**
 * Shared shapes of the sustainability estimate. Everything here is plain data so the same
 * result can be computed in the backend, cached, and rendered in the browser.
 */

/** Criticality of a service, from the entity's spec or annotation. @public */
export type Criticality = 'critical' | 'high' | 'medium' | 'low';

/** The parts of a footprint that are reported separately. @public */
export type FootprintComponent =
  | 'compute'
  | 'memory'
  | 'storage'
  | 'network'
  | 'embodied';

/** Energy and emissions of one component, per day. @public */
export interface EnergyAndEmissions {
  /** Operational energy after PUE. Always 0 for `embodied` (see the methodology doc). */
  kwhPerDay: number;
  /** kg CO2e per day. */
  co2eKgPerDay: number;
}

/** Something the estimate could not cover, named so nobody reads a gap as a zero. @public */
export interface NotEstimated {
  /** Resource instance address, or `<service>:network` for the service's traffic. */
  address: string;
  /** Which estimate is missing: `compute` also covers the memory of that resource. */
  component: 'compute' | 'storage' | 'network' | 'embodied';
  reason: string;
}

/** How many (resource, component) estimates were made and how many could not be. @public */
export interface EstimateCoverage {
  made: number;
  notMade: number;
  /** notMade / (made + notMade); 0 when there was nothing to estimate. */
  notMadeShare: number;
}

/**
 * Scheduled capacity over one real week in one time zone: 7 local days (Monday first) ×
 * 24 local hours. On the spring daylight-saving Sunday the 02 cell has 0 real hours, on the
 * autumn Sunday it has 2, so the cells always add up to the true length of the week.
 * Defined by the backend's OpenAPI spec, which the backend answers it in.
 *
 * @public
 */
export type WeeklyCapacity = WireSchemas['WeeklyCapacity'];

/** The cloud whose CCF coefficients apply: the spec's list. @public */
export type Cloud = RegionFactors['cloud'];

/**
 * A GCP machine type or Azure VM size in CCF's terms (AWS keeps its richer
 * `CcfInstanceType`). Optional fields are absent where CCF's tables have no figure.
 *
 * @public
 */
export interface CcfMachineSpec {
  vcpu: number;
  /** Azure: from CCF's table; GCP: custom types' names, predefined types' published sizes. */
  memoryGb?: number;
  /** Embodied t CO2e of the whole server over its lifespan. */
  embodiedServerTco2e?: number;
  processors: string[];
  /** What CCF treats as the whole server: the last entry of the type's family or series. */
  familyLargest: { vcpu: number; memoryGb?: number };
}

/** One running thing whose compute we estimate: an instance, a task, a node or a broker. @public */
export interface ComputeUsage {
  address: string;
  kind:
    | 'ec2'
    | 'fargate'
    | 'rds'
    | 'elasticache'
    | 'msk'
    | 'gce'
    | 'gke'
    | 'cloudsql'
    | 'azure-vm'
    | 'aks'
    | 'azure-db';
  /** Whose coefficients apply; absent means AWS. */
  cloud?: Cloud;
  /** The type as Terraform names it, e.g. `db.r6g.xlarge`, `kafka.m5.large`. */
  declaredType?: string;
  /** The EC2 type CCF looks coefficients up by (prefix stripped), when known. */
  ec2Type?: string;
  /** GCP and Azure: the machine type or size CCF's tables know it by, when they do. */
  machineSpec?: CcfMachineSpec;
  vcpus: number;
  /**
   * Memory CCF counts in full: Fargate task memory, and GCP machine memory (CCF reads GCP
   * RAM from the bill, without a per-chip baseline).
   */
  memoryGb?: number;
  region: string;
  /**
   * Unit-hours (replicas × hours) per 24 real hours: the reference week's total × 24 /
   * hours in that week, so a daylight-saving week does not bias a month.
   */
  unitHoursPerDay: number;
  /** Where the replica count came from. */
  replicaSource: 'schedule' | 'observed' | 'static';
  /** CCF multiplies compute and memory of RDS Multi-AZ by 2 (its test expects this). */
  replicationFactor: number;
  /** The configured schedule (also kept when an observed count drives the estimate). */
  schedule?: WeeklyCapacity;
  /** Average CPU utilisation measured for this resource (CloudWatch); replaces CCF's default. */
  cpuUtilizationPct?: number;
}

/** Provisioned storage. @public */
export interface StorageUsage {
  address: string;
  /** Whose coefficients apply; absent means AWS. */
  cloud?: Cloud;
  medium: 'SSD' | 'HDD';
  gigabytes: number;
  region: string;
  replicationFactor: number;
  /** Which CCF replication factor was applied, for the record. */
  replicationKey: string;
}

/** An application load balancer's measured traffic (CloudWatch `ProcessedBytes`, `RequestCount`). @public */
export interface LoadBalancerUsage {
  address: string;
  region: string;
  processedGbPerDay: number;
  requestsPerDay: number;
}

/** Where the measured part of a usage came from and how fresh it is (defined by the spec). @public */
export type MeasuredSource = WireSchemas['MeasuredSource'];

/** Everything read from a service's Terraform inventories. @public */
export interface ServiceUsage {
  compute: ComputeUsage[];
  storage: StorageUsage[];
  networkGbPerDay?: number;
  /** Load balancers whose traffic was measured; counted with CCF's networking coefficient. */
  loadBalancers?: LoadBalancerUsage[];
  /** Present when measured usage (CloudWatch) went into this estimate. */
  measured?: MeasuredSource;
  notEstimated: NotEstimated[];
  assumptions: string[];
  /** The most common region of the compute (or the configured one). */
  primaryRegion: string;
  /** The schedule used for the heatmap (first scheduled workload), if any. */
  schedule?: WeeklyCapacity;
}

/**
 * One line per estimated resource, so advice and what-ifs can re-use the numbers (defined by
 * the spec).
 *
 * @public
 */
export type FootprintItem = WireSchemas['FootprintItem'];

/** The footprint of one service. @public */
export interface ServiceFootprint {
  service: string;
  primaryRegion: string;
  /** Operational energy after PUE: compute + memory + storage + network. No embodied. */
  kwhPerDay: number;
  /** Operational + embodied. */
  co2eKgPerDay: number;
  /** co2eKgPerDay × 30.4375 (the mean Gregorian month). */
  co2eKgPerMonth: number;
  breakdown: Record<FootprintComponent, EnergyAndEmissions>;
  byRegion: Record<string, EnergyAndEmissions>;
  carbonTaxSekPerMonth: number;
  sekPerKgCo2e: number;
  /** kWh-weighted renewable share of the regions used; null when no region has data. */
  renewableShare: number | null;
  meetsRenewableThreshold: boolean | null;
  renewableThreshold: number;
  notEstimated: NotEstimated[];
  coverage: EstimateCoverage;
  assumptions: string[];
  items: FootprintItem[];
  schedule?: WeeklyCapacity;
  /** PUE and grid emission factor applied in each region, so the breakdown shows them. */
  factors?: RegionFactors[];
  /**
   * Operational kWh per request where a request count is measured (ALB `RequestCount`);
   * null when no request count is known.
   */
  kwhPerTransaction?: number | null;
  requestsPerDay?: number;
  /** Present when measured usage went into the estimate. */
  measured?: MeasuredSource;
}

/** The PUE and grid factor used for one region (defined by the spec). @public */
export type RegionFactors = WireSchemas['RegionFactors'];
