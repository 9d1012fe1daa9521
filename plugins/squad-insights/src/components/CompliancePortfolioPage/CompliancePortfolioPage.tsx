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
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  RetryableErrorPanel,
  shortRef,
  useDeferredAfterMount,
  useEntityTitles,
} from '../common';
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

/** How long the address may lag a view whose answer has not come yet. */
const ADDRESS_LAG_MS = 500;

/** A view shown ahead of the address, and the address it was chosen on. */
type AheadView = { params: URLSearchParams; replace: boolean; from: string };

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
  const [address, setParams] = useAppSearchParams();
  // A view shown ahead of the address (see `show`), and the address it was chosen on: once the
  // address is another one (back, forward, a link), the address wins.
  const [ahead, setAhead] = useState<AheadView>();
  const aheadShown = ahead !== undefined && ahead.from === address.toString();
  const params = aheadShown ? ahead.params : address;
  const { view, problems } = useMemo(() => readView(params), [params]);
  const { value, loading, error, retry, prefetch } = usePortfolioPage(
    pageQuery(view),
  );

  // The handlers read the view through refs, so they keep their identity from render to
  // render: the memoised filter bar, table and pager then skip the renders that change nothing
  // of theirs, which is most of the page's work on a filter change.
  const latest = useRef({
    address,
    setParams,
    ahead: aheadShown ? ahead : undefined,
  });
  latest.current = {
    address,
    setParams,
    ahead: aheadShown ? ahead : undefined,
  };
  // What a handler has asked for and not rendered yet: a second change made meanwhile builds on
  // it instead of undoing the first.
  const asked = useRef<AheadView>();
  const current = useCallback(
    () =>
      asked.current?.params ??
      latest.current.ahead?.params ??
      latest.current.address,
    [],
  );

  // A change is shown first and written to the address after: the view's rows are requested
  // at once and shown as soon as they come, and only then does the address change, after the
  // frame that shows them. The app re-renders everything on a new address (routes, sidebar,
  // header) synchronously; done first, that re-render held back both the request and the rows.
  const show = useCallback(
    (next: URLSearchParams, options?: { replace: boolean }) => {
      prefetch(pageQuery(readView(next).view));
      const earlier = asked.current ?? latest.current.ahead;
      const nextView: AheadView = {
        params: next,
        // Changes merged into one address add a history entry if any of them would have.
        replace: (earlier?.replace ?? true) && options?.replace === true,
        from: earlier?.from ?? latest.current.address.toString(),
      };
      asked.current = nextView;
      setAhead(nextView);
    },
    [prefetch],
  );
  if (asked.current === ahead) asked.current = undefined;

  // The address follows the view once its answer is on screen, or after a while without one.
  useEffect(() => {
    if (!aheadShown) return undefined;
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = setTimeout(() => {
        // The address first: a render between the two then already shows it.
        latest.current.setParams(
          ahead.params,
          ahead.replace ? { replace: true } : undefined,
        );
        setAhead(undefined);
      });
    };
    if (loading) timer = setTimeout(write, ADDRESS_LAG_MS);
    else frame = requestAnimationFrame(write);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ahead, aheadShown, loading]);

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
  // The pager has nothing to offer before the first answer (it would read "0-0 of 0") and is
  // heavy to mount: it comes in the render after the one that shows the first rows, also when
  // the answer is there as the page mounts. It sits below the table, so nothing moves.
  const answered = useDeferredAfterMount(value !== undefined, false);

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
        {answered && (
          <PortfolioPagination
            count={value?.totalCount ?? 0}
            page={
              value
                ? Math.min(
                    view.page - 1,
                    Math.max(
                      0,
                      Math.ceil(value.totalCount / view.pageSize) - 1,
                    ),
                  )
                : 0
            }
            pageSize={view.pageSize}
            onPage={setPage}
            onPageSize={setPageSize}
          />
        )}
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
