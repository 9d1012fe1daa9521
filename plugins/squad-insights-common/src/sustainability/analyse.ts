import type { StateInventory } from '../inventory';
import { adviseService, Heatmap, serviceHeatmap } from './advice';
import type { Advice, AdviceOptions } from './adviceRules';
import { footprintFromUsage, FootprintOptions } from './footprint';
import type { ServiceFootprint, ServiceUsage } from './types';
import { readServiceUsage } from './usage';

/** Options of {@link analyseService}. @public */
export type AnalyseOptions = FootprintOptions &
  Omit<AdviceOptions, 'observedHealthyInstances' | 'emissionsFactors'>;

/** Everything the sustainability card shows for one service. @public */
export interface ServiceAnalysis {
  usage: ServiceUsage;
  footprint: ServiceFootprint;
  advice: Advice[];
  heatmap?: Heatmap;
}

/**
 * Usage, footprint, advice and heatmap of one service in one call, with the same options
 * flowing to each step (observed count, emission-factor overrides, bands).
 *
 * @public
 */
export function analyseService(
  service: string,
  inventories: readonly StateInventory[],
  options: AnalyseOptions,
): ServiceAnalysis {
  const usage = readServiceUsage(inventories, { service, ...options });
  const footprint = footprintFromUsage(service, usage, options);
  const advice = adviseService(usage, footprint, options);
  return {
    usage,
    footprint,
    advice,
    heatmap: serviceHeatmap(usage, options.bands, options.intensity),
  };
}
