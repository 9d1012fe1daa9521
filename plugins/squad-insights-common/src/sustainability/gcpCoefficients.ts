import ccfGcpJson from './data/ccf-gcp.json';
import { CcfCloudConstants, own } from './coefficients';
import { gcpPredefinedMemoryGb } from './gcpMachineMemory';
import type { CcfMachineSpec } from './types';

/** The shape of `data/ccf-gcp.json`, copied verbatim from CCF's GCP package. @public */
export interface CcfGcpData extends CcfCloudConstants {
  pueAvg: number;
  /** CCF's trailing-twelve-month PUE of the regions Google publishes one for. */
  pueByRegion: Record<string, number>;
  /** GCP's fall-backs are medians, not averages (MIN/MAX_WATTS_MEDIAN). */
  minWattsMedian: number;
  maxWattsMedian: number;
  minWattsByProcessor: Record<string, number>;
  maxWattsByProcessor: Record<string, number>;
  dualRegions: string[];
  multiRegions: string[];
  /** Google's grid factors, t CO2e/kWh: CCF's default. */
  emissionsFactors: Record<string, number>;
  /** Net of Google's carbon-free energy share: CCF's USE_CARBON_FREE_ENERGY_PERCENTAGE. */
  emissionsFactorsWithCarbonFreeEnergy: Record<string, number>;
  processorsByMachinePrefix: Record<string, string[]>;
  /** family → machine type → [vCPUs, embodied t CO2e of the whole server]. */
  machineFamilies: Record<string, Record<string, [number, number]>>;
  sharedCoreMachineFamilies: Record<string, Record<string, [number, number]>>;
  n1SharedCoreMachineTypes: Record<string, [number, number]>;
}

/** CCF's GCP numbers, with the commit they were taken from in `source.commit`. @public */
export const CCF_GCP: CcfGcpData = ccfGcpJson as unknown as CcfGcpData;

/**
 * CCF's family tables as CCF means them. Three keys are misspelt in CCF's MachineTypes.ts, so
 * CCF's own lookup misses them: family `e2-highmen`, type `"n2-highmem-8\t"`, and
 * `c2-standard-*` listed under `c2d-standard`. We repair the first two (the numbers are
 * unambiguous) and leave c2d out (its sizes are not in CCF's tables at all).
 */
const FAMILIES: Record<string, Record<string, [number, number]>> = (() => {
  const out: Record<string, Record<string, [number, number]>> = {};
  for (const [family, types] of Object.entries(CCF_GCP.machineFamilies)) {
    if (family === 'c2d-standard') continue;
    const name = family === 'e2-highmen' ? 'e2-highmem' : family;
    out[name] = {};
    for (const [type, row] of Object.entries(types))
      out[name][type.trim()] = row;
  }
  return out;
})();

const SHARED_CORE = [
  'e2-micro',
  'e2-small',
  'e2-medium',
  'f1-micro',
  'g1-small',
];

/** `n2-custom-4-16384`, `custom-2-7680` (N1), with optional `-ext` (extended memory). */
const CUSTOM = /^(?:([a-z][a-z0-9]*)-)?custom-(\d+)-(\d+)(?:-ext)?$/;

function processorsOf(series: string): string[] {
  const list = CCF_GCP.processorsByMachinePrefix;
  return Object.prototype.hasOwnProperty.call(list, series)
    ? list[series]
    : ['Unknown'];
}

function lastRow(family: Record<string, [number, number]>): [number, number] {
  const rows = Object.values(family);
  return rows[rows.length - 1];
}

/**
 * A Compute Engine machine type as CCF's MachineTypes.ts describes it: vCPUs and embodied
 * emissions per type, the family's last entry as the whole server (CCF's
 * getDataFromMachineType), processors by machine series. Custom types carry their vCPUs and
 * memory in the name, but CCF has no embodied figure for them. Memory is not in CCF's
 * tables (CCF reads RAM GB-hours from the bill); predefined types take Google's published
 * size, which is what that bill counts (see gcpMachineMemory.ts).
 *
 * @public
 */
export function gcpMachineType(name: string): CcfMachineSpec | undefined {
  const type = name.slice(name.lastIndexOf('/') + 1).trim();
  const custom = CUSTOM.exec(type);
  if (custom) {
    const vcpu = Number(custom[2]);
    return {
      vcpu,
      memoryGb: Number(custom[3]) / 1024,
      processors: processorsOf(custom[1] ?? 'n1'),
      familyLargest: { vcpu },
    };
  }
  if (SHARED_CORE.includes(type)) {
    // CCF: e2 shared-core types against e2-standard-32, f1/g1 against n1-standard-96.
    const table = type.startsWith('e2-')
      ? CCF_GCP.sharedCoreMachineFamilies.e2
      : CCF_GCP.n1SharedCoreMachineTypes;
    const row = table[type];
    return {
      vcpu: row[0],
      memoryGb: gcpPredefinedMemoryGb(type, row[0]),
      embodiedServerTco2e: row[1],
      processors: processorsOf(type),
      familyLargest: { vcpu: lastRow(table)[0] },
    };
  }
  const family = type.split('-').slice(0, 2).join('-');
  const table = Object.prototype.hasOwnProperty.call(FAMILIES, family)
    ? FAMILIES[family]
    : undefined;
  const row =
    table && Object.prototype.hasOwnProperty.call(table, type)
      ? table[type]
      : undefined;
  if (!table || !row) return undefined;
  return {
    vcpu: row[0],
    memoryGb: gcpPredefinedMemoryGb(type, row[0]),
    embodiedServerTco2e: row[1],
    processors: processorsOf(type.split('-')[0]),
    familyLargest: { vcpu: lastRow(table)[0] },
  };
}

/** CCF's GCP PUE: the region's trailing-twelve-month figure, else 1.1. @public */
export function gcpPue(region: string): number {
  return own(CCF_GCP.pueByRegion, region) ?? CCF_GCP.pueAvg;
}

/**
 * CCF's name for a GCP location: regions as they are, multi-regions `EU`/`US`/`ASIA` and
 * dual-regions `EUR4`/`NAM4`/`ASIA1` lower case, with `eu` spelt `europe` as CCF does.
 *
 * @public
 */
export function gcpLocation(location: string): string {
  const l = location.toLowerCase();
  return l === 'eu' ? 'europe' : l;
}
