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
  chapter?: string;
  guild?: string;
  frameworks: Partial<Record<'baseline' | 'GDPR' | 'PCI_DSS', number>>;
  title?: string;
  nextExpiry?: string;
  review?: PortfolioRow['lastReview'];
  lastGate?: PortfolioRow['lastGate'];
  stale?: boolean;
  /** Attested controls by state; none apply when absent. */
  attested?: {
    current?: number;
    awaiting?: number;
    expired?: number;
    nextExpiry?: string;
  };
};

/** The row's attestation counts, as the backend derives them from the evaluation. */
function attestations(
  input: RowInput['attested'] = {},
): PortfolioRow['attestations'] {
  const { current = 0, awaiting = 0, expired = 0, nextExpiry } = input;
  return {
    applicable: current + awaiting + expired,
    current,
    awaiting,
    expired,
    nextExpiry,
  };
}

/** The backend's `attestation` filter over one row, `now` being the answer's time. */
function attestationMatches(
  row: PortfolioRow,
  filter: string,
  now: number,
): boolean {
  const next = row.attestations.nextExpiry
    ? Date.parse(row.attestations.nextExpiry)
    : undefined;
  if (filter === 'awaiting') return row.attestations.awaiting > 0;
  if (filter === 'expired')
    return row.attestations.expired > 0 || (next !== undefined && next <= now);
  return next !== undefined && next > now && next <= now + 30 * 86_400_000;
}

/** The time the stand-in backend answers at, which the `attestation` filter counts from. */
export const NOW = Date.parse('2026-11-26T06:00:00Z');

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
    chapter: input.chapter && `group:default/${input.chapter}`,
    guild: input.guild && `group:default/${input.guild}`,
    status: failingChecks > 0 ? 'failing' : 'compliant',
    score: failingChecks > 0 ? 0.8 : 1,
    failingChecks,
    frameworks,
    waivers: input.nextExpiry
      ? { active: 1, expiringSoon: 1, nextExpiry: input.nextExpiry }
      : { active: 0, expiringSoon: 0 },
    attestations: attestations(input.attested),
    lastReview: input.review,
    lastGate: input.lastGate,
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
    chapter: 'backend-engineering-chapter',
    guild: 'security-engineering-guild',
    frameworks: { baseline: 1, GDPR: 0, PCI_DSS: 2 },
    nextExpiry: '2026-12-10T00:00:00Z',
    // Erasure and portability attested (portability lapses in December), SCA never, and the
    // anonymisation attestation lapsed.
    attested: {
      current: 2,
      awaiting: 1,
      expired: 1,
      nextExpiry: '2026-12-05T00:00:00Z',
    },
    review: {
      at: '2026-11-20T09:30:00Z',
      reviewer: 'user:default/astrid.lindqvist',
      decision: 'changes_requested',
    },
    lastGate: {
      decisionId: '0b6f5a1e-2c4d-4e8f-9a10-3b5c7d9e1f20',
      environment: 'production',
      allowed: false,
      decidedAt: '2026-11-25T14:02:00Z',
    },
  }),
  portfolioRow({
    name: 'subscription-billing',
    title: 'Subscription billing',
    squad: 'subscriptions-squad',
    tribe: 'commerce-tribe',
    chapter: 'backend-engineering-chapter',
    guild: 'data-engineering-guild',
    frameworks: { baseline: 0, GDPR: 0, PCI_DSS: 0 },
    attested: { current: 2, nextExpiry: '2027-06-01T00:00:00Z' },
    lastGate: {
      decisionId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      environment: 'production',
      allowed: true,
      decidedAt: '2026-11-24T10:00:00Z',
    },
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
    chapter: 'sre-chapter',
    guild: 'security-engineering-guild',
    frameworks: { baseline: 0, GDPR: 1 },
    attested: { awaiting: 3 },
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
      const attestation = params.get('attestation');
      if (
        attestation &&
        !['awaiting', 'expired', 'expiring'].includes(attestation)
      ) {
        return HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: `attestation must be one of awaiting, expired, expiring; got "${attestation}"`,
            },
            request: {
              method: 'GET',
              url: '/api/squad-insights/compliance/portfolio',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        );
      }
      const lastGate = params.get('lastGate');
      const framework = params.get('framework');
      const status = params.get('status');
      const q = params.get('q')?.toLocaleLowerCase('en');
      const matching = rows.filter(
        r =>
          (!params.get('tribe') || r.tribe === params.get('tribe')) &&
          (!params.get('squad') || r.squad === params.get('squad')) &&
          (!params.get('chapter') || r.chapter === params.get('chapter')) &&
          (!params.get('guild') || r.guild === params.get('guild')) &&
          (!framework || r.frameworks.some(f => f.id === framework)) &&
          (!status ||
            (framework
              ? r.frameworks.find(f => f.id === framework)?.status
              : r.status) === status) &&
          (!attestation || attestationMatches(r, attestation, NOW)) &&
          (!lastGate ||
            (r.lastGate !== undefined &&
              r.lastGate.allowed === (lastGate === 'allowed'))) &&
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
          chapters: [...new Set(rows.flatMap(r => r.chapter ?? []))].sort(),
          guilds: [...new Set(rows.flatMap(r => r.guild ?? []))].sort(),
          frameworks: FRAMEWORKS,
        },
        generatedAt: new Date(NOW).toISOString(),
      };
      return HttpResponse.json(body);
    },
  );
}
