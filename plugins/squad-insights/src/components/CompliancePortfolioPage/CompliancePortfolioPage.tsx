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
import { useCallback, useMemo } from 'react';
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

  // Asks for the next view's rows at once, then changes the URL: the request then runs while
  // the app re-renders for the new address instead of after.
  const show = useCallback(
    (next: URLSearchParams, options?: { replace: boolean }) => {
      prefetch(pageQuery(readView(next).view));
      setParams(next, options);
    },
    [prefetch, setParams],
  );
  // Search is typed, so it replaces the history entry; a chosen filter pushes one.
  const setFilter = (key: PortfolioFilterKey, v: string) =>
    show(
      withParam(params, key, v),
      key === 'q' ? { replace: true } : undefined,
    );
  const setSort = (field: PortfolioSortField) => {
    const order = view.sort === field && view.order !== 'desc' ? 'desc' : 'asc';
    show(withParam(withParam(params, 'sort', field), 'order', order));
  };

  const facets = value?.facets;
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
  const pageSizes = PAGE_SIZES.includes(view.pageSize)
    ? PAGE_SIZES
    : [...PAGE_SIZES, view.pageSize].sort((a, b) => a - b);

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
        {/* Keeps the rows on screen while the next answer loads; the bar says it is coming. */}
        <Box sx={{ height: 4 }}>
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
        <TablePagination
          component="div"
          count={value?.totalCount ?? 0}
          page={
            value
              ? Math.min(
                  view.page - 1,
                  Math.max(0, Math.ceil(value.totalCount / view.pageSize) - 1),
                )
              : 0
          }
          rowsPerPage={view.pageSize}
          rowsPerPageOptions={pageSizes}
          onPageChange={(_, page) => show(withParam(params, 'page', page + 1))}
          onRowsPerPageChange={e =>
            show(withParam(params, 'pageSize', e.target.value))
          }
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
          query={filterQuery(view)}
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
