/**
 * `squadInsights` config for API tests: one local state source `demo` over `root`, open to any
 * entity, and a facts schedule that does not run during a test (the tests refresh themselves).
 * Spread it into the test's `squadInsights` config.
 */
export function quietLocalSource(root: string) {
  return {
    terraform: {
      sources: [{ id: 'demo', type: 'local', root, bindings: 'any' }],
    },
    facts: {
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 5 },
        initialDelay: { hours: 1 },
      },
    },
  };
}

/** Everything jest can fake except `Date`: for tests that move the calendar, not the clock. */
export const TIMERS_BUT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;
