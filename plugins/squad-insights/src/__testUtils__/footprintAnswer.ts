import type { EntityFootprintResponse } from '@squad-insights/backstage-plugin-squad-insights-common';

type ServiceFootprint = NonNullable<EntityFootprintResponse['footprint']>;

const part = (kwhPerDay: number, co2eKgPerDay: number) => ({
  kwhPerDay,
  co2eKgPerDay,
});

/**
 * A service's footprint as the backend sends it, for cards that show one or two of its
 * figures: every field the spec requires, zero where the test does not care.
 */
export function serviceFootprint(
  overrides: Partial<ServiceFootprint> = {},
): ServiceFootprint {
  return {
    service: 'payment-processing',
    primaryRegion: 'eu-north-1',
    kwhPerDay: 0,
    co2eKgPerDay: 0,
    co2eKgPerMonth: 0,
    carbonTaxSekPerMonth: 0,
    sekPerKgCo2e: 1.25,
    renewableShare: 0.69,
    meetsRenewableThreshold: true,
    renewableThreshold: 0.5,
    coverage: { made: 0, notMade: 0, notMadeShare: 0 },
    notEstimated: [],
    assumptions: [],
    items: [],
    byRegion: {},
    breakdown: {
      compute: part(0, 0),
      memory: part(0, 0),
      storage: part(0, 0),
      network: part(0, 0),
      embodied: part(0, 0),
    },
    ...overrides,
  };
}

/** The answer of `GET /entities/.../footprint` for payment-processing, typed by the spec. */
export function footprintAnswer(
  overrides: Partial<EntityFootprintResponse> = {},
): EntityFootprintResponse {
  return {
    entityRef: 'component:default/payment-processing',
    criticality: 'critical',
    criticalityDeclared: true,
    advice: [],
    stale: false,
    states: [],
    problems: [],
    history: [],
    ...overrides,
  };
}
