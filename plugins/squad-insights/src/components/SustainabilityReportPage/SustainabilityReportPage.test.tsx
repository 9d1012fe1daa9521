import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  buildSustainabilityReport,
  ReportDay,
  reportFigures,
  sustainabilityReportCsv,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SquadInsightsClient, squadInsightsApiRef } from '../../api';
import { SustainabilityReportPage } from './SustainabilityReportPage';

const server = setupServer();
registerMswTestHooks(server);

const client = new SquadInsightsClient({
  discoveryApi: {
    getBaseUrl: async () => 'http://localhost:7007/api/squad-insights',
  },
  fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
});

const zero = { kwhPerDay: 0, co2eKgPerDay: 0 };
const days = (
  n: number,
  kwh: number,
  co2e: number,
  embodied: number,
): ReportDay[] =>
  Array.from({ length: n }, (_, i) => ({
    day: `2026-11-${String(i + 1).padStart(2, '0')}`,
    kwhPerDay: kwh,
    co2eKgPerDay: co2e,
    breakdown: {
      compute: zero,
      memory: zero,
      storage: zero,
      network: zero,
      embodied: { kwhPerDay: 0, co2eKgPerDay: embodied },
    },
  }));

const TRIBE = 'group:default/commerce-tribe';
const report = buildSustainabilityReport({
  month: '2026-11',
  scope: { kind: 'tribe', ref: TRIBE, title: 'commerce-tribe' },
  generatedAt: '2026-12-02T08:00:00Z',
  services: [
    {
      entityRef: 'component:default/payment-processing',
      group: 'group:default/payments-squad',
      history: days(10, 41.234, 5.5, 0.75),
      advice: [
        {
          kind: 'move-region',
          summary: 'Move to eu-north-1',
          co2eKgPerMonthSaved: 12.34,
          kwhPerMonthAffected: 0,
        },
      ],
    },
    {
      entityRef: 'component:default/subscription-billing',
      group: 'group:default/subscriptions-squad',
      history: days(30, 7.25, 1.2, 0.1),
    },
    {
      entityRef: 'component:default/ledger-export',
      group: 'group:default/payments-squad',
      history: [],
    },
  ],
});

function serve() {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(
      'http://localhost:7007/api/squad-insights/reports/sustainability',
      ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        if (
          params.get('month') !== '2026-11' ||
          params.get('tribe') !== TRIBE
        ) {
          return HttpResponse.json(
            { error: { name: 'InputError', message: 'unexpected query' } },
            { status: 400 },
          );
        }
        return params.get('format') === 'csv'
          ? new HttpResponse(sustainabilityReportCsv(report), {
              headers: { 'content-type': 'text/csv' },
            })
          : HttpResponse.json(report);
      },
    ),
  );
  return requests;
}

const PAGE = '/squad-insights/reports/sustainability';

async function renderPage() {
  return renderInTestApp(
    <TestApiProvider apis={[[squadInsightsApiRef, client]]}>
      <SustainabilityReportPage />
    </TestApiProvider>,
    {
      mountPath: PAGE,
      initialRouteEntries: [
        `${PAGE}?tribe=${encodeURIComponent(TRIBE)}&month=2026-11`,
      ],
    },
  );
}

describe('SustainabilityReportPage', () => {
  it('shows the month’s figures, and the downloaded CSV holds the same numbers', async () => {
    const requests = serve();
    const blobs: Blob[] = [];
    const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:http://localhost/report';
      },
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await renderPage();
    const summary = await screen.findByRole('table', { name: 'Summary' });
    // 41.234 × 30 + 7.25 × 30 = 1,454.52 kWh, shown as the report rounds it.
    expect(
      within(summary).getByRole('row', { name: /^Energy 1454\.5 kWh/ }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(requests.map(r => r.get('format'))).toEqual([null, 'csv']);
    const csv = (await blobs[0].text()).replace(/^\uFEFF/, '');
    const rows = csv.trim().split('\r\n').slice(1);

    // Every number on the page is in the CSV, and every number of the CSV is on the page.
    const page = document.body.textContent ?? '';
    const numbers = reportFigures(report).filter(
      f => f.unit !== '' && f.value !== '',
    );
    expect(numbers.length).toBeGreaterThan(20);
    for (const f of numbers) {
      expect(page).toContain(`${f.value} ${f.unit}`);
      expect(rows).toContainEqual(
        expect.stringContaining(`,${f.metric},${f.value},${f.unit},`),
      );
    }
    expect(rows).toHaveLength(reportFigures(report).length);
    expect(click.mock.contexts[0]).toHaveProperty(
      'download',
      'sustainability-group-default-commerce-tribe-2026-11.csv',
    );

    click.mockRestore();
    Object.assign(URL, {
      createObjectURL: realCreate,
      revokeObjectURL: realRevoke,
    });
  });

  it('lists savings, the renewable threshold and what could not be estimated', async () => {
    serve();
    await renderPage();
    const savings = await screen.findByRole('table', {
      name: 'Top optimisation potential',
    });
    expect(
      within(savings).getByText('12.3 kg CO2e · 15 SEK'),
    ).toBeInTheDocument();
    const gaps = screen.getByRole('table', { name: 'Not estimated' });
    expect(
      within(gaps).getByText('component:default/ledger-export'),
    ).toBeInTheDocument();
    expect(
      within(gaps).getByText('footprint unknown: no Terraform state read'),
    ).toBeInTheDocument();
  });

  it('prints on A4 without the page controls', async () => {
    serve();
    const { container } = await renderPage();
    await screen.findByRole('table', { name: 'Summary' });
    const css = [...container.querySelectorAll('style')]
      .map(s => s.textContent)
      .join('\n');
    expect(css).toMatch(/@page\s*{\s*size:\s*A4/);
    expect(css).toMatch(
      /@media print[\s\S]*\[data-report-no-print\][^}]*display:\s*none/,
    );
    expect(
      screen
        .getByRole('button', { name: 'Print' })
        .closest('[data-report-no-print]'),
    ).not.toBeNull();
  });
});
