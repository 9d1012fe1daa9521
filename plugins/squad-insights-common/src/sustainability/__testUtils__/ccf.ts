/**
 * Helpers for the CCF vector tests: the emission factors and embodied period CCF's own
 * CostAndUsageReports.test.ts used, and CCF's way of reporting kWh (with embodied) and t.
 */
import type { ComputeUsage, FootprintItem, StorageUsage } from '../types';

export const CCF_TEST_EF = {
  'us-east-1': 0.0003651277965,
  'us-east-2': 0.0003761283186,
  'us-west-1': 0.0002986502059,
  'us-west-2': 0.0002986502059,
  'eu-central-1': 0.000368,
  'ap-south-1': 0.00095182,
};
export const asCcf = {
  emissionsFactors: CCF_TEST_EF,
  embodiedTimeReserved: 'ccf-code' as const,
};

export function compute(
  c: Partial<ComputeUsage> & { ec2Type: string; hours: number },
): ComputeUsage {
  return {
    address: c.ec2Type,
    kind: 'ec2',
    vcpus: c.vcpus ?? 0,
    region: c.region ?? 'us-east-1',
    unitHoursPerDay: c.hours,
    replicaSource: 'static',
    replicationFactor: c.replicationFactor ?? 1,
    ...c,
  };
}

/** CCF's kilowattHours: operational + embodied co2e / emission factor. */
export const ccfKwh = (f: FootprintItem) =>
  f.kwhPerDay + (f.ccfEmbodiedKwhPerDay ?? 0);
/** CCF's co2e is in metric tonnes. */
export const ccfTonnes = (f: FootprintItem) =>
  Object.values(f.parts).reduce((s, p) => s + p!.co2eKgPerDay, 0) / 1000;

/** Relative difference; CCF sums in a different order, so equal to ~1e-15, not bit-exact. */
export const rel = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);
export const TOL = 1e-12;

export function disk(
  s: Partial<StorageUsage> & { gigabytes: number },
): StorageUsage {
  return {
    address: 'disk',
    medium: 'SSD',
    region: 'us-east-1',
    replicationFactor: 1,
    replicationKey: 'DEFAULT',
    ...s,
  };
}

/** CCF turns GB-months into TB-hours with the days of the month (October, January: 31). */
export const month31 = (f: FootprintItem) => ({
  kwh: f.kwhPerDay * 31,
  t: (f.parts.storage!.co2eKgPerDay * 31) / 1000,
});
