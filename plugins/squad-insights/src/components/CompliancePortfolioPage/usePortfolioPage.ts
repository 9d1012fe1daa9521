import { useApi } from '@backstage/core-plugin-api';
import type {
  PortfolioQuery,
  PortfolioResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { useCallback, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { squadInsightsApiRef } from '../../api';

/** An answer requested ahead is used only this fresh; an older one is asked for again. */
const PREFETCH_MAX_AGE_MS = 10_000;

/**
 * Portfolio requests started before the render that needs them: from a filter's change handler
 * (before the URL changes and the app re-renders), and while the page renders (before it
 * commits and its effects run). Each answer is taken once, so Retry asks again.
 */
class PortfolioRequests {
  private readonly pending = new Map<
    string,
    { at: number; answer: Promise<PortfolioResponse> }
  >();

  constructor(
    private readonly load: (
      query: PortfolioQuery,
    ) => Promise<PortfolioResponse>,
  ) {}

  prefetch(query: PortfolioQuery): void {
    const key = JSON.stringify(query);
    const now = Date.now();
    for (const [k, p] of this.pending)
      if (now - p.at > PREFETCH_MAX_AGE_MS) this.pending.delete(k);
    if (this.pending.has(key)) return;
    const answer = this.load(query);
    // A prefetched answer nobody takes must not surface as an unhandled rejection.
    answer.catch(() => {});
    this.pending.set(key, { at: now, answer });
  }

  take(query: PortfolioQuery): Promise<PortfolioResponse> {
    const key = JSON.stringify(query);
    const pending = this.pending.get(key);
    this.pending.delete(key);
    return pending && Date.now() - pending.at <= PREFETCH_MAX_AGE_MS
      ? pending.answer
      : this.load(query);
  }
}

/**
 * One page of the portfolio for the query. While the next answer loads, the previous one
 * stays in `value` so the table does not blink on every filter change; an answer that
 * arrives after a newer query was sent is dropped (react-use keeps only the latest call).
 * `prefetch` starts the request of a query the page is about to show.
 */
export function usePortfolioPage(query: PortfolioQuery) {
  const api = useApi(squadInsightsApiRef);
  const [requests] = useState(
    () => new PortfolioRequests(q => api.getPortfolio(q)),
  );
  // The query object is rebuilt on every render; its text is what identifies it.
  const key = JSON.stringify(query);
  const stableQuery = useMemo(() => JSON.parse(key) as PortfolioQuery, [key]);
  // Start the request now, not after the first render's skeleton has committed.
  const requestedKey = useRef<string>();
  if (requestedKey.current !== key) {
    requestedKey.current = key;
    requests.prefetch(stableQuery);
  }
  const state = useAsyncRetry(
    () => requests.take(stableQuery),
    [requests, stableQuery],
  );
  const prefetch = useCallback(
    (q: PortfolioQuery) => requests.prefetch(q),
    [requests],
  );
  return { ...state, prefetch };
}
