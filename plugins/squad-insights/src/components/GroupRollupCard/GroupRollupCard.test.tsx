import type { Entity } from '@backstage/catalog-model';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SquadInsightsClient, squadInsightsApiRef } from '../../api';
import {
  demoRows,
  portfolioHandler,
} from '../CompliancePortfolioPage/__testUtils__/portfolioBackend';
import { GroupRollupCard } from './GroupRollupCard';
import {
  footprintHandler,
  paymentsFootprint,
} from './__testUtils__/groupBackend';

const server = setupServer();
registerMswTestHooks(server);

const client = new SquadInsightsClient({
  discoveryApi: {
    getBaseUrl: async () => 'http://localhost:7007/api/squad-insights',
  },
  fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
});

const group = (name: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [] },
});

function renderCard(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[squadInsightsApiRef, client]]}>
      <EntityProvider entity={entity}>
        <GroupRollupCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const bodyRows = () => screen.getAllByRole('row').slice(1);

describe('GroupRollupCard', () => {
  it("lists a squad's services worst first with compliance, footprint and the squad's totals", async () => {
    const portfolioRequests: URLSearchParams[] = [];
    server.use(
      portfolioHandler(demoRows, portfolioRequests),
      footprintHandler(paymentsFootprint()),
    );
    await renderCard(group('payments-squad', 'squad'));

    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toBeInTheDocument();
    expect(screen.getByText("Squad's services")).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Monthly sustainability report' }),
    ).toBeNull();
    expect(Object.fromEntries(portfolioRequests[0])).toEqual({
      squad: 'group:default/payments-squad',
      limit: '1000',
    });
    expect(
      screen.getByText(
        '1 of 1 services failing · 48.7 kg CO2e/month · 65 SEK/month',
      ),
    ).toBeInTheDocument();
    const [first, second] = bodyRows();
    expect(
      within(first).getByRole('link', { name: 'Payment processing' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payment-processing/compliance',
    );
    expect(within(first).getByText('Failing')).toBeInTheDocument();
    expect(within(first).getByText('36.5')).toBeInTheDocument();
    // Known to the footprint only (the portfolio filtered it out): no verdict, but listed.
    expect(
      within(second).getByRole('link', { name: 'subscription-billing' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Footprint unknown for 1 services/),
    ).toBeInTheDocument();
  });

  it("asks for a tribe's services by tribe", async () => {
    const portfolioRequests: URLSearchParams[] = [];
    const footprintRequests: string[] = [];
    server.use(
      portfolioHandler(demoRows, portfolioRequests),
      footprintHandler(
        paymentsFootprint('group:default/commerce-tribe'),
        footprintRequests,
      ),
    );
    await renderCard(group('commerce-tribe', 'tribe'));

    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toBeInTheDocument();
    expect(screen.getByText("Tribe's services")).toBeInTheDocument();
    expect(portfolioRequests[0].get('tribe')).toBe(
      'group:default/commerce-tribe',
    );
    expect(footprintRequests).toEqual(['group:default/commerce-tribe']);
    expect(screen.getByText(/^1 of 2 services failing/)).toBeInTheDocument();
    // A tribe's card opens its monthly sustainability report.
    expect(
      screen.getByRole('link', { name: 'Monthly sustainability report' }),
    ).toHaveAttribute(
      'href',
      '/squad-insights/reports/sustainability?tribe=group%3Adefault%2Fcommerce-tribe',
    );
  });

  it.each([
    [
      'chapter',
      'backend-engineering-chapter',
      "Chapter's services",
      ['Payment processing', 'Subscription billing'],
      1,
    ],
    [
      'guild',
      'security-engineering-guild',
      "Guild's services",
      ['Payment processing', 'user-identity'],
      2,
    ],
  ])(
    "lists a %s's services, those whose annotations name it, by that filter",
    async (type, name, title, expected, failing) => {
      const groupRef = `group:default/${name}`;
      const portfolioRequests: URLSearchParams[] = [];
      const footprintRequests: string[] = [];
      server.use(
        portfolioHandler(demoRows, portfolioRequests),
        footprintHandler(paymentsFootprint(groupRef), footprintRequests),
      );
      await renderCard(group(name, type));

      expect(
        await screen.findByRole('link', { name: 'Payment processing' }),
      ).toBeInTheDocument();
      expect(screen.getByText(title)).toBeInTheDocument();
      expect(Object.fromEntries(portfolioRequests[0])).toEqual({
        [type]: groupRef,
        limit: '1000',
      });
      expect(footprintRequests).toEqual([groupRef]);
      const names = bodyRows().map(
        r => within(r).getAllByRole('link')[0].textContent,
      );
      expect(names).toEqual(expect.arrayContaining(expected));
      // Services of other chapters or guilds are not the portfolio's answer.
      expect(names).not.toContain('Rights ledger, "royalties" edition');
      expect(
        screen.getByText(
          new RegExp(`^${failing} of ${expected.length} services failing`),
        ),
      ).toBeInTheDocument();
    },
  );

  it('says so when no service names a guild', async () => {
    server.use(
      portfolioHandler(demoRows, []),
      footprintHandler({
        ...paymentsFootprint('group:default/green-software-guild'),
        services: [],
        unknownServices: [],
      }),
    );
    await renderCard(group('green-software-guild', 'guild'));
    expect(
      await screen.findByText(
        'No service in the catalog names this guild in its squad-insights.io/guild annotation.',
      ),
    ).toBeInTheDocument();
  });

  it('explains that a team has no services in the squad model, and asks nothing', async () => {
    const portfolioRequests: URLSearchParams[] = [];
    server.use(portfolioHandler(demoRows, portfolioRequests));
    await renderCard(group('platform-team', 'team'));
    expect(
      await screen.findByText(
        /Only squads, tribes, chapters and guilds have services/,
      ),
    ).toBeInTheDocument();
    expect(portfolioRequests).toEqual([]);
  });

  it('still shows the footprint when compliance does not answer, with a Retry for compliance', async () => {
    let portfolioCalls = 0;
    server.use(
      http.get('*/api/squad-insights/compliance/portfolio', () => {
        portfolioCalls += 1;
        return HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'Not found' },
            request: {
              method: 'GET',
              url: '/api/squad-insights/compliance/portfolio',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        );
      }),
      footprintHandler(paymentsFootprint()),
    );
    await renderCard(group('payments-squad', 'squad'));

    expect(
      await screen.findByText(/Compliance could not be loaded: Not found/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('48.7 kg CO2e/month · 65 SEK/month'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'payment-processing' }),
    ).toBeInTheDocument();

    server.use(portfolioHandler(demoRows, []));
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'Payment processing' }),
    ).toBeInTheDocument();
    expect(portfolioCalls).toBe(1);
  });
});
