/**
 * Which electricity grid zone (Electricity Maps' zone keys) each cloud region draws from,
 * and a yearly-average intensity per zone to fall back on when no hourly source is
 * configured or a zone is not covered.
 *
 * Region locations are the providers' own: AWS "Regions and Availability Zones"
 * (eu-north-1 Stockholm, eu-west-1 Dublin, eu-central-1 Frankfurt, us-east-1 N. Virginia),
 * Google Cloud "Cloud locations" (europe-north1 Hamina, europe-west1 St. Ghislain,
 * europe-west4 Eemshaven) and Azure "Azure geographies" (swedencentral Gävle/Sandviken,
 * northeurope Ireland, westeurope Netherlands). The zone is the bidding zone or
 * balancing area that location lies in, spelt as Electricity Maps' zone list spells it
 * (https://api.electricitymap.org/v3/zones). Gävle and Stockholm lie in SE3.
 */
import { emissionFactor } from '../clouds';
import type { Cloud } from '../types';

/** A cloud region's grid zone. @public */
export interface GridZone {
  region: string;
  cloud: Cloud;
  zone: string;
  location: string;
}

/** The table; regions not listed have no zone and keep CCF's annual factor only. @public */
export const GRID_ZONES: readonly GridZone[] = [
  { region: 'eu-north-1', cloud: 'aws', zone: 'SE3', location: 'Stockholm' },
  { region: 'eu-west-1', cloud: 'aws', zone: 'IE', location: 'Dublin' },
  { region: 'eu-central-1', cloud: 'aws', zone: 'DE', location: 'Frankfurt' },
  {
    region: 'us-east-1',
    cloud: 'aws',
    zone: 'US-MIDA-PJM',
    location: 'N. Virginia',
  },
  { region: 'europe-north1', cloud: 'gcp', zone: 'FI', location: 'Hamina' },
  {
    region: 'europe-west1',
    cloud: 'gcp',
    zone: 'BE',
    location: 'St. Ghislain',
  },
  { region: 'europe-west4', cloud: 'gcp', zone: 'NL', location: 'Eemshaven' },
  {
    region: 'swedencentral',
    cloud: 'azure',
    zone: 'SE3',
    location: 'Gävle/Sandviken',
  },
  { region: 'northeurope', cloud: 'azure', zone: 'IE', location: 'Ireland' },
  { region: 'westeurope', cloud: 'azure', zone: 'NL', location: 'Netherlands' },
];

/** The Swedish bidding zones, read from the intensity source whatever regions are in use. @public */
export const SWEDISH_ZONES = ['SE1', 'SE2', 'SE3', 'SE4'] as const;

/** The grid zone of a region, if the table knows it. @public */
export function gridZoneOfRegion(region: string): GridZone | undefined {
  return GRID_ZONES.find(z => z.region === region);
}

/** The zones to read for the regions in use, plus SE1–SE4. @public */
export function zonesFor(regions: readonly string[]): string[] {
  const zones = new Set<string>(SWEDISH_ZONES);
  for (const r of regions) {
    const z = gridZoneOfRegion(r);
    if (z) zones.add(z.zone);
  }
  return [...zones].sort();
}

/**
 * The yearly-average fallback of a zone. It is the location-based annual factor CCF
 * publishes for the region in that zone (the same factor the CO2e estimate uses), so the
 * fallback never disagrees with the footprint. Sweden's four zones have no zone-level
 * figure in CCF; they share the national factor CCF gives eu-north-1, and the label says so.
 *
 * @public
 */
export function yearlyIntensity(
  zone: string,
): { gCo2ePerKwh: number; source: string } | undefined {
  const swedish = (SWEDISH_ZONES as readonly string[]).includes(zone);
  const row = swedish
    ? gridZoneOfRegion('eu-north-1')
    : GRID_ZONES.find(z => z.zone === zone);
  if (!row) return undefined;
  const ef = emissionFactor(row.region, undefined, row.cloud);
  if (!ef.known) return undefined;
  return {
    gCo2ePerKwh: ef.kgPerKwh * 1000,
    source: swedish
      ? `yearly average: CCF's national factor for Sweden (AWS eu-north-1), not specific to ${zone}`
      : `yearly average: CCF's location-based factor for ${row.region}`,
  };
}
