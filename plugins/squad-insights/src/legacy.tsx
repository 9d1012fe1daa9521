import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SquadInsightsClient, squadInsightsApiRef } from './api';
import {
  legacyComplianceReviewRouteRef,
  legacySustainabilityReportRouteRef,
} from './routes';

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
  routes: {
    complianceReview: legacyComplianceReviewRouteRef,
    sustainabilityReport: legacySustainabilityReportRouteRef,
  },
});

/**
 * The squad profile card, for a legacy `EntityPage`.
 *
 * @public
 */
export const EntitySquadProfileCard: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntitySquadProfileCard',
      component: {
        lazy: () =>
          import('./components/SquadProfileCard').then(m => m.SquadProfileCard),
      },
    }),
  );

/**
 * Ownership, compliance status and CO2e at a glance, for a legacy `EntityPage` overview.
 *
 * @public
 */
export const EntityServiceSummaryCard: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityServiceSummaryCard',
      component: {
        lazy: () =>
          import('./components/ServiceSummaryCard').then(
            m => m.ServiceSummaryCard,
          ),
      },
    }),
  );

/**
 * How to connect a service to Squad Insights; show it with
 * `<EntitySwitch.Case if={e => !isSquadInsightsAvailable(e)}>`.
 *
 * @public
 */
export const EntityNotConnectedCard: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityNotConnectedCard',
      component: {
        lazy: () =>
          import('./components/NotConnectedCard').then(m => m.NotConnectedCard),
      },
    }),
  );

/**
 * The Compliance tab, for an `EntityLayout.Route` of a legacy service page.
 *
 * @public
 */
export const EntityComplianceContent: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityComplianceContent',
      component: {
        lazy: () =>
          import('./components/ComplianceContent').then(
            m => m.ComplianceContent,
          ),
      },
    }),
  );

/**
 * The Sustainability tab, for an `EntityLayout.Route` of a legacy service page.
 *
 * @public
 */
export const EntitySustainabilityContent: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntitySustainabilityContent',
      component: {
        lazy: () =>
          import('./components/SustainabilityContent').then(
            m => m.SustainabilityContent,
          ),
      },
    }),
  );

/**
 * The compliance and footprint rollup of a squad's, tribe's, chapter's or guild's services, for
 * a legacy group `EntityPage` (show it only for groups of type squad, tribe, chapter or guild).
 *
 * @public
 */
export const EntitySquadRollupCard: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntitySquadRollupCard',
      component: {
        lazy: () =>
          import('./components/GroupRollupCard').then(m => m.GroupRollupCard),
      },
    }),
  );

/**
 * The Compliance review page, for a legacy app's `<FlatRoutes>`, e.g. at
 * `/squad-insights/compliance-review`.
 *
 * @public
 */
export const SquadInsightsCompliancePage: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createRoutableExtension({
      name: 'SquadInsightsCompliancePage',
      mountPoint: legacyComplianceReviewRouteRef,
      component: () =>
        import('./components/CompliancePortfolioPage').then(
          m => m.CompliancePortfolioPage,
        ),
    }),
  );

/**
 * The monthly sustainability report page, for a legacy app's `<FlatRoutes>` at
 * `/squad-insights/reports/sustainability` (the tribe rollup card links there).
 *
 * @public
 */
export const SquadInsightsSustainabilityReportPage: () => JSX.Element | null =
  squadInsightsLegacyPlugin.provide(
    createRoutableExtension({
      name: 'SquadInsightsSustainabilityReportPage',
      mountPoint: legacySustainabilityReportRouteRef,
      component: () =>
        import('./components/SustainabilityReportPage').then(
          m => m.SustainabilityReportPage,
        ),
    }),
  );
