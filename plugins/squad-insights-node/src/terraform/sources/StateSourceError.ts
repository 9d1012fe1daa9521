import { STATUS_CODES } from 'node:http';

/**
 * A Terraform state could not be read from its source: the server answered with an error,
 * could not be reached, timed out, or what it sent was not a valid state payload.
 *
 * The message always names `<sourceId>:<key>` (so an operator can find the catalog reference
 * and the source) and the HTTP status when there is one. It never contains credentials: the
 * sources build it from the status and a short reason, never from request headers or
 * response bodies (which may echo them), and any secret the source knows is masked anyway
 * in case a lower-level error message ever carried it.
 *
 * @public
 */
export class StateSourceError extends Error {
  override name = 'StateSourceError' as const;
  readonly sourceId: string;
  readonly key: string;
  /** The HTTP status the server answered with, when the failure was an HTTP answer. */
  readonly status?: number;

  constructor(options: {
    sourceId: string;
    key: string;
    /** What went wrong, e.g. "could not be read" or "is not a regular file". */
    reason: string;
    status?: number;
    cause?: unknown;
    /** Values that must never appear in the message (tokens, passwords). */
    secrets?: Array<string | undefined>;
  }) {
    const { sourceId, key, reason, status, cause, secrets = [] } = options;
    let message = `Terraform state ${sourceId}:${key} ${reason}`;
    if (status !== undefined) {
      message += `: HTTP ${status}${
        STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''
      }`;
    }
    if (cause !== undefined) {
      message += `; caused by ${
        cause instanceof Error
          ? `${cause.name}: ${cause.message}`
          : String(cause)
      }`;
    }
    for (const secret of secrets) {
      // Short values would mask innocent words; real tokens and passwords are longer.
      if (secret && secret.length >= 4)
        message = message.split(secret).join('***');
    }
    super(message, cause === undefined ? undefined : { cause });
    this.sourceId = sourceId;
    this.key = key;
    this.status = status;
  }
}
