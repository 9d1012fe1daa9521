import { coreApis } from '@backstage/frontend-plugin-api';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { PortfolioRow } from '@squad-insights/backstage-plugin-squad-insights-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Profiler } from 'react';
import { setupServer } from 'msw/node';
import { SquadInsightsClient, squadInsightsApiRef } from '../../api';
import { CompliancePortfolioPage } from './CompliancePortfolioPage';
import { FIRST_ROWS } from './PortfolioTable';
import {
  prefetchPortfolioPage,
  portfolioRequestsOf,
} from './portfolioRequests';
import {
  demoRows,
  portfolioHandler,
  portfolioRow,
} from './__testUtils__/portfolioBackend';

const server = setupServer();
registerMswTestHooks(server);

const newClient = () =>
  new SquadInsightsClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://localhost:7007/api/squad-insights',
    },
    fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  });
const client = newClient();

/** `count` services of one squad, named svc-00, svc-01, ... */
const manyRows = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    portfolioRow({
      name: `svc-${String(i).padStart(2, '0')}`,
      squad: 'payments-squad',
      tribe: 'commerce-tribe',
      frameworks: { baseline: 0 },
    }),
  );

const PAGE = '/squad-insights/compliance-review';

// The groups' display names as the catalog's presentation API resolves them (metadata.title).
const GROUP_TITLES: Record<string, string> = {
  'group:default/commerce-tribe': 'Commerce',
  'group:default/payments-squad': 'Payments Squad',
  'group:default/subscriptions-squad': 'Subscriptions Squad',
  'group:default/content-tribe': 'Content',
  'group:default/rights-squad': 'Rights Squad',
  'group:default/backend-engineering-chapter': 'Backend Engineering',
  'group:default/sre-chapter': 'SRE',
  'group:default/security-engineering-guild': 'Security Engineering',
  'group:default/data-engineering-guild': 'Data Engineering',
};
const presentationApi: EntityPresentationApi = {
  forEntity(entityOrRef) {
    const entityRef =
      typeof entityOrRef === 'string'
        ? entityOrRef
        : stringifyEntityRef(entityOrRef);
    const snapshot = {
      ...defaultEntityPresentation(entityRef),
      primaryTitle:
        GROUP_TITLES[entityRef] ??
        defaultEntityPresentation(entityRef).primaryTitle,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

async function renderPage(search = '') {
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [squadInsightsApiRef, client],
        [entityPresentationApiRef, presentationApi],
      ]}
    >
      <CompliancePortfolioPage />
    </TestApiProvider>,
    {
      mountPath: PAGE,
      initialRouteEntries: [`${PAGE}${search}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  const history = rendered.apis.get(coreApis.appHistory)!;
  return {
    ...rendered,
    search: () => new URLSearchParams(history.getSnapshot().location.search),
    history,
  };
}

function serve(rows: PortfolioRow[]) {
  const requests: URLSearchParams[] = [];
  server.use(portfolioHandler(rows, requests));
  return requests;
}

const serviceNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('link')[0].textContent);

// Each test renders the whole page and drives it through several requests: a loaded CI machine
// needs more than jest's 5 s default for that.
jest.setTimeout(30_000);

describe('CompliancePortfolioPage', () => {
  it('restores the filters from the address, asks the backend for them, and links each service to its compliance tab', async () => {
    const requests = serve(demoRows);
    await renderPage(
      '?tribe=group:default/commerce-tribe&framework=PCI_DSS&status=failing',
    );

    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payment-processing/compliance',
    );
    expect(serviceNames()).toEqual(['Payment processing']);
    expect(screen.getByRole('combobox', { name: 'Tribe' })).toHaveValue(
      'group:default/commerce-tribe',
    );
    expect(screen.getByRole('combobox', { name: 'Framework' })).toHaveValue(
      'PCI_DSS',
    );
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue(
      'failing',
    );
    expect(Object.fromEntries(requests[0])).toEqual({
      tribe: 'group:default/commerce-tribe',
      framework: 'PCI_DSS',
      status: 'failing',
      offset: '0',
      limit: '50',
    });
    // The tribe's title comes from a catalog lookup that may answer after the rows.
    expect(
      await screen.findByText(
        '1 service matching tribe Commerce, framework PCI DSS v4.0, status failing',
        { exact: false },
      ),
    ).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Payment processing/ });
    // Tribe and squad by their display names, linking to the group pages.
    expect(within(row).getByRole('link', { name: 'Commerce' })).toHaveAttribute(
      'href',
      '/catalog/default/group/commerce-tribe',
    );
    expect(
      within(row).getByRole('link', { name: 'Payments Squad' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-squad');
    // Frameworks as short ids; the title and status in the tooltip and for screen readers.
    const chip = (description: string) => {
      const el = within(row).getByTitle(description);
      expect(within(el).getByText(description)).toBeInTheDocument();
      return within(el).getByText(/^[A-Za-z_]+$/);
    };
    expect(chip('PCI DSS v4.0: failing, 2 failing checks')).toHaveTextContent(
      'PCI_DSS',
    );
    expect(
      chip('Squad Insights baseline: failing, 1 failing check'),
    ).toHaveTextContent('baseline');
    expect(
      chip('EU General Data Protection Regulation: compliant'),
    ).toHaveTextContent('GDPR');
    expect(within(row).getByText('Failing')).toBeInTheDocument();
    expect(within(row).getByText('1, next 2026-12-10')).toBeInTheDocument();
    expect(
      within(row).getByText(/2026-11-20 by astrid.lindqvist/),
    ).toBeInTheDocument();
  });

  it('writes a chosen filter to the address once its rows show, goes back to page 1, and back restores the previous view', async () => {
    const requests = serve(demoRows);
    const { search, history } = await renderPage('?page=2&pageSize=2');
    await screen.findByRole('link', { name: 'user-identity' });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Framework' }),
      'PCI DSS v4.0',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'failing',
    );

    await waitFor(() =>
      expect(search().toString()).toBe(
        'pageSize=2&framework=PCI_DSS&status=failing',
      ),
    );
    await waitFor(() => expect(serviceNames()).toEqual(['Payment processing']));
    expect(Object.fromEntries(requests[requests.length - 1])).toEqual({
      framework: 'PCI_DSS',
      status: 'failing',
      offset: '0',
      limit: '2',
    });

    act(() => history.navigate(-1));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue(''),
    );
    expect(screen.getByRole('combobox', { name: 'Framework' })).toHaveValue(
      'PCI_DSS',
    );
    await waitFor(() =>
      expect(serviceNames()).toEqual([
        'Payment processing',
        'Subscription billing',
      ]),
    );
  });

  it("shows a chosen filter's rows first and writes the address after them, unless the address moved meanwhile", async () => {
    const requests: URLSearchParams[] = [];
    let release = () => {};
    const held = () =>
      new Promise<void>(resolve => {
        release = resolve;
      });
    server.use(portfolioHandler(demoRows, requests));
    const { search, history } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });

    // The answer is held back: the select shows the choice, the address waits for the rows.
    server.use(portfolioHandler(demoRows, requests, { answerAfter: held() }));
    const status = screen.getByRole('combobox', { name: 'Status' });
    await userEvent.selectOptions(status, 'failing');
    expect(status).toHaveValue('failing');
    await waitFor(() =>
      expect(requests[requests.length - 1].get('status')).toBe('failing'),
    );
    expect(search().get('status')).toBeNull();
    expect(screen.getByLabelText('Loading services')).toBeInTheDocument();

    act(() => release());
    const failing = demoRows
      .filter(r => r.status === 'failing')
      .map(r => r.title ?? r.name);
    expect(failing.length).toBeLessThan(demoRows.length);
    await waitFor(() => expect(serviceNames()).toEqual(failing));
    await waitFor(() => expect(search().get('status')).toBe('failing'));

    // Back while the next view's answer is still coming: the address wins, and stays.
    server.use(portfolioHandler(demoRows, requests, { answerAfter: held() }));
    await userEvent.selectOptions(status, 'compliant');
    expect(status).toHaveValue('compliant');
    act(() => history.navigate(-1));
    await waitFor(() => expect(status).toHaveValue(''));
    act(() => release());
    await waitFor(() => expect(serviceNames()).toHaveLength(demoRows.length));
    // A write would come in the task after the next frame: let both pass, then look.
    await act(
      () =>
        new Promise<void>(resolve =>
          requestAnimationFrame(() => setTimeout(resolve)),
        ),
    );
    expect(search().get('status')).toBeNull();
  });

  it('searches once typing pauses, replacing the history entry instead of adding one per letter', async () => {
    const requests = serve(demoRows);
    const { search, history } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });
    const entriesBefore = history.getSnapshot().length;

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'ledger',
    );

    await waitFor(() => expect(search().get('q')).toBe('ledger'));
    await waitFor(() =>
      expect(serviceNames()).toEqual(['Rights ledger, "royalties" edition']),
    );
    expect(requests.map(r => r.get('q')).filter(Boolean)).toEqual(['ledger']);
    expect(history.getSnapshot().length).toBe(entriesBefore);
    expect(screen.getByText('stale')).toBeInTheDocument();
  });

  it('sorts by a column, toggling the order on a second click', async () => {
    const requests = serve(demoRows);
    const { search } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Failing checks' }),
    );
    await waitFor(() =>
      expect(search().toString()).toBe('sort=failingChecks&order=asc'),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Failing checks' }),
    );
    await waitFor(() =>
      expect(search().toString()).toBe('sort=failingChecks&order=desc'),
    );
    await waitFor(() =>
      expect(requests[requests.length - 1].get('order')).toBe('desc'),
    );
    expect(
      screen.getByRole('columnheader', { name: /Failing checks/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('downloads every row of the filtered view, across backend pages, as quoted CSV', async () => {
    // 2,100 failing services and one compliant one: three pages of 1000 at the backend's limit.
    const many = Array.from({ length: 2100 }, (_, i) =>
      portfolioRow({
        name: `svc-${String(i).padStart(4, '0')}`,
        squad: 'payments-squad',
        tribe: 'commerce-tribe',
        frameworks: { baseline: 1 },
      }),
    );
    const requests = serve([...demoRows, ...many]);
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:http://localhost/portfolio';
    });
    const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await renderPage('?status=failing&pageSize=25');
    await screen.findByRole('link', { name: 'Payment processing' });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );

    await waitFor(() => expect(blobs).toHaveLength(1));
    const csvRequests = requests.filter(r => r.get('limit') === '1000');
    expect(csvRequests.map(r => [r.get('status'), r.get('offset')])).toEqual([
      ['failing', '0'],
      ['failing', '1000'],
      ['failing', '2000'],
    ]);
    const text = (await blobs[0].text()).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Service,Title,Tribe,Tribe name,Squad,Squad name,Chapter,Chapter name,Guild,Guild name,Status,Score,Failing checks,Frameworks,Active waivers,Waivers expiring soon,Next waiver expiry,Attested controls,Attested,Awaiting attestation,Expired attestations,Next attestation expiry,Last review,Reviewer,Decision,Last gate,Last gate environment,Last gate at,Last gate decision id,Stale',
    );
    // Header, 2,100 + 3 failing demo services, and the empty string after the last CRLF.
    expect(lines).toHaveLength(1 + 2103 + 1);
    expect(lines).toContain(
      'component:default/rights-ledger,"Rights ledger, ""royalties"" edition",group:default/content-tribe,Content,group:default/rights-squad,Rights Squad,,,,,failing,80,2,Squad Insights baseline: failing; EU General Data Protection Regulation: compliant,0,0,,0,0,0,0,,,,,,,,,yes',
    );
    expect(
      lines.find(l => l.startsWith('component:default/payment-processing,')),
    ).toMatch(
      /,group:default\/payments-squad,Payments Squad,group:default\/backend-engineering-chapter,Backend Engineering,group:default\/security-engineering-guild,Security Engineering,failing,/,
    );
    expect(
      lines.some(l => l.startsWith('component:default/subscription-billing,')),
    ).toBe(false);
    expect(click.mock.contexts[0]).toHaveProperty(
      'download',
      expect.stringMatching(/^compliance-review-\d{4}-\d\d-\d\d\.csv$/),
    );
    click.mockRestore();
    Object.assign(URL, {
      createObjectURL: realCreate,
      revokeObjectURL: realRevoke,
    });
  });

  it('filters by chapter and guild, keeps them in the address, and exports only what they select', async () => {
    const requests = serve(demoRows);
    const { search, history } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });
    const chapter = screen.getByRole('combobox', { name: 'Chapter' });
    const guild = screen.getByRole('combobox', { name: 'Guild' });
    // Options are the facets' groups under their catalog titles.
    expect(
      within(guild)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All guilds', 'Data Engineering', 'Security Engineering']);

    await userEvent.selectOptions(chapter, 'Backend Engineering');
    await waitFor(() =>
      expect(search().get('chapter')).toBe(
        'group:default/backend-engineering-chapter',
      ),
    );
    await waitFor(() =>
      expect(serviceNames()).toEqual([
        'Payment processing',
        'Subscription billing',
      ]),
    );
    await userEvent.selectOptions(guild, 'Security Engineering');
    await waitFor(() =>
      expect(search().toString()).toBe(
        'chapter=group%3Adefault%2Fbackend-engineering-chapter&guild=group%3Adefault%2Fsecurity-engineering-guild',
      ),
    );
    await waitFor(() => expect(serviceNames()).toEqual(['Payment processing']));
    expect(requests[requests.length - 1].get('guild')).toBe(
      'group:default/security-engineering-guild',
    );

    const blobs: Blob[] = [];
    const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:http://localhost/portfolio';
      },
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csvRequest = requests.find(r => r.get('limit') === '1000')!;
    expect([csvRequest.get('chapter'), csvRequest.get('guild')]).toEqual([
      'group:default/backend-engineering-chapter',
      'group:default/security-engineering-guild',
    ]);
    const lines = (await blobs[0].text()).split('\r\n').filter(Boolean);
    expect(lines.slice(1).map(l => l.split(',')[0])).toEqual([
      'component:default/payment-processing',
    ]);
    click.mockRestore();
    Object.assign(URL, {
      createObjectURL: realCreate,
      revokeObjectURL: realRevoke,
    });

    // Back walks out of the guild filter; a shared link restores both.
    act(() => history.navigate(-1));
    await waitFor(() => expect(guild).toHaveValue(''));
    expect(chapter).toHaveValue('group:default/backend-engineering-chapter');
  });

  it('shows attested controls per service, filters by their state, and exports them', async () => {
    const requests = serve(demoRows);
    const { search } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });
    // The column after "Waivers expiring"; the service's name is the row header, not a cell.
    const column = screen
      .getAllByRole('columnheader')
      .map(h => h.textContent)
      .indexOf('Attested');
    expect(column).toBe(7);
    const cell = (name: RegExp) =>
      within(screen.getByRole('row', { name })).getAllByRole('cell')[
        column - 1
      ];
    // Current of applicable, with what needs a reviewer flagged beside it.
    expect(cell(/Payment processing/)).toHaveTextContent(
      '2/41 awaiting1 expired',
    );
    expect(within(cell(/Payment processing/)).getByText('2/4')).toHaveAttribute(
      'title',
      '2 of 4 attested controls have a current attestation; the next expires on 2026-12-05',
    );
    expect(
      within(cell(/Payment processing/)).getByText('1 expired'),
    ).toHaveClass('si-failing');
    expect(
      within(cell(/Payment processing/)).getByText('1 awaiting'),
    ).toHaveClass('si-unknown');
    expect(cell(/Subscription billing/)).toHaveTextContent(/^2\/2$/);
    expect(cell(/user-identity/)).toHaveTextContent('0/33 awaiting');
    // No attested control applies to the rights ledger.
    expect(cell(/Rights ledger/)).toHaveTextContent(/^—$/);

    const filter = screen.getByRole('combobox', { name: 'Attestations' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'Any',
      'control awaiting attestation',
      'expired attestation',
      'attestation expiring within 30 days',
    ]);
    await userEvent.selectOptions(filter, 'control awaiting attestation');
    await waitFor(() =>
      expect(search().toString()).toBe('attestation=awaiting'),
    );
    await waitFor(() =>
      expect(serviceNames()).toEqual(['Payment processing', 'user-identity']),
    );
    expect(requests[requests.length - 1].get('attestation')).toBe('awaiting');
    await userEvent.selectOptions(
      filter,
      'attestation expiring within 30 days',
    );
    await waitFor(() => expect(serviceNames()).toEqual(['Payment processing']));
    expect(requests[requests.length - 1].get('attestation')).toBe('expiring');

    const blobs: Blob[] = [];
    const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:http://localhost/portfolio';
      },
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0].text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      ',2026-12-10T00:00:00Z,4,2,1,1,2026-12-05T00:00:00Z,2026-11-20T09:30:00Z,',
    );
    click.mockRestore();
    Object.assign(URL, {
      createObjectURL: realCreate,
      revokeObjectURL: realRevoke,
    });
  });

  it('names the attestation filter when it matches nothing, and ignores an unknown one in the address', async () => {
    const requests = serve(demoRows);
    await renderPage('?attestation=expired&tribe=group:default/content-tribe');
    expect(
      await screen.findByText(
        'No services match tribe Content, an expired attestation',
      ),
    ).toBeInTheDocument();
    expect(requests[0].get('attestation')).toBe('expired');

    serve(demoRows);
    await renderPage('?attestation=lapsed');
    expect(
      await screen.findByText(
        'Ignored attestation=lapsed in the address: expected awaiting, expired, expiring.',
      ),
    ).toBeInTheDocument();
  });

  it('shows each service\'s last gate decision, filters "denied at the last gate", and exports it', async () => {
    const requests = serve(demoRows);
    const { search } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });
    const column = screen
      .getAllByRole('columnheader')
      .map(h => h.textContent)
      .indexOf('Last gate');
    const cell = (name: RegExp) =>
      within(screen.getByRole('row', { name })).getAllByRole('cell')[
        column - 1
      ];
    expect(cell(/Payment processing/)).toHaveTextContent(
      'deniedproduction, 2026-11-25',
    );
    expect(within(cell(/Payment processing/)).getByText('denied')).toHaveClass(
      'si-failing',
    );
    expect(
      within(cell(/Subscription billing/)).getByText('allowed'),
    ).toHaveClass('si-compliant');
    expect(cell(/Rights ledger/)).toHaveTextContent(/^never asked$/);

    const filter = screen.getByRole('combobox', { name: 'Last gate' });
    await userEvent.selectOptions(filter, 'denied at the last gate');
    await waitFor(() => expect(search().toString()).toBe('lastGate=denied'));
    await waitFor(() => expect(serviceNames()).toEqual(['Payment processing']));
    expect(requests[requests.length - 1].get('lastGate')).toBe('denied');
    await userEvent.selectOptions(filter, 'allowed at the last gate');
    await waitFor(() =>
      expect(serviceNames()).toEqual(['Subscription billing']),
    );
    await userEvent.selectOptions(filter, 'Any');
    await waitFor(() => expect(serviceNames()).toHaveLength(4));
    expect(requests[requests.length - 1].has('lastGate')).toBe(false);

    const blobs: Blob[] = [];
    const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:http://localhost/portfolio';
      },
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.selectOptions(filter, 'denied at the last gate');
    await waitFor(() => expect(serviceNames()).toEqual(['Payment processing']));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0].text()).split('\r\n').filter(Boolean);
    expect(requests[requests.length - 1].get('lastGate')).toBe('denied');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /,changes_requested,denied,production,2026-11-25T14:02:00Z,0b6f5a1e-2c4d-4e8f-9a10-3b5c7d9e1f20,no$/,
    );
    click.mockRestore();
    Object.assign(URL, {
      createObjectURL: realCreate,
      revokeObjectURL: realRevoke,
    });
  });

  it('names the gate filter when it matches nothing, and ignores an unknown one in the address', async () => {
    serve(demoRows);
    await renderPage('?lastGate=denied&tribe=group:default/content-tribe');
    expect(
      await screen.findByText(
        'No services match tribe Content, denied at the last gate',
      ),
    ).toBeInTheDocument();

    const requests = serve(demoRows);
    await renderPage('?lastGate=blocked');
    expect(
      await screen.findByText(
        'Ignored lastGate=blocked in the address: expected denied, allowed.',
      ),
    ).toBeInTheDocument();
    expect(requests[0].has('lastGate')).toBe(false);
  });

  it('says which filters matched nothing, and clears them on request', async () => {
    serve(demoRows);
    const { search } = await renderPage(
      '?squad=group:default/podcast-squad&framework=PCI_DSS&sort=service',
    );

    expect(
      await screen.findByText(
        'No services match squad podcast-squad, framework PCI DSS v4.0',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(search().toString()).toBe('sort=service');
    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error with a Retry that asks again', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/squad-insights/compliance/portfolio', () => {
        calls += 1;
        return HttpResponse.json(
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'Compliance summaries are being rebuilt',
            },
            request: {
              method: 'GET',
              url: '/api/squad-insights/compliance/portfolio',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        );
      }),
    );
    await renderPage();
    expect(
      await screen.findByText(/Compliance summaries are being rebuilt/),
    ).toBeInTheDocument();
    expect(calls).toBe(1);

    serve(demoRows);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toBeInTheDocument();
  });

  it('shows the answer to the request its loader started for the address, without asking again', async () => {
    const requests = serve(demoRows);
    prefetchPortfolioPage(client, '?status=failing&pageSize=25');
    await renderPage('?status=failing&pageSize=25');

    await screen.findByRole('link', { name: 'Payment processing' });
    expect(requests.map(r => Object.fromEntries(r))).toEqual([
      { status: 'failing', offset: '0', limit: '25' },
    ]);
  });

  it(`mounted with its answer there, first renders the first ${FIRST_ROWS} rows without skeleton or pager, then the rest`, async () => {
    const many = manyRows(FIRST_ROWS + 5);
    const requests = serve(many);
    // A client of its own: requests are shared per client, and other tests leave some behind.
    const own = newClient();
    prefetchPortfolioPage(own, '?pageSize=50');
    const store = portfolioRequestsOf(own);
    await waitFor(() =>
      expect(store.get(JSON.stringify({ offset: 0, limit: 50 }))?.state).toBe(
        'done',
      ),
    );
    // What each commit of the page put on screen, read as React commits it.
    const commits: Array<{ rows: number; skeleton: number; pager: boolean }> =
      [];
    const onRender = () =>
      commits.push({
        rows: document.querySelectorAll('tbody tr th a').length,
        skeleton: screen.queryAllByTestId('portfolio-skeleton-row').length,
        pager: screen.queryByText(/ of \d+$/) !== null,
      });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [squadInsightsApiRef, own],
          [entityPresentationApiRef, presentationApi],
        ]}
      >
        <Profiler id="page" onRender={onRender}>
          <CompliancePortfolioPage />
        </Profiler>
      </TestApiProvider>,
      {
        mountPath: PAGE,
        initialRouteEntries: [`${PAGE}?pageSize=50`],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await waitFor(() => expect(serviceNames()).toHaveLength(FIRST_ROWS + 5));
    expect(
      await screen.findByText(`1–${FIRST_ROWS + 5} of ${FIRST_ROWS + 5}`),
    ).toBeInTheDocument();

    expect(commits[0]).toEqual({ rows: FIRST_ROWS, skeleton: 0, pager: false });
    expect(commits.every(c => c.skeleton === 0)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('shows skeleton rows until the first answer, then only the rows of the page', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(portfolioHandler(demoRows, [], { answerAfter: answered }));
    await renderPage('?pageSize=2');

    expect(screen.getAllByTestId('portfolio-skeleton-row')).toHaveLength(2);
    expect(
      screen.getByRole('table', { name: 'Compliance portfolio' }),
    ).toHaveAttribute('aria-busy', 'true');
    // Nothing to page or export yet: the pager comes with the answer.
    expect(screen.queryByText(/ of \d+$/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    answer();
    await screen.findByRole('link', { name: 'Payment processing' });
    expect(screen.queryAllByTestId('portfolio-skeleton-row')).toHaveLength(0);
    expect(serviceNames()).toEqual([
      'Payment processing',
      'Subscription billing',
    ]);
    expect(await screen.findByText('1–2 of 4')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  });

  it('shows a chosen filter at once and keeps the rows on screen, under a progress bar, until its answer', async () => {
    const requests = serve(demoRows);
    const { search } = await renderPage();
    await screen.findByRole('link', { name: 'Payment processing' });
    const before = serviceNames();
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(portfolioHandler(demoRows, requests, { answerAfter: answered }));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'compliant',
    );

    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue(
      'compliant',
    );
    await waitFor(() => expect(search().get('status')).toBe('compliant'));
    expect(requests[requests.length - 1].get('status')).toBe('compliant');
    expect(
      screen.getByRole('progressbar', { name: 'Loading services' }),
    ).toBeInTheDocument();
    expect(serviceNames()).toEqual(before);

    answer();
    await waitFor(() =>
      expect(serviceNames()).toEqual(['Subscription billing']),
    );
    expect(
      screen.queryByRole('progressbar', { name: 'Loading services' }),
    ).not.toBeInTheDocument();
  });

  it(`shows every row of a page longer than the first ${FIRST_ROWS}`, async () => {
    const many = manyRows(FIRST_ROWS + 15);
    serve(many);
    await renderPage('?pageSize=50');
    await screen.findByRole('link', { name: 'svc-00' });
    await waitFor(() => expect(serviceNames()).toHaveLength(FIRST_ROWS + 15));
    expect(serviceNames()[FIRST_ROWS + 14]).toBe(`svc-${FIRST_ROWS + 14}`);
  });

  it('names a value in the address it had to ignore', async () => {
    const requests = serve(demoRows);
    await renderPage('?status=red');
    expect(
      await screen.findByText(
        'Ignored status=red in the address: expected failing, unknown, compliant.',
      ),
    ).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Payment processing' });
    expect(requests[0].has('status')).toBe(false);
  });
});
