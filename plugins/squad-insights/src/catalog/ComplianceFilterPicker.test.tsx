import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  DefaultEntityFilters,
  EntityKindFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useEffect } from 'react';
import { SquadInsightsClient, squadInsightsApiRef } from '../api';
import {
  demoRows,
  portfolioHandler,
} from '../components/CompliancePortfolioPage/__testUtils__/portfolioBackend';
import { component } from './__testUtils__/catalogBackend';
import { ComplianceEntityFilter } from './ComplianceEntityFilter';
import {
  COMPLIANCE_FILTER_KEY,
  ComplianceFilterPicker,
} from './ComplianceFilterPicker';

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

const client = new SquadInsightsClient({
  discoveryApi: {
    getBaseUrl: async () => 'http://localhost:7007/api/squad-insights',
  },
  fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
});

type Filters = DefaultEntityFilters & {
  [COMPLIANCE_FILTER_KEY]?: ComplianceEntityFilter;
};

/** Reports every change of the catalog's filters, as the catalog table would see them. */
function FilterProbe(props: { onChange: (filters: Filters) => void }) {
  const { filters } = useEntityList<Filters>();
  const { onChange } = props;
  useEffect(() => {
    onChange(filters);
  }, [filters, onChange]);
  return null;
}

function renderPicker(options: { kind?: string; query?: string[] } = {}) {
  let latest: Filters = {};
  const { kind = 'component', query } = options;
  renderInTestApp(
    <TestApiProvider apis={[[squadInsightsApiRef, client]]}>
      <MockEntityListContextProvider<Filters>
        value={{
          filters: { kind: new EntityKindFilter(kind, kind) },
          queryParameters: query ? { [COMPLIANCE_FILTER_KEY]: query } : {},
        }}
      >
        <ComplianceFilterPicker />
        <FilterProbe
          onChange={f => {
            latest = f;
          }}
        />
      </MockEntityListContextProvider>
    </TestApiProvider>,
  );
  return { filter: () => latest[COMPLIANCE_FILTER_KEY] };
}

const ref = (name: string) => `component:default/${name}`;

describe('ComplianceFilterPicker', () => {
  it('filters the catalog to the failing PCI DSS services, then to one tribe of them', async () => {
    const requests: URLSearchParams[] = [];
    server.use(portfolioHandler(demoRows, requests));
    const { filter } = renderPicker();

    const framework = await screen.findByLabelText('Compliance framework');
    await screen.findByRole('option', { name: 'PCI DSS v4.0' });
    expect(filter()).toBeUndefined(); // nothing selected: the catalog is not constrained

    await userEvent.selectOptions(
      screen.getByLabelText('Compliance status'),
      'failing',
    );
    await userEvent.selectOptions(framework, 'PCI_DSS');
    await waitFor(() =>
      expect(filter()?.selection).toEqual({
        status: 'failing',
        framework: 'PCI_DSS',
      }),
    );
    // In the demo portfolio only payment-processing fails PCI DSS; subscription-billing passes it.
    expect(filter()!.entityRefs).toEqual([ref('payment-processing')]);
    expect(filter()!.filterEntity(component('payment-processing'))).toBe(true);
    expect(filter()!.filterEntity(component('subscription-billing'))).toBe(
      false,
    );
    expect(filter()!.toQueryValue()).toEqual([
      'status:failing',
      'framework:PCI_DSS',
    ]);

    // "My tribe's failing services": status and tribe together.
    await userEvent.selectOptions(
      screen.getByLabelText('Compliance framework'),
      '',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Tribe'),
      'group:default/content-tribe',
    );
    await waitFor(() =>
      expect(filter()?.selection).toEqual({
        status: 'failing',
        tribe: 'group:default/content-tribe',
      }),
    );
    expect(filter()!.entityRefs).toEqual([ref('rights-ledger')]);
    const last = requests[requests.length - 1];
    expect(Object.fromEntries(last)).toEqual(
      expect.objectContaining({
        status: 'failing',
        tribe: 'group:default/content-tribe',
      }),
    );
    expect(last.get('framework')).toBeNull();

    // Back to "any": the filter is removed, not left matching everything or nothing.
    await userEvent.selectOptions(
      screen.getByLabelText('Compliance status'),
      '',
    );
    await userEvent.selectOptions(screen.getByLabelText('Tribe'), '');
    await waitFor(() => expect(filter()).toBeUndefined());
  });

  it('restores the selection of a shared link', async () => {
    server.use(portfolioHandler(demoRows, []));
    const { filter } = renderPicker({
      query: ['status:failing', 'framework:PCI_DSS'],
    });
    await waitFor(() =>
      expect(filter()?.entityRefs).toEqual([ref('payment-processing')]),
    );
    expect(screen.getByLabelText('Compliance status')).toHaveValue('failing');
    expect(screen.getByLabelText('Compliance framework')).toHaveValue(
      'PCI_DSS',
    );
  });

  it('matches nothing and says why when the portfolio cannot be read', async () => {
    server.use(
      http.get('*/api/squad-insights/compliance/portfolio', () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database unavailable' },
            request: {
              method: 'GET',
              url: '/api/squad-insights/compliance/portfolio',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    const { filter } = renderPicker({ query: ['status:failing'] });
    expect(
      await screen.findByText(
        /could not be applied, so nothing matches: database unavailable/,
      ),
    ).toBeInTheDocument();
    expect(filter()?.entityRefs).toEqual([]);
    expect(filter()!.filterEntity(component('payment-processing'))).toBe(false);
  });

  it('is not shown, and does not filter, while the catalog lists another kind', async () => {
    const requests: URLSearchParams[] = [];
    server.use(portfolioHandler(demoRows, requests));
    const { filter } = renderPicker({ kind: 'api', query: ['status:failing'] });
    await waitFor(() => expect(requests.length).toBeGreaterThan(0)); // the options, not a filter
    expect(
      screen.queryByLabelText('Compliance status'),
    ).not.toBeInTheDocument();
    expect(filter()).toBeUndefined();
    expect(requests.every(r => r.get('status') === null)).toBe(true);
  });
});
