import type { Entity } from '@backstage/catalog-model';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { CatalogTable } from '@backstage/plugin-catalog';
import {
  EntityKindFilter,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SquadInsightsClient, squadInsightsApiRef } from '../api';
import { demoRows } from '../components/CompliancePortfolioPage/__testUtils__/portfolioBackend';
import { component, summariesHandler } from './__testUtils__/catalogBackend';
import { withSquadInsightsColumns } from './columns';

const server = setupServer();
registerMswTestHooks(server);

// A table of a few dozen rows with lazily rendered cells is slow on a busy machine.
jest.setTimeout(20_000);

// A client per render: answers are reused per client for a minute, which must not carry
// over from one test to the next.
const newClient = () =>
  new SquadInsightsClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://localhost:7007/api/squad-insights',
    },
    fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  });

// The demo portfolio's services, one connected component the portfolio does not hold, and a
// component without any squad-insights annotation.
const entities: Entity[] = [
  ...demoRows.map(r => component(r.name)),
  component('design-system', { type: 'library' }),
  component('legacy-wiki', { connected: false }),
];
const co2eKgPerMonth = {
  'component:default/payment-processing': 36.52,
  'component:default/subscription-billing': 12.04,
};

function renderTable(kind = 'component') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [squadInsightsApiRef, newClient()],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
      ]}
    >
      <MockEntityListContextProvider
        value={{
          entities,
          filters: { kind: new EntityKindFilter(kind, kind) },
        }}
      >
        <CatalogTable columns={withSquadInsightsColumns()} />
      </MockEntityListContextProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The cells of the row of one entity, by column title. */
async function rowOf(name: string) {
  const link = await screen.findByRole('link', { name });
  const row = link.closest('tr')!;
  const titles = within(screen.getAllByRole('row')[0])
    .getAllByRole('columnheader')
    .map(h => h.textContent ?? '');
  const cells = within(row).getAllByRole('cell');
  return (title: string) => cells[titles.findIndex(t => t.includes(title))];
}

describe('the catalog table columns', () => {
  it('shows status, failing checks and kg CO2e/month, from one request for the whole page', async () => {
    const requests: string[][] = [];
    server.use(summariesHandler({ rows: demoRows, co2eKgPerMonth, requests }));
    await renderTable();

    const payment = await rowOf('payment-processing');
    expect(
      await within(payment('Compliance')).findByText('Failing'),
    ).toBeInTheDocument();
    expect(payment('Compliance')).toHaveTextContent('3 failing');
    expect(payment('kg CO2e/month')).toHaveTextContent('36.5');

    const billing = await rowOf('subscription-billing');
    expect(
      within(billing('Compliance')).getByText('Compliant'),
    ).toBeInTheDocument();
    expect(billing('Compliance')).not.toHaveTextContent('failing');
    expect(billing('kg CO2e/month')).toHaveTextContent('12');

    // Unknown footprint, and a connected component outside the portfolio: "—", not zero.
    const rights = await rowOf('rights-ledger');
    expect(rights('kg CO2e/month')).toHaveTextContent('—');
    const library = await rowOf('design-system');
    expect(library('Compliance')).toHaveTextContent('—');
    expect(library('kg CO2e/month')).toHaveTextContent('—');

    // No annotation: "—" in both columns, and the backend is not even asked.
    const wiki = await rowOf('legacy-wiki');
    expect(wiki('Compliance')).toHaveTextContent('—');
    expect(wiki('kg CO2e/month')).toHaveTextContent('—');

    expect(requests).toHaveLength(1);
    expect([...requests[0]].sort()).toEqual(
      [
        ...demoRows.map(r => r.entityRef),
        'component:default/design-system',
      ].sort(),
    );
  });

  it('shows "—" for what the catalog hides from the user', async () => {
    const requests: string[][] = [];
    const hidden = ['component:default/payment-processing'];
    server.use(
      summariesHandler({ rows: demoRows, co2eKgPerMonth, requests, hidden }),
    );
    await renderTable();
    const billing = await rowOf('subscription-billing');
    expect(
      await within(billing('Compliance')).findByText('Compliant'),
    ).toBeInTheDocument();
    const payment = await rowOf('payment-processing');
    expect(payment('Compliance')).toHaveTextContent('—');
    expect(payment('kg CO2e/month')).toHaveTextContent('—');
  });

  it('keeps the table when the backend fails, saying why in the cell', async () => {
    server.use(
      http.post('*/api/squad-insights/compliance/summaries', () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database unavailable' },
            request: {
              method: 'POST',
              url: '/api/squad-insights/compliance/summaries',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    await renderTable();
    const payment = await rowOf('payment-processing');
    const cell = payment('Compliance');
    expect(await within(cell).findByText('unavailable')).toBeInTheDocument();
    expect(within(cell).getByText('unavailable')).toHaveAttribute(
      'title',
      expect.stringContaining('database unavailable'),
    );
    // The entity without annotations is still just "—".
    expect((await rowOf('legacy-wiki'))('Compliance')).toHaveTextContent('—');
  });

  it('adds no columns when the table lists another kind', async () => {
    const requests: string[][] = [];
    server.use(summariesHandler({ rows: demoRows, co2eKgPerMonth, requests }));
    await renderTable('api');
    await screen.findByRole('link', { name: 'payment-processing' });
    const titles = within(screen.getAllByRole('row')[0]).getAllByRole(
      'columnheader',
    );
    expect(titles.map(t => t.textContent)).not.toContain('Compliance');
    expect(titles.some(t => t.textContent?.includes('CO2e'))).toBe(false);
    expect(requests).toEqual([]);
  });
});
