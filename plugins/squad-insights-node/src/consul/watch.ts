import type { ConsulClient } from './ConsulClient';
import type { ConsulCatalogServices } from './consulApi';
import { TokenBucket, backoffDelay, sleep } from './pacing';
import { ConsulRequestError } from './rawGet';
import type { ConsulRead, ConsulReadOptions, ConsulServiceView } from './types';

/**
 * Tuning of a blocking-query watch. Defaults: `waitMs` 30 s (under the 60 s idle timeout of
 * common load balancers), backoff 500 ms doubling to 30 s, rate limit burst 3 then one request
 * per 4 s: Consul's docs ask for a rate limit once results churn, and 4 s keeps a change
 * visible within 5 s even while a service flaps (a quiet service uses no tokens: one blocking
 * request per 30 s).
 *
 * @public
 */
export interface ConsulWatchOptions {
  signal?: AbortSignal;
  waitMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  rateLimit?: { burst?: number; intervalMs?: number };
  /** Source of jitter; `Math.random` unless a test pins it. */
  random?: () => number;
  /** Called for every failed round, with the index the next request will use and the delay. */
  onError?: (error: Error, retry: { index: number; delayMs: number }) => void;
}

/**
 * A running watch. `stop()` aborts the request in flight and resolves once the loop has ended
 * and every timer is cleared; `done` resolves at the same point (also when `signal` aborts).
 *
 * @public
 */
export interface ConsulWatch {
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

/**
 * Runs a blocking-query loop over `read`, calling `onChange` when the data's index moves,
 * following "Blocking Queries → Implementation Details" of Consul's API docs:
 *
 * - same `X-Consul-Index` as before: no change, `onChange` is not called, except on the first
 *   good read after a failure: the caller heard of the failure (`onError`) and so hears that
 *   the source answers again (a quiet service's index may not move for days);
 * - a lower index: reset to 0, so the next read answers at once with the current data;
 * - an index of 0 or none: a Consul bug; the docs make the next index at least 1 so the next
 *   request really blocks, and we also back off so a server that keeps answering 0 at once
 *   cannot make us spin;
 * - a request loop rate-limited by a token bucket (burst 3), not a sleep per round;
 * - errors back off exponentially with jitter up to the cap, then retry with the same index;
 *   a 400 also resets the index to 0 (Consul's answer to an index it cannot use, which
 *   retrying would repeat forever).
 *
 * If `onChange` throws, the index is not advanced, so the change is delivered again.
 *
 * node-consul's `consul.watch` is not used: it ends the watch on a 400 and on a missing index,
 * keeps the old index after a zero one, has neither jitter nor rate limit, emits the data of a
 * backwards index, and takes no AbortSignal.
 *
 * @public
 */
export function watchBlocking<T>(
  read: (opts: ConsulReadOptions) => Promise<ConsulRead<T>>,
  onChange: (
    value: T,
    info: { index: number; signal: AbortSignal },
  ) => void | Promise<void>,
  options: ConsulWatchOptions = {},
): ConsulWatch {
  const controller = new AbortController();
  const signal = controller.signal;
  const stopFromOutside = () => controller.abort();
  options.signal?.addEventListener('abort', stopFromOutside, { once: true });
  if (options.signal?.aborted) controller.abort();

  const waitMs = options.waitMs ?? 30_000;
  const pace = {
    baseMs: options.backoff?.baseMs ?? 500,
    maxMs: options.backoff?.maxMs ?? 30_000,
    random: options.random ?? Math.random,
  };
  const bucket = new TokenBucket(
    options.rateLimit?.burst ?? 3,
    options.rateLimit?.intervalMs ?? 4_000,
  );

  async function loop() {
    let index = 0;
    let attempt = 0;
    const retry = async (error: Error) => {
      attempt++;
      const delayMs = backoffDelay(attempt, pace);
      try {
        options.onError?.(error, { index, delayMs });
      } catch {
        // a failing error handler must not end the watch
      }
      await sleep(delayMs, signal);
    };
    while (!signal.aborted) {
      await bucket.take(signal);
      if (signal.aborted) break;
      let res: ConsulRead<T>;
      try {
        res = await read({ index, waitMs, signal });
      } catch (e) {
        if (signal.aborted) break;
        if (e instanceof ConsulRequestError && e.status === 400) index = 0;
        await retry(e instanceof Error ? e : new Error(String(e)));
        continue;
      }
      const next = res.index;
      if (next === undefined || next <= 0) {
        index = 1;
        await retry(
          new Error(
            `Consul returned ${
              next === undefined ? 'no' : 'a zero'
            } X-Consul-Index`,
          ),
        );
        continue;
      }
      const recovered = attempt > 0;
      attempt = 0;
      if (next < index) {
        index = 0;
        continue;
      }
      if (next === index && !recovered) continue;
      try {
        await onChange(res.body, { index: next, signal });
        index = next;
      } catch (e) {
        if (signal.aborted) break;
        await retry(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  const done = loop().finally(() =>
    options.signal?.removeEventListener('abort', stopFromOutside),
  );
  return {
    done,
    stop() {
      controller.abort();
      return done;
    },
  };
}

/**
 * Watches one service: calls `onChange` with its view whenever its health read changes, and
 * with undefined while Consul has no instance of it. Intentions and sidecars are re-read with
 * each health change; a change to intentions alone shows with the next one.
 *
 * @public
 */
export function watchService(
  name: string,
  onChange: (view: ConsulServiceView | undefined) => void | Promise<void>,
  options: ConsulWatchOptions & { client: ConsulClient },
): ConsulWatch {
  const { client } = options;
  return watchBlocking(
    q => client.healthService(name, q),
    async (entries, { index, signal }) =>
      onChange(
        entries.length
          ? await client.viewFrom(name, { body: entries, index }, signal)
          : undefined,
      ),
    options,
  );
}

/**
 * Watches the list of services (`/v1/catalog/services`): calls `onChange` with every name and
 * its tags when registrations change.
 *
 * @public
 */
export function watchServices(
  onChange: (
    services: ConsulCatalogServices,
    index: number,
  ) => void | Promise<void>,
  options: ConsulWatchOptions & { client: ConsulClient },
): ConsulWatch {
  return watchBlocking(
    q => options.client.listServices(q),
    (services, { index }) => onChange(services, index),
    options,
  );
}
