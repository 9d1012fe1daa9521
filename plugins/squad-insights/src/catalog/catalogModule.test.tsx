import {
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import squadInsightsPlugin from '../index';
import {
  demoRows,
  portfolioHandler,
} from '../components/CompliancePortfolioPage/__testUtils__/portfolioBackend';
import { component, summariesHandler } from './__testUtils__/catalogBackend';
import { squadInsightsCatalogModule } from './catalogModule';

// The whole catalog page with its lazily loaded filters is slow to render on a busy machine.
const FIRST_RENDER = { timeout: 15_000 };
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const entities = [
  ...demoRows.map(r => component(r.name)),
  component('legacy-wiki', { connected: false }),
];

function renderCatalog() {
  const summaryRequests: string[][] = [];
  server.use(
    portfolioHandler(demoRows, []),
    summariesHandler({
      rows: demoRows,
      co2eKgPerMonth: { 'component:default/payment-processing': 36.5 },
      requests: summaryRequests,
    }),
  );
  renderTestApp({
    features: [catalogPlugin, squadInsightsCatalogModule, squadInsightsPlugin],
    apis: [catalogApiMock({ entities })],
    config: {
      backend: { baseUrl: 'http://localhost:7007' },
      app: {
        extensions: [
          {
            'catalog-filter:catalog/list': { config: { initialFilter: 'all' } },
          },
        ],
      },
    },
    initialRouteEntries: ['/catalog'],
  });
  return { summaryRequests };
}

const listedNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('link')[0]?.textContent)
    .filter(Boolean);

describe('the catalog page with the squad insights catalog module', () => {
  it('shows the compliance columns, and filters to the failing PCI DSS services', async () => {
    const { summaryRequests } = renderCatalog();
    await screen.findByRole(
      'link',
      { name: 'payment-processing' },
      FIRST_RENDER,
    );
    expect(
      screen.getByRole('columnheader', { name: /Compliance/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: /kg CO2e\/month/ }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByText('Failing').length).toBeGreaterThan(0),
    );
    expect(summaryRequests).toHaveLength(1);
    expect(listedNames()).toEqual(
      expect.arrayContaining(['legacy-wiki', 'subscription-billing']),
    );

    await userEvent.selectOptions(
      await screen.findByLabelText('Compliance status'),
      'failing',
    );
    await screen.findByRole('option', { name: 'PCI DSS v4.0' });
    await userEvent.selectOptions(
      screen.getByLabelText('Compliance framework'),
      'PCI_DSS',
    );
    await waitFor(() => expect(listedNames()).toEqual(['payment-processing']));
  });
});
