import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { GridIntensity } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * Where the hourly carbon intensity of grid zones comes from.
 *
 * @public
 */
export interface GridIntensityProvider {
  /** The last hours of a zone (at least the last 24); throws when they cannot be read. */
  history(zone: string): Promise<GridIntensity>;
}

/**
 * Builds the grid-intensity provider of `squadInsights.sustainability.intensity` when its
 * `type` is this factory's. `electricity-maps` (the default type) is built in; a backend
 * module adds its own through `squadInsightsGridIntensityExtensionPoint`.
 *
 * @public
 */
export interface GridIntensityProviderFactory {
  readonly type: string;
  /** The provider for the `intensity` config section; throws naming a missing or bad field. */
  create(
    config: Config,
    deps: { rootConfig: Config; logger?: LoggerService },
  ): GridIntensityProvider;
}
