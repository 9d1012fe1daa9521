import { parseEntityRef } from '@backstage/catalog-model';

/**
 * A group or service ref as people say it: the name, with the namespace only when it is not
 * `default` (`payments-squad`, `finance/payments-squad`).
 *
 * @public
 */
export function shortRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/**
 * The day of an ISO timestamp, `2026-12-01`, as reviewers compare dates.
 *
 * @public
 */
export function isoDay(iso?: string): string {
  return iso ? iso.slice(0, 10) : '';
}

/**
 * What went wrong, in the server's words when it said: a `ResponseError` carries the backend's
 * message as its `cause`, while its own message is only the HTTP status.
 *
 * @public
 */
export function errorMessage(error: Error): string {
  const cause = (error as Error & { cause?: { message?: unknown } }).cause;
  return typeof cause?.message === 'string' && cause.message
    ? cause.message
    : error.message;
}
