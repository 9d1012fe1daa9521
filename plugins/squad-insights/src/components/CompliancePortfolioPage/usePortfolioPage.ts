import { useApi } from '@backstage/core-plugin-api';
import type { PortfolioQuery } from '@squad-insights/backstage-plugin-squad-insights-common';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { squadInsightsApiRef } from '../../api';

/**
 * One page of the portfolio for the query. While the next answer loads, the previous one
 * stays in `value` so the table does not blink on every filter change; an answer that
 * arrives after a newer query was sent is dropped (react-use keeps only the latest call).
 */
export function usePortfolioPage(query: PortfolioQuery) {
  const api = useApi(squadInsightsApiRef);
  // The query object is rebuilt on every render; its text is what identifies it.
  const key = JSON.stringify(query);
  const stableQuery = useMemo(() => JSON.parse(key) as PortfolioQuery, [key]);
  return useAsyncRetry(() => api.getPortfolio(stableQuery), [api, stableQuery]);
}
