import type { StateInventory } from '../inventory';
import { cloudModel, cloudOfRegion, emissionFactor } from './clouds';
import { renewableShareOf } from './data/renewables';
import {
  computeItemFootprint,
  FormulaOptions,
  networkFootprint,
  storageItemFootprint,
  usesAverageProcessors,
} from './estimate';
import { readServiceUsage, UsageOptions } from './usage';
import type {
  Cloud,
  EnergyAndEmissions,
  FootprintComponent,
  FootprintItem,
  RegionFactors,
  ServiceFootprint,
  ServiceUsage,
} from './types';

/** Days in the mean Gregorian month (365.2425 / 12), used for every per-month figure. @public */
export const DAYS_PER_MONTH = 30.4375;

/** Options of the service estimate. @public */
export interface FootprintOptions extends UsageOptions, FormulaOptions {
  /** SEK per kg CO2e for the internal carbon price; default 1.25. */
  sekPerKgCo2e?: number;
  /** Renewable share a region must reach to pass; default 0.5. */
  renewableThreshold?: number;
}

const CLOUD_LABEL: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'GCP',
  azure: 'Azure',
};

const COMPONENTS: FootprintComponent[] = [
  'compute',
  'memory',
  'storage',
  'network',
  'embodied',
];

function zero(): EnergyAndEmissions {
  return { kwhPerDay: 0, co2eKgPerDay: 0 };
}

function add(target: EnergyAndEmissions, p: EnergyAndEmissions): void {
  target.kwhPerDay += p.kwhPerDay;
  target.co2eKgPerDay += p.co2eKgPerDay;
}

/** PUE and grid factor of each region the items use, for the breakdown. */
function regionFactors(
  items: FootprintItem[],
  options: FootprintOptions,
): RegionFactors[] {
  const regions = [...new Set(items.map(i => i.region))].sort();
  return regions.map(region => {
    const cloud = cloudOfRegion(region) ?? 'aws';
    const ef = emissionFactor(region, options.emissionsFactors, cloud);
    const overridden = options.emissionsFactors?.[region] !== undefined;
    return {
      region,
      cloud,
      pue: cloudModel(cloud).pue(region),
      gridKgCo2ePerKwh: ef.kgPerKwh,
      gridSource: overridden
        ? 'given by the caller'
        : `CCF ${CLOUD_LABEL[cloud]} location-based annual factor${
            ef.known ? '' : ' (unknown region: CCF average)'
          }`,
    };
  });
}

/**
 * The footprint of one service from usage already read. Separate from
 * `estimateServiceFootprint` so what-ifs (another region, another schedule) can re-use it.
 *
 * @public
 */
export function footprintFromUsage(
  service: string,
  usage: ServiceUsage,
  options: FootprintOptions = {},
): ServiceFootprint {
  const assumptions = [...usage.assumptions];
  const items: FootprintItem[] = [
    ...usage.compute.map(c => computeItemFootprint(c, options)),
    ...usage.storage.map(s => storageItemFootprint(s, options)),
  ];
  for (const lb of usage.loadBalancers ?? []) {
    // Bytes an ALB processed are traffic it moved: CCF's networking coefficient, per GB.
    items.push(
      networkFootprint(lb.address, lb.region, lb.processedGbPerDay, options),
    );
  }
  if (usage.networkGbPerDay !== undefined) {
    items.push(
      networkFootprint(
        `${service}:network`,
        usage.primaryRegion,
        usage.networkGbPerDay,
        options,
      ),
    );
  }
  for (const c of usage.compute) {
    if (usesAverageProcessors(c)) {
      const p = cloudModel(c.cloud).processors;
      assumptions.push(
        `${c.address}: processor not in CCF's coefficient table, CCF's ${
          CLOUD_LABEL[c.cloud ?? 'aws']
        } fall-back ${p.minWattsAvg}–${p.maxWattsAvg} W/vCPU used`,
      );
    }
  }
  const breakdown = Object.fromEntries(
    COMPONENTS.map(k => [k, zero()]),
  ) as Record<FootprintComponent, EnergyAndEmissions>;
  const byRegion: Record<string, EnergyAndEmissions> = {};
  for (const item of items) {
    byRegion[item.region] ??= zero();
    for (const [k, p] of Object.entries(item.parts)) {
      add(breakdown[k as FootprintComponent], p!);
      add(byRegion[item.region], p!);
    }
  }
  for (const region of Object.keys(byRegion)) {
    if (!emissionFactor(region, options.emissionsFactors).known) {
      assumptions.push(
        `${region}: no CCF emission factor, CCF's 'unknown' average used`,
      );
    }
  }
  const kwhPerDay = COMPONENTS.reduce((s, k) => s + breakdown[k].kwhPerDay, 0);
  const co2eKgPerDay = COMPONENTS.reduce(
    (s, k) => s + breakdown[k].co2eKgPerDay,
    0,
  );
  const co2eKgPerMonth = co2eKgPerDay * DAYS_PER_MONTH;
  let weighted = 0;
  let weight = 0;
  for (const [region, p] of Object.entries(byRegion)) {
    const r = renewableShareOf(region);
    if (r && p.kwhPerDay > 0) {
      weighted += r.share * p.kwhPerDay;
      weight += p.kwhPerDay;
    } else if (!r) {
      assumptions.push(
        `${region}: no renewable-share data; left out of renewableShare`,
      );
    }
  }
  const renewableShare = weight > 0 ? weighted / weight : null;
  const threshold = options.renewableThreshold ?? 0.5;
  const sekPerKgCo2e = options.sekPerKgCo2e ?? 1.25;
  // One estimate per (resource, component): compute items make a compute and, when the
  // type has embodied data, an embodied estimate; storage and network make one each.
  const made =
    items.length +
    items.filter(
      i => i.component === 'compute' && (i.embodiedKgPerUnitHour ?? 0) > 0,
    ).length;
  const notMade = usage.notEstimated.length;
  const requests = usage.loadBalancers?.length
    ? usage.loadBalancers.reduce((t, lb) => t + lb.requestsPerDay, 0)
    : undefined;
  return {
    factors: regionFactors(items, options),
    requestsPerDay: requests,
    kwhPerTransaction: requests ? kwhPerDay / requests : null,
    measured: usage.measured,
    service,
    primaryRegion: usage.primaryRegion,
    kwhPerDay,
    co2eKgPerDay,
    co2eKgPerMonth,
    breakdown,
    byRegion,
    carbonTaxSekPerMonth: co2eKgPerMonth * sekPerKgCo2e,
    sekPerKgCo2e,
    renewableShare,
    meetsRenewableThreshold:
      renewableShare === null ? null : renewableShare >= threshold,
    renewableThreshold: threshold,
    notEstimated: usage.notEstimated,
    coverage: {
      made,
      notMade,
      notMadeShare: made + notMade ? notMade / (made + notMade) : 0,
    },
    assumptions: [...new Set(assumptions)],
    items,
    schedule: usage.schedule,
  };
}

/**
 * Energy, CO2e, carbon tax and renewable share of one service from its Terraform
 * inventories, following Cloud Carbon Footprint's methodology for AWS, GCP and Azure. Pure: no IO, and the
 * clock only when `weekOf` is not given.
 *
 * @public
 */
export function estimateServiceFootprint(
  service: string,
  inventories: readonly StateInventory[],
  options: FootprintOptions = {},
): ServiceFootprint {
  const usage = readServiceUsage(inventories, { service, ...options });
  return footprintFromUsage(service, usage, options);
}
