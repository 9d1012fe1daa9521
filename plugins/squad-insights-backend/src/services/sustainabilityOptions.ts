import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  AnalyseOptions,
  bandOfHour,
  GreenBands,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** The config-driven part of the analysis; criticality and observed counts are per service. */
export type SustainabilityOptions = Pick<
  AnalyseOptions,
  'sekPerKgCo2e' | 'renewableThreshold' | 'bands' | 'allowedRegions'
>;

/**
 * Reads `squadInsights.sustainability`. Bands are checked at startup (every hour in exactly
 * one band) so a typo fails the backend instead of every footprint request.
 */
export function readSustainabilityOptions(
  config: RootConfigService,
): SustainabilityOptions {
  const c = config.getOptionalConfig('squadInsights.sustainability');
  const options: SustainabilityOptions = {
    sekPerKgCo2e: c?.getOptionalNumber('carbonTaxSekPerKg') ?? 1.25,
    renewableThreshold: c?.getOptionalNumber('renewableThreshold') ?? 0.5,
    allowedRegions: c?.getOptionalStringArray('allowedRegions'),
  };
  const bands = c?.getOptionalConfig('greenBands');
  if (bands) {
    const hours = (key: string) =>
      (bands.getOptional<number[]>(key) ?? []).map(Number);
    const parsed: GreenBands = {
      high: hours('high'),
      medium: hours('medium'),
      low: hours('low'),
    };
    try {
      bandOfHour(parsed);
    } catch (e) {
      throw new Error(
        `squadInsights.sustainability.greenBands: ${(e as Error).message}`,
      );
    }
    options.bands = parsed;
  }
  return options;
}
