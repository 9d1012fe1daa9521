import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ConsulClient } from './ConsulClient';
import { TokenBucket, backoffDelay } from './pacing';
import { itCorpus } from '../__testUtils__/corpus';
import { corpus, recorded } from './__testUtils__/corpus';
import type { ConsulRead } from './types';
import { watchBlocking, watchService } from './watch';

const server = setupServer();
// Not registerMswTestHooks: importing @backstage/backend-test-utils leaves a handle open in the
// jest worker ("failed to exit gracefully"), and these tests must not leak any.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'http://consul.test:8500';
// Tiny delays keep the tests fast; the pacing itself is tested with fake timers below.
const fast = {
  backoff: { baseMs: 1, maxMs: 4 },
  rateLimit: { burst: 2, intervalMs: 1 },
  random: () => 0.5,
};

interface Step {
  request: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

describe('watchBlocking', () => {
  let client: ConsulClient;
  beforeEach(() => {
    client = ConsulClient.create({ address: BASE });
  });
  afterEach(() => client.close());

  itCorpus('replays the recorded node-consul blocking sequence', async () => {
    const steps = corpus<Step[]>(recorded.blockingSequence);
    const path = new URL(steps[0].request.split(' ')[1], BASE).pathname;
    // After the recorded 400 the watch resets to index 0; this answer is ours, not recorded.
    const after = {
      status: 200,
      body: [{ n: steps.length + 1 }],
      headers: { 'X-Consul-Index': '16' },
    };
    const requests: string[] = [];
    server.use(
      http.get(`${BASE}${path}`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(`GET ${url.pathname}${url.search}`);
        const step = steps[requests.length - 1] ?? after;
        return HttpResponse.json(step.body as any, {
          status: step.status,
          headers: step.headers,
        });
      }),
    );

    const stop = new AbortController();
    const changes: Array<[unknown, number]> = [];
    const errors: Array<{ message: string; index: number; delayMs: number }> =
      [];
    const watch = watchBlocking(
      q => client.read(path, {}, q),
      (body, { index }) => {
        changes.push([body, index]);
        if (index === 16) stop.abort();
      },
      {
        ...fast,
        waitMs: 30_000,
        signal: stop.signal,
        onError: (e, r) => errors.push({ message: e.message, ...r }),
      },
    );
    await watch.done;

    // Our requests are node-consul's, with one documented difference: after the zero index
    // (step 8) node-consul keeps index 6, Consul's docs say to continue from index 1.
    const zero = steps.findIndex(s => s.headers['X-Consul-Index'] === '0');
    const expected = steps.map((s, i) =>
      i === zero + 1 ? s.request.replace(/index=\d+/, 'index=1') : s.request,
    );
    expect(requests).toEqual([...expected, `GET ${path}?index=0&wait=30s`]);

    const indexOf = (s: Step) => Number(s.headers['X-Consul-Index']);
    const emitted = [
      steps[0], // 0 → 5
      steps[3], // 5 → 10 (step 2 kept 5: no change; step 3 was the 500)
      steps[4], // 10 → 15
      steps[6], // restart after 15 → 14, read at 0 → 6
    ].map(s => [s.body, indexOf(s)]);
    expect(changes).toEqual([...emitted, [after.body, 16]]);
    expect(steps[5].body).not.toEqual(changes[3][0]); // the backwards answer is not emitted

    expect(
      errors.map(e => [e.message.match(/HTTP \d+|zero/)?.[0], e.index]),
    ).toEqual([
      ['HTTP 500', 5], // retried with the same index
      ['zero', 1], // never 0 again, so the next request blocks
      ['HTTP 400', 0], // reset
    ]);
    expect(errors.every(e => e.delayMs > 0)).toBe(true); // no spinning
  });

  it('backs off exponentially up to the cap, then resumes and resets the attempts', async () => {
    const outcomes = ['fail', 'fail', 'fail', 'fail', 'ok', 'fail'];
    const delays: number[] = [];
    const stop = new AbortController();
    const watch = watchBlocking<string>(
      async () => {
        const next = outcomes.shift();
        if (next === 'fail') throw new Error('connection refused');
        if (!next) stop.abort();
        return { body: 'v', index: 3 } satisfies ConsulRead<string>;
      },
      () => {},
      {
        ...fast,
        random: () => 1,
        signal: stop.signal,
        onError: (_e, r) => delays.push(r.delayMs),
      },
    );
    await watch.done;
    expect(delays).toEqual([1, 2, 4, 4, 1]);
  });

  it('hands on the first good read after a failure, though its index did not move', async () => {
    // A quiet service keeps its index for days: without this, the failure would be the last
    // word on it until the service next changed.
    const outcomes = ['ok', 'fail', 'ok', 'ok'];
    const reads: number[] = [];
    const stop = new AbortController();
    const watch = watchBlocking<string>(
      async () => {
        const next = outcomes.shift();
        if (!next) stop.abort();
        if (next === 'fail') throw new Error('connection refused');
        return { body: 'v', index: 7 } satisfies ConsulRead<string>;
      },
      (_body, { index }) => {
        reads.push(index);
      },
      { ...fast, signal: stop.signal },
    );
    await watch.done;
    // The first read, and the one after the failure; not the unchanged one after that.
    expect(reads).toEqual([7, 7]);
  });

  it('stops a request in flight and leaves no timer behind', async () => {
    let aborted = false;
    const watch = watchBlocking(
      ({ signal }) =>
        new Promise<ConsulRead<null>>((_resolve, reject) =>
          signal!.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
      () => {},
    );
    await new Promise(r => setImmediate(r));
    await watch.stop();
    expect(aborted).toBe(true);
  });

  itCorpus('watchService emits a view per health change', async () => {
    const healthy = corpus<any[]>(recorded.healthServiceUi);
    const failing = JSON.parse(JSON.stringify(healthy));
    failing[1].Checks[0].Status = 'critical';
    server.use(
      http.get(`${BASE}/v1/health/service/backend`, ({ request }) => {
        const index = Number(new URL(request.url).searchParams.get('index'));
        const body = index === 0 ? healthy : failing;
        return HttpResponse.json(body, {
          headers: { 'X-Consul-Index': String(index === 0 ? 20 : 21) },
        });
      }),
      http.get(`${BASE}/v1/catalog/connect/backend`, () =>
        HttpResponse.json([], { headers: { 'X-Consul-Index': '20' } }),
      ),
      http.get(
        `${BASE}/v1/connect/intentions/*`,
        () => new HttpResponse('Permission denied', { status: 403 }),
      ),
    );
    const views: Array<[string | undefined, number | undefined]> = [];
    const stop = new AbortController();
    const watch = watchService(
      'backend',
      view => {
        views.push([view?.health, view?.index]);
        if (views.length === 2) stop.abort();
      },
      { ...fast, client, signal: stop.signal },
    );
    await watch.done;
    expect(views).toEqual([
      ['passing', 20],
      ['critical', 21],
    ]);
  });
});

describe('pacing', () => {
  afterEach(() => jest.useRealTimers());

  it('lets a burst of 2 through, then one request per interval', async () => {
    jest.useFakeTimers();
    const bucket = new TokenBucket(2, 15_000);
    const signal = new AbortController().signal;
    const taken: number[] = [];
    const start = Date.now();
    const run = (async () => {
      for (let i = 0; i < 4; i++) {
        await bucket.take(signal);
        taken.push(Date.now() - start);
      }
    })();
    await jest.advanceTimersByTimeAsync(60_000);
    await run;
    expect(taken).toEqual([0, 0, 15_000, 30_000]);
  });

  it('jitters backoff between half and the whole step, capped', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { ...opts, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...opts, random: () => 1 })).toBe(1000);
  });
});
