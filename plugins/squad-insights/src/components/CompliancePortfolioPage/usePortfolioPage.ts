import { useApi } from '@backstage/core-plugin-api';
import type {
  PortfolioQuery,
  PortfolioResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { squadInsightsApiRef } from '../../api';

/** An answer requested ahead is used only this fresh; an older one is asked for again. */
const PREFETCH_MAX_AGE_MS = 10_000;

/** One request of a page of the portfolio; replaced, never changed, when it settles. */
type PortfolioRequest =
  | { state: 'loading'; at: number }
  | { state: 'done'; at: number; answer: PortfolioResponse }
  | { state: 'failed'; at: number; error: Error };

/**
 * Portfolio requests started before the render that needs them: from a filter's change handler
 * (before the URL changes and the app re-renders), and while the page renders (before it
 * commits and its effects run). The page reads them as an external store, so an answer is
 * rendered as soon as it arrives rather than after the effects of the render that asked for it.
 * Each request is shown once: coming back to a view, or Retry, asks again.
 */
class PortfolioRequests {
  private readonly requests = new Map<string, PortfolioRequest>();
  /** Requests a view has shown: coming back to that view asks again. */
  private readonly shown = new Set<string>();
  /** The query on screen, whose request stays however old. */
  private current?: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly load: (
      query: PortfolioQuery,
    ) => Promise<PortfolioResponse>,
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  get(key: string): PortfolioRequest | undefined {
    return this.requests.get(key);
  }

  /** Starts the request of a query unless a fresh one nobody has shown yet is under way. */
  prefetch(query: PortfolioQuery): void {
    const key = JSON.stringify(query);
    const now = Date.now();
    for (const [k, r] of this.requests)
      if (now - r.at > PREFETCH_MAX_AGE_MS && k !== this.current) {
        this.requests.delete(k);
        this.shown.delete(k);
      }
    const pending = this.requests.get(key);
    if (
      pending &&
      !this.shown.has(key) &&
      now - pending.at <= PREFETCH_MAX_AGE_MS
    )
      return;
    this.start(key, query);
  }

  /** The view of `key` is about to show its request: a later visit asks again. */
  show(key: string): void {
    this.shown.add(key);
    this.current = key;
  }

  /** Asks again for a query, whatever is stored for it. */
  reload(query: PortfolioQuery): void {
    this.start(JSON.stringify(query), query);
  }

  private start(key: string, query: PortfolioQuery) {
    const request: PortfolioRequest = { state: 'loading', at: Date.now() };
    this.shown.delete(key);
    this.set(key, request);
    const settle = (next: PortfolioRequest) => {
      // A newer request of the same query (Retry) wins over this one.
      if (this.requests.get(key) === request) this.set(key, next);
    };
    this.load(query).then(
      answer => settle({ state: 'done', at: request.at, answer }),
      error => settle({ state: 'failed', at: request.at, error }),
    );
  }

  private set(key: string, request: PortfolioRequest) {
    this.requests.set(key, request);
    for (const listener of this.listeners) listener();
  }
}

/**
 * One page of the portfolio for the query. While the next answer loads, the previous one
 * stays in `value` so the table does not blink on every filter change; an answer to an
 * earlier query never replaces the one of the query shown. `prefetch` starts the request of a
 * query the page is about to show.
 */
export function usePortfolioPage(query: PortfolioQuery) {
  const api = useApi(squadInsightsApiRef);
  const [requests] = useState(
    () => new PortfolioRequests(q => api.getPortfolio(q)),
  );
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
