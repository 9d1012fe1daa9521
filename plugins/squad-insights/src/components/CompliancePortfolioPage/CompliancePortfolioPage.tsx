import { EmptyState } from '@backstage/core-components';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableContainer from '@mui/material/TableContainer';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import type { PortfolioSortField } from '@squad-insights/backstage-plugin-squad-insights-common';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { RetryableErrorPanel, shortRef, useEntityTitles } from '../common';
import { DownloadCsvButton } from './DownloadCsvButton';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable } from './PortfolioTable';
import { usePortfolioPage } from './usePortfolioPage';
import {
  describeFilters,
  filterQuery,
  PAGE_SIZES,
  pageQuery,
  PortfolioFilterKey,
  readView,
  withoutFilters,
  withParam,
} from './portfolioView';

const SKELETON_ROWS = 10;

/**
 * The value as first seen while later ones are equal to it: every answer repeats the facets
 * (those of all the caller may see, whatever the filters) in a new object, and the filter bar
 * and the group titles should not be rebuilt for it.
 */
function useEqualValue<T>(next: T): T {
  const kept = useRef(next);
  if (
    kept.current !== next &&
    JSON.stringify(kept.current) !== JSON.stringify(next)
  )
    kept.current = next;
  return kept.current;
}

/** The pager; memoised, so only a new count, page or page size renders it again. */
const PortfolioPagination = memo(function Pager(props: {
  count: number;
  /** 0-based. */
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: string) => void;
}) {
  const { count, page, pageSize, onPage, onPageSize } = props;
  const pageSizes = PAGE_SIZES.includes(pageSize)
    ? PAGE_SIZES
    : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={pageSize}
      rowsPerPageOptions={pageSizes}
      onPageChange={(_, next) => onPage(next)}
      onRowsPerPageChange={e => onPageSize(e.target.value)}
    />
  );
});

/**
 * The compliance review workspace: every service of the portfolio in one table, filtered,
 * searched, sorted and paged on the backend. The whole view lives in the query string, so a
 * link reproduces it and back/forward step through earlier views.
 *
 * `useAppSearchParams` is the framework's query-string hook: app history in the new frontend
 * system, React Router in the old one, so the page works in both.
 *
 * @public
 */
