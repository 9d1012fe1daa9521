import type {
  PortfolioResponse,
  PortfolioRow,
  PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { http, HttpResponse } from 'msw';

const FRAMEWORKS = [
  { id: 'baseline', title: 'Squad Insights baseline' },
  { id: 'GDPR', title: 'EU General Data Protection Regulation' },
  { id: 'PCI_DSS', title: 'PCI DSS v4.0' },
];

type RowInput = {
  name: string;
  squad: string;
  tribe: string;
  frameworks: Partial<Record<'baseline' | 'GDPR' | 'PCI_DSS', number>>;
  title?: string;
  nextExpiry?: string;
  review?: PortfolioRow['lastReview'];
  stale?: boolean;
};

/** A portfolio row as the backend builds it: each framework's failed count gives its status. */
export function portfolioRow(input: RowInput): PortfolioRow {
  const frameworks = Object.entries(input.frameworks).map(([id, failed]) => ({
    id,
    title: FRAMEWORKS.find(f => f.id === id)!.title,
    status: (failed! > 0 ? 'failing' : 'compliant') as PortfolioStatus,
    score: failed! > 0 ? 0.8 : 1,
    failed: failed!,
  }));
  const failingChecks = frameworks.reduce((n, f) => n + f.failed, 0);
  return {
    entityRef: `component:default/${input.name}`,
    name: input.name,
    title: input.title,
    squad: `group:default/${input.squad}`,
    tribe: `group:default/${input.tribe}`,
    status: failingChecks > 0 ? 'failing' : 'compliant',
    score: failingChecks > 0 ? 0.8 : 1,
    failingChecks,
    frameworks,
    waivers: input.nextExpiry
      ? { active: 1, expiringSoon: 1, nextExpiry: input.nextExpiry }
      : { active: 0, expiringSoon: 0 },
    lastReview: input.review,
    stale: input.stale ?? false,
  };
}

/** The demo portfolio: a few services of the Acme Music squads. */
export const demoRows: PortfolioRow[] = [
  portfolioRow({
    name: 'payment-processing',
    title: 'Payment processing',
    squad: 'payments-squad',
    tribe: 'commerce-tribe',
    frameworks: { baseline: 1, GDPR: 0, PCI_DSS: 2 },
    nextExpiry: '2026-12-10T00:00:00Z',
    review: {
      at: '2026-11-20T09:30:00Z',
      reviewer: 'user:default/astrid.lindqvist',
      decision: 'changes_requested',
    },
  }),
  portfolioRow({
    name: 'subscription-billing',
    title: 'Subscription billing',
    squad: 'subscriptions-squad',
    tribe: 'commerce-tribe',
    frameworks: { baseline: 0, GDPR: 0, PCI_DSS: 0 },
  }),
  portfolioRow({
    name: 'rights-ledger',
    title: 'Rights ledger, "royalties" edition',
    squad: 'rights-squad',
    tribe: 'content-tribe',
    frameworks: { baseline: 2, GDPR: 0 },
    stale: true,
  }),
  portfolioRow({
    name: 'user-identity',
    squad: 'identity-squad',
    tribe: 'platform-services-tribe',
    frameworks: { baseline: 0, GDPR: 1 },
  }),
];

/**
 * A stand-in for `GET /compliance/portfolio` over `rows`: filters, search and paging as the
 * contract describes them, recording every query it gets; `answerAfter` holds the answer back.
 */
export function portfolioHandler(
  rows: PortfolioRow[],
  requests: URLSearchParams[],
  options: { answerAfter?: Promise<void> } = {},
) {
  return http.get(
    '*/api/squad-insights/compliance/portfolio',
    async ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      await options.answerAfter;
      const framework = params.get('framework');
      const status = params.get('status');
      const q = params.get('q')?.toLocaleLowerCase('en');
      const matching = rows.filter(
        r =>
          (!params.get('tribe') || r.tribe === params.get('tribe')) &&
          (!params.get('squad') || r.squad === params.get('squad')) &&
          (!framework || r.frameworks.some(f => f.id === framework)) &&
          (!status ||
            (framework
              ? r.frameworks.find(f => f.id === framework)?.status
              : r.status) === status) &&
          (!q ||
            [r.name, r.title, r.squad, r.tribe].some(t =>
              t?.toLocaleLowerCase('en').includes(q),
            )),
      );
      const offset = Number(params.get('offset') ?? 0);
      const limit = Number(params.get('limit') ?? 100);
      const body: PortfolioResponse = {
        items: matching.slice(offset, offset + limit),
        totalCount: matching.length,
        offset,
        limit,
        facets: {
          tribes: [...new Set(rows.map(r => r.tribe!))].sort(),
          squads: [...new Set(rows.map(r => r.squad!))].sort(),
          frameworks: FRAMEWORKS,
        },
        generatedAt: '2026-11-26T06:00:00Z',
      };
      return HttpResponse.json(body);
    },
  );
}
