import type {
  PortfolioQuery,
  PortfolioResponse,
  PortfolioRow,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { CsvValue, toCsv } from '../common';
import { MAX_PAGE_SIZE } from './portfolioView';

const HEADER = [
  'Service',
  'Title',
  'Tribe',
  'Tribe name',
  'Squad',
  'Squad name',
  'Chapter',
  'Chapter name',
  'Guild',
  'Guild name',
  'Status',
  'Score',
  'Failing checks',
  'Frameworks',
  'Active waivers',
  'Waivers expiring soon',
  'Next waiver expiry',
  'Attested controls',
  'Attested',
  'Awaiting attestation',
  'Expired attestations',
  'Next attestation expiry',
  'Last review',
  'Reviewer',
  'Decision',
  'Last gate',
  'Last gate environment',
  'Last gate at',
  'Last gate decision id',
  'Stale',
];

function csvRow(
  row: PortfolioRow,
  groupTitles: ReadonlyMap<string, string>,
): CsvValue[] {
  const title = (ref?: string) => ref && groupTitles.get(ref);
  return [
    row.entityRef,
    row.title ?? row.name,
    row.tribe,
    title(row.tribe),
    row.squad,
    title(row.squad),
    row.chapter,
    title(row.chapter),
    row.guild,
    title(row.guild),
    row.status,
    row.score === null ? '' : Math.round(row.score * 100),
    row.failingChecks,
    // One cell for all frameworks so the columns stay the same whatever applies.
    row.frameworks.map(f => `${f.title}: ${f.status}`).join('; '),
    row.waivers.active,
    row.waivers.expiringSoon,
    row.waivers.nextExpiry,
    row.attestations.applicable,
    row.attestations.current,
    row.attestations.awaiting,
    row.attestations.expired,
    row.attestations.nextExpiry,
    row.lastReview?.at,
    row.lastReview?.reviewer,
    row.lastReview?.decision,
    row.lastGate && (row.lastGate.allowed ? 'allowed' : 'denied'),
    row.lastGate?.environment,
    row.lastGate?.decidedAt,
    row.lastGate?.decisionId,
    row.stale ? 'yes' : 'no',
  ];
}

/**
 * The portfolio rows as CSV, one line a service. Tribe, squad, chapter and guild come as refs,
 * which other tools can join on, and as the display names in `groupTitles` (empty cells where
 * missing).
 */
export function portfolioCsv(
  rows: PortfolioRow[],
  groupTitles: ReadonlyMap<string, string> = new Map(),
): string {
  return toCsv(
    HEADER,
    rows.map(row => csvRow(row, groupTitles)),
  );
}

/** The tribes, squads, chapters and guilds the rows name, once each. */
export function groupRefs(rows: PortfolioRow[]): Set<string> {
  const refs = new Set<string>();
  for (const row of rows) {
    for (const ref of [row.tribe, row.squad, row.chapter, row.guild]) {
      if (ref) refs.add(ref);
    }
  }
  return refs;
}

/**
 * Every row of a filtered view, page by page at the backend's largest page size: the export
 * holds the whole view, not just the page on screen.
 */
export async function fetchAllRows(
  getPortfolio: (query: PortfolioQuery) => Promise<PortfolioResponse>,
  query: PortfolioQuery,
  onProgress?: (fetched: number, total: number) => void,
): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  let total = Infinity;
  while (rows.length < total) {
    const page = await getPortfolio({
      ...query,
      offset: rows.length,
      limit: MAX_PAGE_SIZE,
    });
    total = page.totalCount;
    rows.push(...page.items);
    onProgress?.(rows.length, total);
    // The portfolio shrank while we read it: stop rather than ask for empty pages forever.
    if (page.items.length === 0) break;
  }
  return rows;
}
