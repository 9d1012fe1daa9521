import { InputError } from '@backstage/errors';
import {
  PORTFOLIO_ATTESTATION_FILTERS,
  PORTFOLIO_GATE_FILTERS,
  type PortfolioGateFilter,
  PORTFOLIO_SORT_FIELDS,
  PORTFOLIO_STATUSES,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { SummaryQuery } from '../database/ComplianceSummaryStore';

export const DEFAULT_PORTFOLIO_LIMIT = 100;
export const MAX_PORTFOLIO_LIMIT = 1000;

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  )
    return value as T;
  throw new InputError(
    `${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(
      value,
    )}`,
  );
}

function integer(
  name: string,
  value: unknown,
  min: number,
  max?: number,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    const range =
      max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    throw new InputError(
      `${name} must be an integer ${range}; got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function text(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw new InputError(`${name} must be given once, as text`);
  return value;
}

/**
 * Checks a portfolio query as it arrives (query-string values are text) and applies the
 * defaults: sorted worst first, 100 rows. The OpenAPI validator already rejects most bad
 * values; this keeps the service safe to call from elsewhere with the same messages.
 */
export function parsePortfolioQuery(
  raw: Record<string, unknown>,
  now: Date,
): SummaryQuery & { lastGate?: PortfolioGateFilter } {
  return {
    tribe: text('tribe', raw.tribe),
    squad: text('squad', raw.squad),
    chapter: text('chapter', raw.chapter),
    guild: text('guild', raw.guild),
    framework: text('framework', raw.framework),
    check: text('check', raw.check),
    status: oneOf('status', raw.status, PORTFOLIO_STATUSES),
    expiringWithinDays: integer(
      'expiringWithinDays',
      raw.expiringWithinDays,
      0,
    ),
    attestation: oneOf(
      'attestation',
      raw.attestation,
      PORTFOLIO_ATTESTATION_FILTERS,
    ),
    // Not a summary column: the portfolio service turns it into the set of services it allows.
    lastGate: oneOf('lastGate', raw.lastGate, PORTFOLIO_GATE_FILTERS),
    q: text('q', raw.q),
    sort: oneOf('sort', raw.sort, PORTFOLIO_SORT_FIELDS) ?? 'status',
    order: oneOf('order', raw.order, ['asc', 'desc'] as const) ?? 'asc',
    offset: integer('offset', raw.offset, 0) ?? 0,
    limit:
      integer('limit', raw.limit, 1, MAX_PORTFOLIO_LIMIT) ??
      DEFAULT_PORTFOLIO_LIMIT,
    now,
  };
}
