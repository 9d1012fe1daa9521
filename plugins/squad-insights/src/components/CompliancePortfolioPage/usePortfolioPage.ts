import { useApi } from '@backstage/core-plugin-api';
import type {
  PortfolioQuery,
  PortfolioResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { squadInsightsApiRef } from '../../api';
import { portfolioRequestsOf } from './portfolioRequests';

/**
 * One page of the portfolio for the query. While the next answer loads, the previous one
 * stays in `value` so the table does not blink on every filter change; an answer to an
 * earlier query never replaces the one of the query shown. `prefetch` starts the request of a
 * query the page is about to show.
 */
export function usePortfolioPage(query: PortfolioQuery) {
  const api = useApi(squadInsightsApiRef);
  const requests = portfolioRequestsOf(api);
  // The query object is rebuilt on every render; its text is what identifies it.
  const key = JSON.stringify(query);
  // Start the request now, not after the first render's skeleton has committed.
  const requestedKey = useRef<string>();
  if (requestedKey.current !== key) {
    requestedKey.current = key;
    requests.prefetch(query);
    requests.show(key);
  }
  const request = useSyncExternalStore(requests.subscribe, () =>
    requests.get(key),
  );
  // The last answer shown, kept on screen while the next one loads.
  const lastAnswer = useRef<PortfolioResponse>();
  if (request?.state === 'done') lastAnswer.current = request.answer;

  const retry = useCallback(
    () => requests.reload(JSON.parse(key) as PortfolioQuery),
    [requests, key],
  );
  const prefetch = useCallback(
    (q: PortfolioQuery) => requests.prefetch(q),
    [requests],
  );
  return {
    value: lastAnswer.current,
    loading: !request || request.state === 'loading',
    error: request?.state === 'failed' ? request.error : undefined,
    retry,
    prefetch,
  };
}
