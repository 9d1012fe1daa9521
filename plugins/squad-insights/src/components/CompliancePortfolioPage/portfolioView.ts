import {
  PORTFOLIO_ATTESTATION_FILTERS,
  PORTFOLIO_EXPIRING_SOON_DAYS,
  PORTFOLIO_GATE_FILTERS,
  PORTFOLIO_SORT_FIELDS,
  PORTFOLIO_STATUSES,
  type PortfolioAttestationFilter,
  type PortfolioGateFilter,
  type PortfolioQuery,
  type PortfolioSortField,
  type PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';

/** The filters of the review page, each kept under its own key in the query string. */
export type PortfolioFilterKey =
  | 'tribe'
  | 'squad'
  | 'chapter'
  | 'guild'
  | 'framework'
  | 'status'
  | 'expiringWithinDays'
  | 'attestation'
  | 'lastGate'
  | 'q';

/**
 * What the review page shows: filters, sort and page, read from (and written to) the URL so a
 * view can be shared and back/forward walk through the views.
 */
export interface PortfolioView {
  tribe?: string;
  squad?: string;
  /** Group entity refs of a chapter / guild: the services whose annotations name it. */
  chapter?: string;
  guild?: string;
  framework?: string;
  status?: PortfolioStatus;
  expiringWithinDays?: number;
  /** Services with an attested control awaiting a reviewer, expired, or expiring soon. */
  attestation?: PortfolioAttestationFilter;
  /** Services whose latest deployment gate decision denied (or allowed) the deploy. */
  lastGate?: PortfolioGateFilter;
  q?: string;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const STATUSES: readonly PortfolioStatus[] = PORTFOLIO_STATUSES;
export const SORT_FIELDS: readonly PortfolioSortField[] = PORTFOLIO_SORT_FIELDS;
export const PAGE_SIZES = [25, 50, 100, 250];
export const DEFAULT_PAGE_SIZE = 50;
/** The backend's largest page. */
export const MAX_PAGE_SIZE = 1000;
export const EXPIRY_WINDOWS = [7, 14, 30, 60, 90];
export const ATTESTATION_FILTERS: readonly PortfolioAttestationFilter[] =
  PORTFOLIO_ATTESTATION_FILTERS;
export const GATE_FILTERS: readonly PortfolioGateFilter[] =
  PORTFOLIO_GATE_FILTERS;

const FILTER_KEYS: PortfolioFilterKey[] = [
  'tribe',
  'squad',
  'chapter',
  'guild',
  'framework',
  'status',
  'expiringWithinDays',
  'attestation',
  'lastGate',
  'q',
];

function positiveInt(text: string, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

function oneOf<T extends string>(
  text: string,
  allowed: readonly T[],
): T | undefined {
  return (allowed as readonly string[]).includes(text)
    ? (text as T)
    : undefined;
}

/**
 * Reads the view from the query string. A value the page cannot use is dropped and named in
 * `problems`, so a mistyped shared link shows what was ignored instead of an empty table.
 */
export function readView(params: URLSearchParams): {
  view: PortfolioView;
  problems: string[];
} {
  const problems: string[] = [];
  const text = (key: string) => params.get(key)?.trim() || undefined;
  function checked<T>(
    key: string,
    parse: (raw: string) => T | undefined,
    expected: string,
  ) {
    const raw = text(key);
    if (raw === undefined) return undefined;
    const value = parse(raw);
    if (value === undefined)
      problems.push(
        `Ignored ${key}=${raw} in the address: expected ${expected}.`,
      );
    return value;
  }

  const view: PortfolioView = {
    tribe: text('tribe'),
    squad: text('squad'),
    chapter: text('chapter'),
    guild: text('guild'),
    framework: text('framework'),
    status: checked('status', s => oneOf(s, STATUSES), STATUSES.join(', ')),
    expiringWithinDays: checked(
      'expiringWithinDays',
      s => positiveInt(s, 3650),
      'a number of days from 1 to 3650',
    ),
    attestation: checked(
      'attestation',
      s => oneOf(s, ATTESTATION_FILTERS),
      ATTESTATION_FILTERS.join(', '),
    ),
    lastGate: checked(
      'lastGate',
      s => oneOf(s, GATE_FILTERS),
      GATE_FILTERS.join(', '),
    ),
    q: text('q'),
    sort: checked('sort', s => oneOf(s, SORT_FIELDS), SORT_FIELDS.join(', ')),
    order: checked(
      'order',
      s => oneOf(s, ['asc', 'desc'] as const),
      'asc or desc',
    ),
    page:
      checked(
        'page',
        s => positiveInt(s, Number.MAX_SAFE_INTEGER),
        'a page number from 1',
      ) ?? 1,
    pageSize:
      checked(
        'pageSize',
        s => positiveInt(s, MAX_PAGE_SIZE),
        `a page size from 1 to ${MAX_PAGE_SIZE}`,
      ) ?? DEFAULT_PAGE_SIZE,
  };
  return { view, problems };
}

/** The filters and sort of a view as the backend takes them, without paging. */
export function filterQuery(view: PortfolioView): PortfolioQuery {
  const { page: _page, pageSize: _pageSize, ...filters } = view;
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as PortfolioQuery;
}

/** The backend query of the page the view shows. */
export function pageQuery(view: PortfolioView): PortfolioQuery {
  return {
    ...filterQuery(view),
    offset: (view.page - 1) * view.pageSize,
    limit: view.pageSize,
  };
}

/**
 * Returns the query string with one key set (or removed when `value` is empty). A change of
 * filter, sort or page size goes back to the first page: the old page number means nothing
 * in the new result.
 */
export function withParam(
  params: URLSearchParams,
  key: PortfolioFilterKey | 'sort' | 'order' | 'page' | 'pageSize',
  value: string | number | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, String(value));
  if (key !== 'page') next.delete('page');
  return next;
}

/** The query string without any filter (sort and page size kept). */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...FILTER_KEYS, 'page']) next.delete(key);
  return next;
}

