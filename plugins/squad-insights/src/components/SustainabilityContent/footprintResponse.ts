import type { EntityFootprintResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { FactSource } from './StaleSourcesBanner';

/** The footprint response, with the Consul source and the heatmap it carries. */
export type FootprintDetails = EntityFootprintResponse;

/** Every source the footprint was computed from, Consul included, with its freshness. */
export function factSources(response: FootprintDetails): FactSource[] {
  const sources: FactSource[] = response.states.map(s => ({
    reference: s.reference,
    freshness: s.freshness,
  }));
  if (response.consul)
    sources.push({ reference: 'consul', freshness: response.consul.freshness });
  return sources;
}
