import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';

// The app, the entity page and the lazily loaded card take a while on a busy CI machine;
// Testing Library's default 1 s wait for the first render has timed out there.
const FIRST_RENDER = { timeout: 15_000 };
jest.setTimeout(30_000);
/** The demo's failing service as a link, once a rendered portfolio lists it. */
const findPaymentProcessing = () =>
  screen.findByRole('link', { name: 'Payment processing' }, FIRST_RENDER);
import { SquadInsightsApi, squadInsightsApiRef } from './api';
import squadInsightsPlugin, { squadInsightsLegacyPlugin } from './index';
import {
  complianceReviewPage,
  groupRollupCard,
  notConnectedCard,
  sustainabilityReportPage,
} from './plugin';
import { paymentsFootprint } from './components/GroupRollupCard/__testUtils__/groupBackend';
import { demoRows } from './components/CompliancePortfolioPage/__testUtils__/portfolioBackend';

const EXTENSION_IDS = [
  'api:squad-insights',
  'entity-card:squad-insights/profile',
  'entity-card:squad-insights/summary',
  'entity-card:squad-insights/not-connected',
  'entity-content:squad-insights/compliance',
  'entity-content:squad-insights/sustainability',
  'entity-card:squad-insights/group-rollup',
  'page:squad-insights/compliance-review',
  'catalog-filter:squad-insights/compliance',
  'page:squad-insights/sustainability-report',
];

describe('squad-insights plugin', () => {
  it.each(EXTENSION_IDS)('provides %s', id => {
    expect(squadInsightsPlugin.getExtension(id as never)).toBeDefined();
  });

  it('provides a legacy plugin with the same id', () => {
    expect(squadInsightsLegacyPlugin.getId()).toBe('squad-insights');
  });

  it('mounts the compliance review page with a title and icon, which give it a sidebar entry', () => {
    const tester = createExtensionTester(complianceReviewPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/squad-insights/compliance-review',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Compliance review');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      squadInsightsPlugin.routes.complianceReview,
    );
  });

  it("asks for the review page's first answer from its loader, once, with the address's view", async () => {
    const api = {
      getPortfolio: jest.fn(async () => ({
        items: demoRows,
        totalCount: demoRows.length,
        offset: 0,
        limit: 25,
        facets: { tribes: [], squads: [], frameworks: [] },
        generatedAt: '2026-11-26T06:00:00Z',
      })),
    };
    renderTestApp({
      extensions: [complianceReviewPage],
      apis: [[squadInsightsApiRef, api as unknown as SquadInsightsApi]],
      initialRouteEntries: [
        '/squad-insights/compliance-review?status=failing&pageSize=25',
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await findPaymentProcessing()).toBeInTheDocument();
    expect(api.getPortfolio.mock.calls).toEqual([
      [{ status: 'failing', offset: 0, limit: 25 }],
    ]);
  });

  it('mounts the sustainability report page where the tribe card links to it', () => {
    const tester = createExtensionTester(sustainabilityReportPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/squad-insights/reports/sustainability',
    );
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      squadInsightsPlugin.routes.sustainabilityReport,
    );
  });
});

describe('entity-card:squad-insights/group-rollup', () => {
  const group = (name: string, type: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type, children: [] },
  });
  const component: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payment-processing', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/payments-squad',
      lifecycle: 'production',
    },
  };

  // A card every entity gets: once it shows, the page has decided which cards to render.
  const sentinelCard = EntityCardBlueprint.make({
    name: 'sentinel',
    params: { loader: async () => <div>Page rendered</div> },
  });

  function render(entity: Entity) {
    const api = {
      getPortfolio: jest.fn(async () => ({
        items: demoRows.filter(r => r.squad === 'group:default/payments-squad'),
        totalCount: 1,
        offset: 0,
        limit: 1000,
        facets: { tribes: [], squads: [], frameworks: [] },
        generatedAt: '2026-11-26T06:00:00Z',
      })),
      getGroupFootprint: jest.fn(async () =>
        paymentsFootprint(`group:default/${entity.metadata.name}`),
      ),
    };
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        groupRollupCard,
        sentinelCard,
      ],
      apis: [
        [squadInsightsApiRef, api as unknown as SquadInsightsApi],
        catalogApiMock({ entities: [entity] }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    return api;
  }

  it.each([
    ['squad', 'payments-squad', "Squad's services"],
    ['tribe', 'commerce-tribe', "Tribe's services"],
    // A chapter's or guild's services are those whose annotations name it.
    ['chapter', 'backend-engineering-chapter', "Chapter's services"],
    ['guild', 'security-engineering-guild', "Guild's services"],
  ])('renders on a %s', async (type, name, title) => {
    const api = render(group(name, type));
    expect(await findPaymentProcessing()).toBeInTheDocument();
    expect(screen.getByText(title)).toBeInTheDocument();
    expect(api.getPortfolio).toHaveBeenCalledWith({
      [type]: `group:default/${name}`,
      limit: 1000,
    });
    expect(api.getGroupFootprint).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name,
    });
  });

  it.each([
    ['a team', group('platform-team', 'team')],
    ['the organisation', group('acme-music', 'organization')],
    ['a component', component],
  ])('does not render on %s', async (_, entity) => {
    const api = render(entity);
    expect(
      await screen.findByText('Page rendered', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    // Neither the rollup nor its 'not a squad or tribe' note.
    expect(screen.queryByText(/services/i)).not.toBeInTheDocument();
    expect(api.getPortfolio).not.toHaveBeenCalled();
    expect(api.getGroupFootprint).not.toHaveBeenCalled();
  });
});

describe('entity-card:squad-insights/not-connected', () => {
  const service = (
    annotations: Record<string, string>,
    type = 'service',
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'legacy-billing', namespace: 'default', annotations },
    spec: {
      type,
      owner: 'group:default/payments-squad',
      lifecycle: 'production',
    },
  });
  const sentinelCard = EntityCardBlueprint.make({
    name: 'sentinel',
    params: { loader: async () => <div>Page rendered</div> },
  });
  const render = (entity: Entity) =>
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        notConnectedCard,
        sentinelCard,
      ],
      apis: [catalogApiMock({ entities: [entity] })],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

  it('explains how to connect a service without squad-insights annotations', async () => {
    render(service({ 'backstage.io/techdocs-ref': 'dir:.' }));
    expect(
      await screen.findByText(
        'Connect to Squad Insights',
        undefined,
        FIRST_RENDER,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/squad-insights\.io\/data-classification/).length,
    ).toBeGreaterThan(0);
  });

  it.each([
    [
      'a connected service',
      service({ 'squad-insights.io/data-classification': 'financial' }),
    ],
    ['a website', service({}, 'website')],
  ])('stays off %s', async (_, entity) => {
    render(entity);
    expect(
      await screen.findByText('Page rendered', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Connect to Squad Insights'),
    ).not.toBeInTheDocument();
  });
});
