import { ResponseError } from '@backstage/errors';

/**
 * The backend's own words for a failed request ("Separation of duties: …"), not the
 * generic "Request failed with 403 Forbidden" a `ResponseError` carries as its message.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError && error.cause?.message) {
    return `${error.cause.message} (${error.statusCode})`;
  }
  return error instanceof Error ? error.message : String(error);
}
