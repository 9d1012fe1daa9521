import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import type {
  PortfolioRow,
  PortfolioSortField,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { memo, useMemo } from 'react';
import { Link } from 'react-router-dom';
import {
  isoDay,
  shortRef,
  useComplianceTabLink,
  useDeferredAfterMount,
} from '../common';
import { FrameworkChips } from './FrameworkChips';
import { CLASSES, portfolioTableStyles } from './portfolioTableStyles';

// Backstage's `Table` (material-table) sorts, filters and pages in the browser over every row
// it is given, and is heavy to mount. The portfolio can hold thousands of services, so the
// backend pages, filters and sorts, and this table renders only the page on screen: MUI cells
// in the header, plain markup styled once on the table in the body (portfolioTableStyles.ts).

type Column = {
  label: string;
  sort?: PortfolioSortField;
  numeric?: boolean;
  /** Room the column needs to keep its rows low (a service's framework chips on one line or two). */
  minWidth?: number;
};

const COLUMNS: Column[] = [
  { label: 'Service', sort: 'service' },
  { label: 'Tribe', sort: 'tribe' },
  { label: 'Squad', sort: 'squad' },
  { label: 'Status', sort: 'status' },
  { label: 'Frameworks', minWidth: 200 },
  { label: 'Failing checks', sort: 'failingChecks', numeric: true },
  { label: 'Waivers expiring', sort: 'nextWaiverExpiry' },
  { label: 'Attested' },
  { label: 'Last review', sort: 'lastReviewAt' },
  { label: 'Last gate' },
];

/**
 * About a screenful of rows. A new page shows these first and the rest, below the fold, in a
 * second render that React may interrupt: the rows on screen appear in half the time.
 */
export const FIRST_ROWS = 20;

/** A squad or tribe as the row shows it: its display name, linking to its group page. */
type GroupCell = { title: string; href: string };

const STATUS_LABELS = {
  compliant: 'Compliant',
  failing: 'Failing',
  unknown: 'Unknown',
} as const;

function GroupLink(props: { group?: GroupCell }) {
  const { group } = props;
  return group ? (
    <Link className={CLASSES.link} to={group.href}>
      {group.title}
    </Link>
  ) : (
    <>—</>
  );
}

/**
 * Attested controls as "current/applicable", with what needs a reviewer flagged beside it:
 * never attested (awaiting) in the unknown style, lapsed (expired) in the failing style, as
 * the engine counts them.
 */
function AttestationCell(props: {
  attestations: PortfolioRow['attestations'];
}) {
  const { applicable, current, awaiting, expired, nextExpiry } =
    props.attestations;
  if (applicable === 0) return <>—</>;
  return (
    <>
      <span
        title={`${current} of ${applicable} attested controls have a current attestation${
          nextExpiry ? `; the next expires on ${isoDay(nextExpiry)}` : ''
        }`}
      >
        {current}/{applicable}
      </span>
      {awaiting > 0 && (
        <span className={`${CLASSES.chip} ${CLASSES.unknown} ${CLASSES.gap}`}>
          {awaiting} awaiting
        </span>
      )}
      {expired > 0 && (
        <span className={`${CLASSES.chip} ${CLASSES.failing} ${CLASSES.gap}`}>
          {expired} expired
        </span>
      )}
    </>
  );
}

/** The latest deployment gate decision: its outcome as a chip, where and when below it. */
function GateCell(props: { gate: PortfolioRow['lastGate'] }) {
  const { gate } = props;
  if (!gate) return <>never asked</>;
  return (
    <>
      <span
        className={`${CLASSES.chip} ${
          gate.allowed ? CLASSES.compliant : CLASSES.failing
        }`}
        title={`Decision ${gate.decisionId}`}
      >
        {gate.allowed ? 'allowed' : 'denied'}
      </span>
      <span className={CLASSES.caption}>
        {gate.environment}, {isoDay(gate.decidedAt)}
      </span>
    </>
  );
}

const PortfolioTableRow = memo(function ServiceRow(props: {
  row: PortfolioRow;
  href: string;
  tribe?: GroupCell;
  squad?: GroupCell;
}) {
  const { row, href, tribe, squad } = props;
  return (
    <tr>
      <th scope="row">
        <Link className={CLASSES.link} to={href}>
          {row.title ?? row.name}
        </Link>
        {row.stale && (
          <span
            className={`${CLASSES.chip} ${CLASSES.stale}`}
            title="An input of this verdict is stale; checks that depend on it count as unknown."
          >
            stale
          </span>
        )}
      </th>
      <td>
        <GroupLink group={tribe} />
      </td>
      <td>
        <GroupLink group={squad} />
      </td>
      <td>
        <span className={`${CLASSES.chip} ${CLASSES[row.status]}`}>
          {STATUS_LABELS[row.status]}
        </span>
      </td>
      <td>
        <FrameworkChips frameworks={row.frameworks} />
      </td>
      <td className={CLASSES.numeric}>{row.failingChecks}</td>
      <td>
        {row.waivers.expiringSoon > 0
          ? `${row.waivers.expiringSoon}, next ${isoDay(
              row.waivers.nextExpiry,
            )}`
          : '—'}
      </td>
      <td>
        <AttestationCell attestations={row.attestations} />
      </td>
      <td>
        {row.lastReview ? (
          <>
            {isoDay(row.lastReview.at)} by {shortRef(row.lastReview.reviewer)}
            <span className={CLASSES.caption}>
              {row.lastReview.decision === 'approved'
                ? 'approved'
                : 'changes requested'}
            </span>
          </>
        ) : (
          'never'
        )}
      </td>
      <td>
        <GateCell gate={row.lastGate} />
      </td>
    </tr>
  );
});

/** The sortable headers; memoised, so a new page of rows leaves them as they are. */
const PortfolioTableHead = memo(function SortableHeader(props: {
  sort?: PortfolioSortField;
  order: 'asc' | 'desc';
  onSort: (field: PortfolioSortField) => void;
}) {
  const { sort, order, onSort } = props;
  return (
    <TableHead>
      <TableRow>
        {COLUMNS.map(c => (
          <TableCell
            key={c.label}
            align={c.numeric ? 'right' : 'left'}
            // The header fits its label; it never breaks inside a word.
            sx={{ whiteSpace: 'nowrap', minWidth: c.minWidth }}
            sortDirection={c.sort && c.sort === sort ? order : false}
          >
            {c.sort ? (
              <TableSortLabel
                active={c.sort === sort}
                direction={c.sort === sort ? order : 'asc'}
                onClick={() => onSort(c.sort!)}
              >
                {c.label}
              </TableSortLabel>
            ) : (
              c.label
            )}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
});

/**
 * The page of the portfolio on screen, with sortable headers; `rows` undefined = skeleton.
 * Memoised: while the next page loads, the page around it re-renders for the new address and
 * the progress bar, and the rows on screen need not.
 */
export const PortfolioTable = memo(function PortfolioPageTable(props: {
  rows?: PortfolioRow[];
  skeletonRows: number;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
  onSort: (field: PortfolioSortField) => void;
  /** Display names of squads and tribes by ref; a missing one shows as its ref. */
  groupTitles: ReadonlyMap<string, string>;
}) {
  const {
    rows,
    skeletonRows,
    sort,
    order = 'asc',
    onSort,
    groupTitles,
  } = props;
  const complianceTab = useComplianceTabLink();
  const entityLink = useEntityRefLink();
  // One cell value per group, so an unchanged row keeps equal props and skips rendering.
  const groups = useMemo(() => {
    const cache = new Map<string, GroupCell>();
    return (ref?: string): GroupCell | undefined => {
      if (!ref) return undefined;
      let cell = cache.get(ref);
      if (!cell) {
        cell = {
          title: groupTitles.get(ref) ?? shortRef(ref),
          href: entityLink(ref),
        };
        cache.set(ref, cell);
      }
      return cell;
    };
  }, [groupTitles, entityLink]);
  // While React has not caught up with the new rows, only the first of them are rendered; the
  // rows the page mounts with, too.
  const caughtUp = useDeferredAfterMount(rows, undefined);
  const shown = rows && caughtUp !== rows ? rows.slice(0, FIRST_ROWS) : rows;
  return (
    <Table
      size="small"
      aria-label="Compliance portfolio"
      aria-busy={!rows}
      sx={portfolioTableStyles}
    >
      <PortfolioTableHead sort={sort} order={order} onSort={onSort} />
      <TableBody>
        {shown
          ? shown.map(row => (
              <PortfolioTableRow
                key={row.entityRef}
                row={row}
                href={complianceTab(row.entityRef)}
                tribe={groups(row.tribe)}
                squad={groups(row.squad)}
              />
            ))
          : Array.from({ length: skeletonRows }, (_, i) => (
              <tr key={i} data-testid="portfolio-skeleton-row">
                {COLUMNS.map(c => (
                  <td key={c.label}>
                    <span className={CLASSES.skeleton} />
                  </td>
                ))}
              </tr>
            ))}
      </TableBody>
    </Table>
  );
});
