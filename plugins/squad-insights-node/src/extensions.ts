import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { StateSourceFactory } from './terraform/sources/StateSourceFactory';
import type { UsageSourceFactory } from './usage/types';
import type { GridIntensityProviderFactory } from './intensity/types';

/**
 * Adds Terraform state source types to the Squad Insights backend. The built-in types
 * (`local`, `http`, `s3`, `hcp`, `consul`) are registered first, the same way; a type can be
 * registered only once.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'squad-insights',
 *   moduleId: 'gcs-state',
 *   register(env) {
 *     env.registerInit({
 *       deps: { sources: squadInsightsStateSourcesExtensionPoint },
 *       async init({ sources }) {
 *         sources.addStateSourceFactory({
 *           type: 'gcs',
 *           create: entry => new GcsStateSource(entry.getString('id'), entry.getString('bucket')),
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 * A config entry `{ id: 'prod', type: 'gcs', bucket: ... }` under
 * `squadInsights.terraform.sources` then makes `prod:<key>` references readable.
 *
 * @public
 */
export interface SquadInsightsStateSourcesExtensionPoint {
  addStateSourceFactory(...factories: StateSourceFactory[]): void;
}

/**
 * The extension point of {@link SquadInsightsStateSourcesExtensionPoint}.
 *
 * @public
 */
export const squadInsightsStateSourcesExtensionPoint =
  createExtensionPoint<SquadInsightsStateSourcesExtensionPoint>({
    id: 'squad-insights.state-sources',
  });

/**
 * Adds usage source types to the Squad Insights backend: a factory of type `t` builds one
 * source per entry of `squadInsights.sustainability.usage.t`. CloudWatch (`cloudwatch`) is
 * built in.
 *
 * @public
 */
export interface SquadInsightsUsageSourcesExtensionPoint {
  addUsageSourceFactory(...factories: UsageSourceFactory[]): void;
}

/**
 * The extension point of {@link SquadInsightsUsageSourcesExtensionPoint}.
 *
 * @public
 */
export const squadInsightsUsageSourcesExtensionPoint =
  createExtensionPoint<SquadInsightsUsageSourcesExtensionPoint>({
    id: 'squad-insights.usage-sources',
  });

/**
 * Adds grid-intensity provider types to the Squad Insights backend: with
 * `squadInsights.sustainability.intensity.type` set to a factory's type, that factory builds
 * the provider from the `intensity` section. `electricity-maps` (the default) is built in.
 *
 * @public
 */
export interface SquadInsightsGridIntensityExtensionPoint {
  addGridIntensityProviderFactory(
    ...factories: GridIntensityProviderFactory[]
  ): void;
}

/**
 * The extension point of {@link SquadInsightsGridIntensityExtensionPoint}.
 *
 * @public
 */
export const squadInsightsGridIntensityExtensionPoint =
  createExtensionPoint<SquadInsightsGridIntensityExtensionPoint>({
    id: 'squad-insights.grid-intensity',
  });
