import type { Config } from '@backstage/config';
import { ElectricityMapsClient } from './ElectricityMapsClient';

/**
 * The grid-intensity client of `squadInsights.sustainability.intensity`, with the extra
 * zones to read; undefined (the bundled yearly averages are used) when not configured.
 *
 * @public
 */
export function readIntensityClient(
  config: Config,
): { client: ElectricityMapsClient; zones: string[] } | undefined {
  const c = config.getOptionalConfig('squadInsights.sustainability.intensity');
  if (!c) return undefined;
  return {
    client: ElectricityMapsClient.fromConfig(c),
    zones: c.getOptionalStringArray('zones') ?? [],
  };
}
