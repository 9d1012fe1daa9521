/**
 * Yearly share of renewable electricity of the grid an AWS region draws from. A regional
 * grid number, not AWS's own purchases: AWS's market-based claims (PPAs, certificates) are
 * not in here on purpose, because the CO2e numbers use CCF's location-based factors too.
 *
 * All figures are for calendar year 2023, the latest year every source had final or
 * provisional data when this table was written. Definitions differ a little between
 * national statistics offices (share of generation vs. of gross consumption); `definition`
 * says which one each row is. Update the whole table at once, one year at a time.
 */

/** One grid's renewable share. @public */
export interface RenewableShare {
  region: string;
  grid: string;
  year: number;
  /** 0..1 */
  share: number;
  definition: string;
  source: string;
  url: string;
}

/** The table; add rows, never mix years within a release. @public */
export const RENEWABLE_SHARES: readonly RenewableShare[] = [
  {
    region: 'eu-north-1',
    grid: 'Sweden (SE3, national mix)',
    year: 2023,
    // 170 TWh: hydro 40 %, wind 21 %, solar 2 %, CHP (mostly biofuel) 8 % => ~69 %
    // renewable (the 29 % nuclear is low-carbon but not renewable).
    share: 0.69,
    definition: 'share of national electricity generation',
    source:
      'Energimyndigheten/SCB yearly electricity statistics 2023 (as summarised in Energi i Sverige, sv.wikipedia); cross-checked with Ember/lowcarbonpower.org 2023 (hydro >42 %, wind >20 %, nuclear 30 %)',
    url: 'https://www.energimyndigheten.se/statistik/',
  },
  {
    region: 'eu-west-1',
    grid: 'Ireland (all-island market, ROI generation)',
    year: 2023,
    share: 0.461,
    definition: 'share of electricity generated (provisional)',
    source:
      'SEAI provisional 2023 figures, quoted in Dáil written answer 11505/24 of 7 March 2024 (wind 39 %)',
    url: 'https://www.seai.ie/data-and-insights/seai-statistics/monthly-energy-data/electricity/',
  },
  {
    region: 'eu-central-1',
    grid: 'Germany',
    year: 2023,
    share: 0.56,
    definition: 'share of electricity generation',
    source:
      'Bundesnetzagentur/SMARD, Der Strommarkt im Jahr 2023 (56 %; Fraunhofer ISE reports 59.7 % of public net generation, UBA/AGEE-Stat 51.8 % of gross consumption)',
    url: 'https://www.smard.de/',
  },
  {
    region: 'us-east-1',
    grid: 'Virginia (PJM), in-state generation',
    year: 2023,
    // Solar ~6 %, biomass ~3 %, conventional hydro ~1 %; gas and nuclear make up the rest.
    share: 0.1,
    definition: 'share of in-state net generation, approximate (±2 pp)',
    source:
      'EIA Electricity Data Browser / State Energy Profile: Virginia, 2023',
    url: 'https://www.eia.gov/state/analysis.php?sid=VA',
  },
];

/** The renewable share of a region, or undefined when the table has no row for it. @public */
export function renewableShareOf(region: string): RenewableShare | undefined {
  return RENEWABLE_SHARES.find(r => r.region === region);
}
