/**
 * Waits `ms`, or less when `signal` aborts. Resolves either way (callers check the signal), and
 * clears its timer on abort so a stopped watch leaves nothing behind.
 *
 * @internal
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of
 * many watchers spread out yet never drop to zero delay.
 *
 * @internal
 */
export function backoffDelay(
  attempt: number,
  opts: { baseMs: number; maxMs: number; random: () => number },
): number {
  const step = Math.min(
    opts.maxMs,
    opts.baseMs * 2 ** Math.max(0, attempt - 1),
  );
  return Math.round(step / 2 + (opts.random() * step) / 2);
}

/**
 * Token bucket for the request loop, as Consul's blocking-query docs advise instead of a sleep
 * per iteration: `burst` requests go out at once, after that one per `intervalMs`. Blocking
 * requests that really block refill it, so in the quiet case nothing ever waits.
 *
 * @internal
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes a token, first waiting for one if the bucket is empty. */
  async take(signal: AbortSignal): Promise<void> {
    this.refill();
    if (this.tokens < 1) {
      await sleep(Math.ceil((1 - this.tokens) * this.intervalMs), signal);
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill() {
    const t = this.now();
    const gained =
      this.intervalMs > 0 ? (t - this.last) / this.intervalMs : Infinity;
    this.tokens = Math.min(this.burst, this.tokens + gained);
    this.last = t;
  }
}
