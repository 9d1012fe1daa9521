import { renewableShareOf } from './data/renewables';
import type {
  EnergyAndEmissions,
  EstimateCoverage,
  FootprintComponent,
  NotEstimated,
  ServiceFootprint,
} from './types';

/** The footprint of a squad, tribe or any other group of services. @public */
export interface FootprintRollup {
  name: string;
  services: string[];
  kwhPerDay: number;
  co2eKgPerDay: number;
  co2eKgPerMonth: number;
  carbonTaxSekPerMonth: number;
  breakdown: Record<FootprintComponent, EnergyAndEmissions>;
  byRegion: Record<string, EnergyAndEmissions>;
  renewableShare: number | null;
  coverage: EstimateCoverage;
  notEstimated: (NotEstimated & { service: string })[];
}

/** What a rollup sums: services, or rollups of them (a tribe of squads). */
type Part = ServiceFootprint | FootprintRollup;

function isRollup(p: Part): p is FootprintRollup {
  return 'services' in p;
}

function addInto(
  target: Record<string, EnergyAndEmissions>,
  source: Record<string, EnergyAndEmissions>,
): void {
  for (const [k, v] of Object.entries(source)) {
    const t = (target[k] ??= { kwhPerDay: 0, co2eKgPerDay: 0 });
    t.kwhPerDay += v.kwhPerDay;
    t.co2eKgPerDay += v.co2eKgPerDay;
  }
}

/**
 * Sums services (or smaller rollups) into one group. Every number is the plain sum of its
 * parts, so a tribe built from squads equals the tribe built from all their services; the
 * renewable share is re-derived from the summed per-region energy for the same reason.
 *
 * @public
 */
export function rollupFootprints(
  name: string,
  parts: readonly (ServiceFootprint | FootprintRollup)[],
): FootprintRollup {
  const breakdown = {} as Record<FootprintComponent, EnergyAndEmissions>;
  for (const k of [
    'compute',
    'memory',
    'storage',
    'network',
    'embodied',
  ] as const) {
    breakdown[k] = { kwhPerDay: 0, co2eKgPerDay: 0 };
  }
  const byRegion: Record<string, EnergyAndEmissions> = {};
  const out: FootprintRollup = {
    name,
    services: [],
    kwhPerDay: 0,
    co2eKgPerDay: 0,
    co2eKgPerMonth: 0,
    carbonTaxSekPerMonth: 0,
    breakdown,
    byRegion,
    renewableShare: null,
    coverage: { made: 0, notMade: 0, notMadeShare: 0 },
    notEstimated: [],
  };
  for (const p of parts) {
    out.services.push(...(isRollup(p) ? p.services : [p.service]));
    out.kwhPerDay += p.kwhPerDay;
    out.co2eKgPerDay += p.co2eKgPerDay;
    out.co2eKgPerMonth += p.co2eKgPerMonth;
    out.carbonTaxSekPerMonth += p.carbonTaxSekPerMonth;
    addInto(breakdown, p.breakdown);
    addInto(byRegion, p.byRegion);
    out.coverage.made += p.coverage.made;
    out.coverage.notMade += p.coverage.notMade;
    out.notEstimated.push(
      ...(isRollup(p)
        ? p.notEstimated
        : p.notEstimated.map(n => ({ ...n, service: p.service }))),
    );
  }
  const { made, notMade } = out.coverage;
  out.coverage.notMadeShare = made + notMade ? notMade / (made + notMade) : 0;
  let weighted = 0;
  let weight = 0;
  for (const [region, v] of Object.entries(byRegion)) {
    const r = renewableShareOf(region);
    if (r && v.kwhPerDay > 0) {
      weighted += r.share * v.kwhPerDay;
      weight += v.kwhPerDay;
    }
  }
  out.renewableShare = weight > 0 ? weighted / weight : null;
  return out;
}

/** Groups services by a key (e.g. owning squad) and rolls each group up. @public */
export function rollupBy(
  footprints: readonly ServiceFootprint[],
  keyOf: (f: ServiceFootprint) => string,
): FootprintRollup[] {
  const groups = new Map<string, ServiceFootprint[]>();
  for (const f of footprints) {
    const key = keyOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups].map(([name, list]) => rollupFootprints(name, list));
}
