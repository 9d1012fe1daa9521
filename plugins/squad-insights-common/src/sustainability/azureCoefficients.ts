import ccfAzureJson from './data/ccf-azure.json';
import {
  CcfCloudConstants,
  CcfSource,
  own,
  ProcessorTables,
} from './coefficients';
import type { CcfMachineSpec } from './types';

/** One VM size as CCF's VirtualMachineTypes.ts lists it. @public */
export interface CcfAzureVmType {
  series: string;
  vcpu: number;
  memoryGb: number;
  /** Embodied t CO2e of the whole server; null where CCF's table has none (A-series). */
  embodiedServerTco2e: number | null;
  processors: string[] | null;
  /** The last entry of the series, which CCF treats as the whole server. */
  familyLargest: { vcpu: number; memoryGb: number };
}

/** The shape of `data/ccf-azure.json`, generated from CCF's published Azure package. @public */
export interface CcfAzureData extends ProcessorTables, CcfCloudConstants {
  source: CcfSource & { package: string };
  pue: number;
  memoryGbPerChipByProcessor: Record<string, number>;
  memoryGbPerChipAvg: number;
  /** t CO2e/kWh by CCF's region name (`westeurope`); `Unknown` is CCF's average. */
  emissionsFactors: Record<string, number>;
  /** Every spelling CCF accepts for a region (lower case, no spaces) → CCF's name. */
  regionAliases: Record<string, string>;
  /** Premium (P) and Standard SSD (E) disk tiers → billed GB. */
  ssdManagedDiskGb: Record<string, number>;
  /** Standard HDD (S) disk tiers → billed GB. */
  hddManagedDiskGb: Record<string, number>;
  vmTypes: Record<string, CcfAzureVmType>;
  constrainedVcpuTypes: Record<
    string,
    {
      vcpu: number;
      memoryGb: number;
      platformVcpu: number;
      embodiedServerTco2e: number;
      processors: string[] | null;
    }
  >;
}

/** CCF's Azure numbers, with the commit they were taken from in `source.commit`. @public */
export const CCF_AZURE: CcfAzureData = ccfAzureJson as unknown as CcfAzureData;

function byLowerCase<T>(table: Record<string, T>): Map<string, string> {
  return new Map(Object.keys(table).map(k => [k.toLowerCase(), k]));
}
const VM_NAMES = byLowerCase(CCF_AZURE.vmTypes);
const CONSTRAINED_NAMES = byLowerCase(CCF_AZURE.constrainedVcpuTypes);

/**
 * The billing meter name CCF keys its tables by, from an ARM size: `Standard_D2s_v3` →
 * `D2s v3`, `Standard_E4-2s_v4` → `E4-2s v4`, `Standard_NC4as_T4_v3` → `NC4as T4 v3`.
 *
 * @public
 */
export function azureMeterName(size: string): string {
  return size.replace(/^(Standard|Basic)_/i, '').replace(/_/g, ' ');
}

/**
 * An Azure VM size in CCF's terms. Matched without regard to case: CCF's tables and the
 * ARM names differ in case for a few sizes (`B1Ms` versus `Standard_B1ms`). Constrained-vCPU
 * sizes take the platform's vCPUs as the server, as CCF's getDataFromSeriesNameAndUsageType
 * does, and have no memory estimate (CCF finds no series for them).
 *
 * @public
 */
export function azureVmType(size: string): CcfMachineSpec | undefined {
  const meter = azureMeterName(size).toLowerCase();
  const name = VM_NAMES.get(meter);
  if (name) {
    const t = CCF_AZURE.vmTypes[name];
    return {
      vcpu: t.vcpu,
      memoryGb: t.memoryGb,
      embodiedServerTco2e: t.embodiedServerTco2e ?? undefined,
      processors: t.processors ?? ['Unknown'],
      familyLargest: t.familyLargest,
    };
  }
  const constrained = CONSTRAINED_NAMES.get(meter);
  if (!constrained) return undefined;
  const c = CCF_AZURE.constrainedVcpuTypes[constrained];
  return {
    vcpu: c.vcpu,
    embodiedServerTco2e: c.embodiedServerTco2e,
    processors: c.processors ?? ['Unknown'],
    familyLargest: { vcpu: c.platformVcpu },
  };
}

/** CCF's name for an Azure location (`West Europe`, `westeurope` → `westeurope`). @public */
export function azureRegion(location: string): string | undefined {
  return own(
    CCF_AZURE.regionAliases,
    location.toLowerCase().replace(/\s+/g, ''),
  );
}

/** Premium → P tiers, Standard SSD → E tiers, Standard HDD → S tiers; Ultra and v2 have none. */
const TIER_PREFIXES: [RegExp, 'P' | 'E' | 'S'][] = [
  [/^Premium_/i, 'P'],
  [/^StandardSSD_/i, 'E'],
  [/^Standard_/i, 'S'],
];

/**
 * The billed tier of a managed disk, as CCF sizes it: CCF reads the tier from the meter
 * (`P10 LRS Disk`) and counts the tier's capacity, whatever the disk holds. Azure bills the
 * smallest tier at least as large as the disk.
 *
 * @public
 */
export function azureDiskTier(
  storageAccountType: string,
  sizeGb: number,
): { tier: string; gigabytes: number; medium: 'SSD' | 'HDD' } | undefined {
  const prefix = TIER_PREFIXES.find(([pattern]) =>
    pattern.test(storageAccountType),
  )?.[1];
  if (!prefix) return undefined;
  const table =
    prefix === 'S' ? CCF_AZURE.hddManagedDiskGb : CCF_AZURE.ssdManagedDiskGb;
  const tiers = Object.entries(table)
    .filter(([t]) => t.startsWith(prefix))
    .sort((a, b) => a[1] - b[1]);
  const hit = tiers.find(([, gb]) => gb >= sizeGb);
  if (!hit) return undefined;
  return {
    tier: hit[0],
    gigabytes: hit[1],
    medium: prefix === 'S' ? 'HDD' : 'SSD',
  };
}
