import { startTransition, useDeferredValue, useEffect, useState } from 'react';

/**
 * `value`, deferred from the first render on: that render returns `initialValue`, and `value`
 * follows in a render of its own, a transition started once the first one is committed; after
 * that it is `useDeferredValue(value)`. React 19's `useDeferredValue(value, initialValue)`,
 * for the React 18 the app runs: React 18's returns `value` itself on the first render, so a
 * page whose data is already there when it mounts would render everything at once.
 */
export function useDeferredAfterMount<T>(value: T, initialValue: T): T {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    startTransition(() => setMounted(true));
  }, []);
  const deferred = useDeferredValue(value);
  return mounted ? deferred : initialValue;
}
