import type {
  PortfolioQuery,
  PortfolioResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { ApiHolder, coreApis } from '@backstage/frontend-plugin-api';
import {
  SquadInsightsApi,
  squadInsightsApiRef,
} from '../../api/SquadInsightsApi';
import { pageQuery, readView } from './portfolioView';

/** An answer requested ahead is used only this fresh; an older one is asked for again. */
const PREFETCH_MAX_AGE_MS = 10_000;

/** One request of a page of the portfolio; replaced, never changed, when it settles. */
type PortfolioRequest =
  | { state: 'loading'; at: number }
  | { state: 'done'; at: number; answer: PortfolioResponse }
  | { state: 'failed'; at: number; error: Error };

/**
 * Portfolio requests started before the render that needs them: from the page's loader (while
 * its code loads), from a filter's change handler (before the URL changes and the app
 * re-renders), and while the page renders (before it commits and its effects run). The page
 * reads them as an external store, so an answer is rendered as soon as it arrives rather than
 * after the effects of the render that asked for it.
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

/** One store per API instance, so the page's loader and the page share their requests. */
const stores = new WeakMap<SquadInsightsApi, PortfolioRequests>();

/** The portfolio requests of an API instance: shared by every caller of that instance. */
export function portfolioRequestsOf(api: SquadInsightsApi): PortfolioRequests {
  let store = stores.get(api);
  if (!store) {
    store = new PortfolioRequests(q => api.getPortfolio(q));
    stores.set(api, store);
  }
  return store;
}

/**
 * Starts the request of the page the address shows (`location.search`), before the page's code
 * has loaded: the page's loader calls this, and the page's first render then finds its answer
 * under way or already there, instead of asking only once its chunks have loaded and rendered.
 */
export function prefetchPortfolioPage(
  api: SquadInsightsApi,
  search: string,
): void {
  portfolioRequestsOf(api).prefetch(
    pageQuery(readView(new URLSearchParams(search)).view),
  );
}

const withoutTrailingSlash = (path: string) => path.replace(/\/+$/, '') || '/';

/**
 * Starts the request of the view the app's address shows, from the APIs of the page's
 * extension: from its loader (any visit), and, with `onlyAt` (the page's path), as the app
 * creates its extensions, which it does right after sign-in: an app opened on the page (a
 * link, a reload) then asks for its first answer while it renders its frame, so the page's
 * first render finds the answer rather than a request still under way.
 */
export function prefetchPortfolioPageOf(
  apis: ApiHolder,
  onlyAt?: string,
): void {
  const api = apis.get(squadInsightsApiRef);
  const location = apis.get(coreApis.appHistory)?.getSnapshot().location;
  if (!api || !location) return;
  if (
    onlyAt !== undefined &&
    withoutTrailingSlash(location.pathname) !== withoutTrailingSlash(onlyAt)
  )
    return;
  prefetchPortfolioPage(api, location.search);
}
