import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ElectricityMapsClient } from './ElectricityMapsClient';
import type {
  GridIntensityProvider,
  GridIntensityProviderFactory,
} from './types';

const CONFIG_PATH = 'squadInsights.sustainability.intensity';
const DEFAULT_TYPE = 'electricity-maps';

/**
 * The built-in grid-intensity provider: an API shaped like Electricity Maps' v3.
 *
 * @public
 */
export const electricityMapsProviderFactory: GridIntensityProviderFactory = {
  type: DEFAULT_TYPE,
  create: config => ElectricityMapsClient.fromConfig(config),
};

/**
 * The grid-intensity provider of `squadInsights.sustainability.intensity`, built by the
 * factory of its `type` (default `electricity-maps`; `factories` are those of backend
 * modules), with the extra zones to read; undefined (the bundled yearly averages are used)
 * when not configured.
 *
 * @public
 */
export function readIntensityClient(
  config: Config,
  options: {
    factories?: GridIntensityProviderFactory[];
    logger?: LoggerService;
  } = {},
): { client: GridIntensityProvider; zones: string[] } | undefined {
  const c = config.getOptionalConfig(CONFIG_PATH);
  if (!c) return undefined;
  const factories = [
    electricityMapsProviderFactory,
    ...(options.factories ?? []),
  ];
  const types = factories.map(f => f.type);
  const twice = types.find((t, i) => types.indexOf(t) !== i);
  if (twice !== undefined) {
    throw new Error(
      `Grid intensity provider type "${twice}" is registered twice; each type can have one factory`,
    );
  }
  const type = c.getOptionalString('type') ?? DEFAULT_TYPE;
  const factory = factories.find(f => f.type === type);
  if (!factory) {
    throw new Error(
      `Unknown grid intensity provider type "${type}" at ${CONFIG_PATH}.type; expected one of ${types.join(
        ', ',
      )}`,
    );
  }
  let client: GridIntensityProvider;
  try {
    client = factory.create(c, {
      rootConfig: config,
      logger: options.logger,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Invalid grid intensity provider at ${CONFIG_PATH}: ${message}`,
      {
        cause: error,
      },
    );
  }
  return { client, zones: c.getOptionalStringArray('zones') ?? [] };
}
