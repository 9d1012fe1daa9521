import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type {
  PortfolioRow,
  PortfolioSortField,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { memo } from 'react';
import {
  AppLink,
  isoDay,
  shortRef,
  StatusChip,
  useComplianceTabLink,
} from '../common';

// Backstage's `Table` (material-table) sorts, filters and pages in the browser over every row
// it is given, and is heavy to mount. The portfolio can hold thousands of services, so the
// backend pages, filters and sorts, and this plain MUI table renders only the page on screen.

type Column = { label: string; sort?: PortfolioSortField; numeric?: boolean };

const COLUMNS: Column[] = [
  { label: 'Service', sort: 'service' },
  { label: 'Tribe', sort: 'tribe' },
  { label: 'Squad', sort: 'squad' },
  { label: 'Status', sort: 'status' },
  { label: 'Frameworks' },
  { label: 'Failing checks', sort: 'failingChecks', numeric: true },
  { label: 'Waivers expiring', sort: 'nextWaiverExpiry' },
  { label: 'Last review', sort: 'lastReviewAt' },
];

const PortfolioTableRow = memo(function ServiceRow(props: {
  row: PortfolioRow;
  href: string;
}) {
  const { row, href } = props;
  return (
    <TableRow hover>
      <TableCell component="th" scope="row">
        <Stack direction="row" spacing={1} alignItems="center">
          <AppLink to={href}>{row.title ?? row.name}</AppLink>
          {row.stale && (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label="stale"
              title="An input of this verdict is stale; checks that depend on it count as unknown."
            />
          )}
        </Stack>
      </TableCell>
      <TableCell>{row.tribe ? shortRef(row.tribe) : '—'}</TableCell>
      <TableCell>{row.squad ? shortRef(row.squad) : '—'}</TableCell>
      <TableCell>
        <StatusChip status={row.status} />
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {row.frameworks.map(f => (
            <StatusChip
              key={f.id}
              status={f.status}
              label={f.title}
              title={f.failed > 0 ? `${f.failed} failing checks` : undefined}
            />
          ))}
        </Stack>
      </TableCell>
      <TableCell align="right">{row.failingChecks}</TableCell>
      <TableCell>
        {row.waivers.expiringSoon > 0
          ? `${row.waivers.expiringSoon}, next ${isoDay(
              row.waivers.nextExpiry,
            )}`
          : '—'}
      </TableCell>
      <TableCell>
        {row.lastReview ? (
          <>
            {isoDay(row.lastReview.at)} by {shortRef(row.lastReview.reviewer)}
            <Typography
              variant="caption"
              display="block"
              color="text.secondary"
            >
              {row.lastReview.decision === 'approved'
                ? 'approved'
                : 'changes requested'}
            </Typography>
          </>
        ) : (
          'never'
        )}
      </TableCell>
    </TableRow>
  );
});

/** The page of the portfolio on screen, with sortable headers; `rows` undefined = skeleton. */
export function PortfolioTable(props: {
  rows?: PortfolioRow[];
  skeletonRows: number;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
  onSort: (field: PortfolioSortField) => void;
}) {
  const { rows, skeletonRows, sort, order = 'asc', onSort } = props;
  const complianceTab = useComplianceTabLink();
  return (
    <Table size="small" aria-label="Compliance portfolio" aria-busy={!rows}>
      <TableHead>
        <TableRow>
          {COLUMNS.map(c => (
            <TableCell
              key={c.label}
              align={c.numeric ? 'right' : 'left'}
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
      <TableBody>
        {rows
          ? rows.map(row => (
              <PortfolioTableRow
                key={row.entityRef}
                row={row}
                href={complianceTab(row.entityRef)}
              />
            ))
          : Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={i} data-testid="portfolio-skeleton-row">
                {COLUMNS.map(c => (
                  <TableCell key={c.label}>
                    <Skeleton variant="text" />
                  </TableCell>
                ))}
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
