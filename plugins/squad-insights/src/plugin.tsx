import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { SquadInsightsClient, squadInsightsApiRef } from './api';
import { isSquadInsightsAvailable } from './components/NotConnectedCard/isSquadInsightsAvailable';
import { ComplianceReviewIcon } from './components/common/ComplianceReviewIcon';
import { prefetchPortfolioPageOf } from './components/CompliancePortfolioPage/portfolioRequests';
import {
  complianceReviewRouteRef,
  sustainabilityReportRouteRef,
} from './routes';

/** `api:squad-insights` — the client of the squad-insights backend. */
export const squadInsightsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: squadInsightsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SquadInsightsClient(deps),
    }),
});

const isComponent = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'component';
const isService = (entity: Entity) =>
  isComponent(entity) && entity.spec?.type === 'service';
/** Components that declare at least one squad-insights annotation get the plugin's views. */
const isConnected = (entity: Entity) =>
  isComponent(entity) && isSquadInsightsAvailable(entity);
const isConnectedService = (entity: Entity) =>
  isService(entity) && isSquadInsightsAvailable(entity);

/** `entity-card:squad-insights/profile` — squad model ownership on every connected component's overview. */
export const squadProfileCard = EntityCardBlueprint.make({
  name: 'profile',
  params: {
    filter: isConnected,
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
    filter: isConnectedService,
    loader: () =>
      import('./components/ComplianceContent').then(m => (
        <m.ComplianceContent />
      )),
  },
});

/** `entity-content:squad-insights/sustainability` — the Sustainability tab of services. */
export const sustainabilityContent = EntityContentBlueprint.make({
  name: 'sustainability',
  params: {
    path: '/sustainability',
    title: 'Sustainability',
    filter: isConnectedService,
    loader: () =>
      import('./components/SustainabilityContent').then(m => (
        <m.SustainabilityContent />
      )),
  },
});

/** `entity-card:squad-insights/summary` — ownership, compliance status and CO2e at a glance. */
export const serviceSummaryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: isConnected,
    type: 'info',
    loader: () =>
      import('./components/ServiceSummaryCard').then(m => (
        <m.ServiceSummaryCard />
      )),
  },
});

/**
 * `entity-card:squad-insights/not-connected` — on services without any squad-insights
 * annotation: how to connect them, with the annotations to copy.
 */
export const notConnectedCard = EntityCardBlueprint.make({
  name: 'not-connected',
  params: {
    filter: (entity: Entity) =>
      isService(entity) && !isSquadInsightsAvailable(entity),
    type: 'content',
    loader: () =>
      import('./components/NotConnectedCard').then(m => <m.NotConnectedCard />),
  },
});

/**
 * `entity-card:squad-insights/group-rollup` — compliance and footprint of a squad-model group's
 * services on its group page: those a squad or tribe owns, and those whose
 * `squad-insights.io/chapter` / `guild` annotation names a chapter or guild, so a guild lead
 * sees the guild's services. Other groups (teams, the organisation) do not get the card.
 */
export const groupRollupCard = EntityCardBlueprint.make({
  name: 'group-rollup',
  params: {
    filter: {
      kind: 'group',
      'spec.type': { $in: ['squad', 'tribe', 'chapter', 'guild'] },
    },
    type: 'content',
    loader: () =>
      import('./components/GroupRollupCard').then(m => <m.GroupRollupCard />),
  },
});

/**
 * `page:squad-insights/compliance-review` — the whole portfolio for compliance reviewers. The
 * title and icon give it its sidebar entry.
 */
export const complianceReviewPage = PageBlueprint.makeWithOverrides({
  name: 'compliance-review',
  factory(originalFactory, { apis, config }) {
    const path = config.path ?? '/squad-insights/compliance-review';
    // The page's first request goes out before its code has loaded, let alone rendered: now,
    // when the app opens on the page, or else from the loader when the page is visited.
    prefetchPortfolioPageOf(apis, path);
    return originalFactory({
      path,
      title: 'Compliance review',
      icon: <ComplianceReviewIcon />,
      routeRef: complianceReviewRouteRef,
      loader: () => {
        prefetchPortfolioPageOf(apis);
        return import('./components/CompliancePortfolioPage').then(m => (
          <m.CompliancePortfolioPage />
        ));
      },
    });
  },
});

/**
 * `page:squad-insights/sustainability-report` — the monthly sustainability report of a tribe
 * (`?tribe=`) or the organisation, printable on A4, linked from tribe pages' rollup card.
 */
export const sustainabilityReportPage = PageBlueprint.make({
  name: 'sustainability-report',
  params: {
    path: '/squad-insights/reports/sustainability',
    routeRef: sustainabilityReportRouteRef,
    loader: () =>
      import('./components/SustainabilityReportPage').then(m => (
        <m.SustainabilityReportPage />
      )),
  },
});

/**
 * `catalog-filter:squad-insights/compliance` — compliance status, framework and tribe filters
 * on the catalog page, e.g. the failing PCI DSS services of one tribe.
 */
export const complianceCatalogFilter = CatalogFilterBlueprint.make({
  name: 'compliance',
  params: {
    loader: () =>
      import('./catalog/ComplianceFilterPicker').then(m => (
        <m.ComplianceFilterPicker />
      )),
  },
});

/**
 * Squad Insights for the new frontend system.
 *
 * @public
 */
export const squadInsightsPlugin = createFrontendPlugin({
  pluginId: 'squad-insights',
  title: 'Squad Insights',
  info: { packageJson: () => import('../package.json') },
  routes: {
    complianceReview: complianceReviewRouteRef,
    sustainabilityReport: sustainabilityReportRouteRef,
  },
  // One extension a line, in the order the README lists them.
  extensions: [
    squadInsightsApi,
    squadProfileCard,
    serviceSummaryCard,
    notConnectedCard,
    complianceContent,
    sustainabilityContent,
    groupRollupCard,
    complianceReviewPage,
    sustainabilityReportPage,
    complianceCatalogFilter,
  ],
});