/** Each attestation filter in words, for the filter's options and the empty state. */
export const ATTESTATION_FILTER_WORDS: Record<
  PortfolioAttestationFilter,
  string
> = {
  awaiting: 'a control awaiting attestation',
  expired: 'an expired attestation',
  expiring: `an attestation expiring within ${PORTFOLIO_EXPIRING_SOON_DAYS} days`,
};

/** Each gate filter in words, for the filter's options and the empty state. */
export const GATE_FILTER_WORDS: Record<PortfolioGateFilter, string> = {
  denied: 'denied at the last gate',
  allowed: 'allowed at the last gate',
};

/** The active filters in words, for the empty state: `status failing, tribe commerce-tribe`. */
export function describeFilters(
  view: PortfolioView,
  frameworkTitle: (id: string) => string,
  groupTitle: (ref: string) => string = shortRef,
): string[] {
  const parts: string[] = [];
  if (view.tribe) parts.push(`tribe ${groupTitle(view.tribe)}`);
  if (view.squad) parts.push(`squad ${groupTitle(view.squad)}`);
  if (view.chapter) parts.push(`chapter ${groupTitle(view.chapter)}`);
  if (view.guild) parts.push(`guild ${groupTitle(view.guild)}`);
  if (view.framework) parts.push(`framework ${frameworkTitle(view.framework)}`);
  if (view.status) parts.push(`status ${view.status}`);
  if (view.expiringWithinDays)
    parts.push(`a waiver expiring within ${view.expiringWithinDays} days`);
  if (view.attestation) parts.push(ATTESTATION_FILTER_WORDS[view.attestation]);
  if (view.lastGate) parts.push(GATE_FILTER_WORDS[view.lastGate]);
  if (view.q) parts.push(`search “${view.q}”`);
  return parts;
}
