import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SquadInsightsClient, squadInsightsApiRef } from './api';

/**
 * Squad Insights for apps still on the legacy frontend system.
 *
 * @public
 */
export const squadInsightsLegacyPlugin = createPlugin({
  id: 'squad-insights',
  apis: [
    createApiFactory({
      api: squadInsightsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SquadInsightsClient(deps),
    }),
  ],
});

/**
 * The squad profile card, for a legacy `EntityPage`.
 *
 * @public
 */
export const EntitySquadProfileCard = squadInsightsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntitySquadProfileCard',
    component: {
      lazy: () =>
        import('./components/SquadProfileCard').then(m => m.SquadProfileCard),
    },
  }),
);
