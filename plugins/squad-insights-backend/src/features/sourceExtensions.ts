import type { BackendPluginRegistrationPoints } from '@backstage/backend-plugin-api';
import {
  builtInStateSourceFactories,
  squadInsightsGridIntensityExtensionPoint,
  squadInsightsStateSourcesExtensionPoint,
  squadInsightsUsageSourcesExtensionPoint,
  GridIntensityProviderFactory,
  SquadInsightsGridIntensityExtensionPoint,
  SquadInsightsStateSourcesExtensionPoint,
  SquadInsightsUsageSourcesExtensionPoint,
  StateSourceFactoryRegistry,
  UsageSourceFactory,
} from '@squad-insights/backstage-plugin-squad-insights-node';

/**
 * The state source, usage source and grid-intensity provider types modules add through the
 * extension points. The state
 * source registry holds the built-ins from the start, so a module registering a built-in
 * type fails at its own init, naming the type.
 */
export function createSourceExtensions() {
  const stateSourceFactories = new StateSourceFactoryRegistry(
    builtInStateSourceFactories(),
  );
  const usageSourceFactories: UsageSourceFactory[] = [];
  const gridIntensityFactories: GridIntensityProviderFactory[] = [];
  const stateSources: SquadInsightsStateSourcesExtensionPoint = {
    addStateSourceFactory(...factories) {
      for (const factory of factories) stateSourceFactories.add(factory);
    },
  };
  const usageSources: SquadInsightsUsageSourcesExtensionPoint = {
    addUsageSourceFactory(...factories) {
      usageSourceFactories.push(...factories);
    },
  };
  const gridIntensity: SquadInsightsGridIntensityExtensionPoint = {
    addGridIntensityProviderFactory(...factories) {
      gridIntensityFactories.push(...factories);
    },
  };
  return {
    stateSources,
    usageSources,
    gridIntensity,
    /** Offers the three extension points to modules. */
    registerWith(env: BackendPluginRegistrationPoints) {
      env.registerExtensionPoint(
        squadInsightsStateSourcesExtensionPoint,
        stateSources,
      );
      env.registerExtensionPoint(
        squadInsightsUsageSourcesExtensionPoint,
        usageSources,
      );
      env.registerExtensionPoint(
        squadInsightsGridIntensityExtensionPoint,
        gridIntensity,
      );
    },
    stateSourceFactories,
    usageSourceFactories,
    gridIntensityFactories,
  };
}
