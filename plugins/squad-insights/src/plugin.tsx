import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SquadInsightsClient, squadInsightsApiRef } from './api';

/** `api:squad-insights` — the client of the squad-insights backend. */
export const squadInsightsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: squadInsightsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SquadInsightsClient(deps),
    }),
});

/** `entity-card:squad-insights/profile` — squad model ownership on every service's overview. */
export const squadProfileCard = EntityCardBlueprint.make({
  name: 'profile',
  params: {
    filter: { kind: 'component' },
    type: 'info',
    loader: () =>
      import('./components/SquadProfileCard').then(m => <m.SquadProfileCard />),
  },
});

/** `entity-content:squad-insights/compliance` — the Compliance tab of services. */
export const complianceContent = EntityContentBlueprint.make({
  name: 'compliance',
  params: {
    path: '/compliance',
    title: 'Compliance',
    filter: { kind: 'component', 'spec.type': 'service' },
    loader: () => import('./components/ComplianceContent').then(m => <m.ComplianceContent />),
  },
});

/** `entity-content:squad-insights/sustainability` — the Sustainability tab of services. */
export const sustainabilityContent = EntityContentBlueprint.make({
  name: 'sustainability',
  params: {
    path: '/sustainability',
    title: 'Sustainability',
    filter: { kind: 'component', 'spec.type': 'service' },
    loader: () =>
      import('./components/SustainabilityContent').then(m => <m.SustainabilityContent />),
  },
});

/**
 * Squad Insights for the new frontend system.
 *
 * @public
 */
export const squadInsightsPlugin = createFrontendPlugin({
  pluginId: 'squad-insights',
  info: { packageJson: () => import('../package.json') },
  extensions: [squadInsightsApi, squadProfileCard, complianceContent, sustainabilityContent],
});
