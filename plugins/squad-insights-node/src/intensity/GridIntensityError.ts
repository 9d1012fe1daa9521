import { STATUS_CODES } from 'node:http';

/** Why a grid-intensity read failed. @public */
export type GridIntensityFailure =
  | 'unauthorized'
  | 'rate-limited'
  | 'upstream'
  | 'invalid-response'
  | 'unreachable';

/**
 * A grid-intensity read failed. The message names the zone, the endpoint and the HTTP
 * status, never the token (it is masked should a lower-level message ever carry it).
 *
 * @public
 */
export class GridIntensityError extends Error {
  override name = 'GridIntensityError' as const;
  readonly failure: GridIntensityFailure;
  readonly zone: string;
  readonly status?: number;
  /** From a 429's `Retry-After`, when it gave seconds. */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    failure: GridIntensityFailure;
    zone: string;
    endpoint: string;
    reason: string;
    status?: number;
    retryAfterSeconds?: number;
    token?: string;
    cause?: unknown;
  }) {
    const { failure, zone, endpoint, reason, status, token } = options;
    let message = `Grid intensity for zone ${zone} (${endpoint}) ${reason}`;
    if (status !== undefined) {
      message += `: HTTP ${status}${
        STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''
      }`;
    }
    if (options.cause instanceof Error)
      message += `; caused by ${options.cause.message}`;
    if (token && token.length >= 4) message = message.split(token).join('***');
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.failure = failure;
    this.zone = zone;
    this.status = status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
