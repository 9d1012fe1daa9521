import { ResponseError } from '@backstage/errors';
import Alert from '@mui/material/Alert';
import { RetryableErrorPanel } from './RetryableErrorPanel';

/** True for a 404: the backend runs but has no such endpoint or knows no such entity. */
export function isNotFound(error: Error): boolean {
  return (error as Partial<ResponseError>).statusCode === 404;
}

/**
 * The one way Squad Insights views fail: "not available" when the backend answers 404 (an
 * endpoint of a part that is not installed, an entity it does not know), otherwise the
 * error with a Retry, since an unreachable backend often comes back.
 */
export function LoadFailure(props: {
  error: Error;
  onRetry: () => void;
  what: string;
}) {
  const { error, onRetry, what } = props;
  if (isNotFound(error)) {
    return (
      <Alert severity="info">{`${what} is not available for this entity.`}</Alert>
    );
  }
  return (
    <RetryableErrorPanel
      error={error}
      onRetry={onRetry}
      title={`Could not load ${what.toLocaleLowerCase('en')}`}
    />
  );
}

/** What `useAsyncRetry` hands back, as far as {@link AsyncView} needs it. */
export interface RetryableState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
  retry: () => void;
}

/**
 * Renders one piece of loaded data: the placeholder while it loads (also on a retry, so stale
 * values do not flash), {@link LoadFailure} on error, else `children(value)`.
 */
export function AsyncView<T>(props: {
  state: RetryableState<T>;
  what: string;
  placeholder: JSX.Element;
  children: (value: T) => JSX.Element | null;
}) {
  const { state, what, placeholder, children } = props;
  if (state.loading) return placeholder;
  if (state.error)
    return (
      <LoadFailure error={state.error} onRetry={state.retry} what={what} />
    );
  if (state.value === undefined) return placeholder;
  return children(state.value);
}