export function CompliancePortfolioPage() {
  const [params, setParams] = useAppSearchParams();
  const { view, problems } = useMemo(() => readView(params), [params]);
  const { value, loading, error, retry, prefetch } = usePortfolioPage(
    pageQuery(view),
  );

  // The handlers read the address through a ref, so they keep their identity from render to
  // render: the memoised filter bar, table and pager then skip the renders that change nothing
  // of theirs, which is most of the page's work on a filter change.
  const latest = useRef({ params, setParams });
  latest.current = { params, setParams };
  // The address a handler has asked for and the app has not shown yet: a second change made
  // meanwhile builds on it instead of undoing the first.
  const pending = useRef<{
    params: URLSearchParams;
    replace: boolean;
    timer: ReturnType<typeof setTimeout>;
  }>();
  const current = useCallback(
    () => pending.current?.params ?? latest.current.params,
    [],
  );
  // Leaving the page drops an address change not made yet.
  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  // Asks for the next view's rows at once, and changes the address in the next task. The app
  // re-renders for a new address synchronously (the location is an external store), and the
  // request only leaves after a chain of promises (discovery, the identity's token): changed
  // at once, the address would hold the request back for the whole re-render.
  const show = useCallback(
    (next: URLSearchParams, options?: { replace: boolean }) => {
      prefetch(pageQuery(readView(next).view));
      const earlier = pending.current;
      clearTimeout(earlier?.timer);
      // Changes merged into one address add a history entry if any of them would have.
      const replace = (earlier?.replace ?? true) && options?.replace === true;
      pending.current = {
        params: next,
        replace,
        timer: setTimeout(() => {
          pending.current = undefined;
          latest.current.setParams(next, replace ? { replace } : undefined);
        }),
      };
    },
    [prefetch],
  );
  // Search is typed, so it replaces the history entry; a chosen filter pushes one.
  const setFilter = useCallback(
    (key: PortfolioFilterKey, v: string) =>
      show(
        withParam(current(), key, v),
        key === 'q' ? { replace: true } : undefined,
      ),
    [show, current],
  );
  const setSort = useCallback(
    (field: PortfolioSortField) => {
      const shown = current();
      const { sort, order } = readView(shown).view;
      const next = sort === field && order !== 'desc' ? 'desc' : 'asc';
      show(withParam(withParam(shown, 'sort', field), 'order', next));
    },
    [show, current],
  );
  const setPage = useCallback(
    (page: number) => show(withParam(current(), 'page', page + 1)),
    [show, current],
  );
  const setPageSize = useCallback(
    (size: string) => show(withParam(current(), 'pageSize', size)),
    [show, current],
  );
  const csvQuery = useMemo(() => filterQuery(view), [view]);

  const facets = useEqualValue(value?.facets);
  const groupTitles = useEntityTitles(
    useMemo(
      () => [
        ...(facets?.tribes ?? []),
        ...(facets?.squads ?? []),
        // Older backends send no chapters or guilds.
        ...(facets?.chapters ?? []),
        ...(facets?.guilds ?? []),
      ],
      [facets],
    ),
  );
  const frameworkTitle = (id: string) =>
    facets?.frameworks.find(f => f.id === id)?.title ?? id;
  const filters = describeFilters(
    view,
    frameworkTitle,
    ref => groupTitles.get(ref) ?? shortRef(ref),
  );

  let body;
  if (error && !loading) {
    body = (
      <RetryableErrorPanel
        title="The compliance portfolio could not be loaded"
        error={error}
        onRetry={retry}
      />
    );
  } else if (value && value.totalCount === 0 && !loading) {
    body = (
      <EmptyState
        missing="data"
        title={
          filters.length
            ? `No services match ${filters.join(', ')}`
            : 'No services in the portfolio yet'
        }
        description={
          filters.length
            ? 'Widen or clear the filters to see more services.'
            : 'Services appear here once the backend has evaluated their compliance.'
        }
        action={
          filters.length ? (
            <Button
              variant="outlined"
              onClick={() => setParams(withoutFilters(params))}
            >
              Clear filters
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    const rows = loading && !value ? undefined : value?.items;
    body = (
      <Paper variant="outlined">
        {/* Keeps the rows on screen while the next answer loads; the bar says it is coming.
            Its own layer, contained: its animation then repaints the bar alone, not the
            table, in every frame until the answer comes. */}
        <Box sx={{ height: 4, contain: 'strict', willChange: 'transform' }}>
          {loading && value && <LinearProgress aria-label="Loading services" />}
        </Box>
        <TableContainer>
          <PortfolioTable
            rows={rows}
            skeletonRows={Math.min(SKELETON_ROWS, view.pageSize)}
            sort={view.sort}
            order={view.order}
            onSort={setSort}
            groupTitles={groupTitles}
          />
        </TableContainer>
        <PortfolioPagination
          count={value?.totalCount ?? 0}
          page={
            value
              ? Math.min(
                  view.page - 1,
                  Math.max(0, Math.ceil(value.totalCount / view.pageSize) - 1),
                )
              : 0
          }
          pageSize={view.pageSize}
          onPage={setPage}
          onPageSize={setPageSize}
        />
      </Paper>
    );
  }

  return (
    <Stack spacing={2} sx={{ p: 3 }}>
      <Stack
        direction="row"
        spacing={2}
        alignItems="center"
        justifyContent="space-between"
        useFlexGap
        flexWrap="wrap"
      >
        <PortfolioFilters
          view={view}
          facets={facets}
          groupTitles={groupTitles}
          onChange={setFilter}
        />
        <DownloadCsvButton
          query={csvQuery}
          disabled={!value || value.totalCount === 0}
        />
      </Stack>
      {problems.map(p => (
        <Alert key={p} severity="warning">
          {p}
        </Alert>
      ))}
      {value &&
        !loading &&
        value.items.length === 0 &&
        value.totalCount > 0 && (
          <Alert
            severity="info"
            action={
              <Button
                onClick={() =>
                  setParams(prev => withParam(prev, 'page', undefined))
                }
              >
                First page
              </Button>
            }
          >
            Page {view.page} is past the last page of {value.totalCount}{' '}
            services.
          </Alert>
        )}
      {value && (
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {value.totalCount} {value.totalCount === 1 ? 'service' : 'services'}
          {filters.length ? ` matching ${filters.join(', ')}` : ''}
          {/* generatedAt is the oldest summary's computation: say so, or a review recorded
              since would look newer than the verdicts it was made on. */}
          {value.totalCount > 0 &&
            ` — oldest verdict computed ${new Date(
              value.generatedAt,
            ).toLocaleString()}`}
        </Typography>
      )}
      {body}
    </Stack>
  );
}
