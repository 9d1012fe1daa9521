/** Why a usage read failed. @public */
export type UsageFailure =
  | 'throttled'
  | 'credentials'
  | 'unreachable'
  | 'failed';

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceeded',
  'LimitExceededException',
  'LimitExceededFault',
]);
const CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'AccessDeniedException',
  'CredentialsProviderError',
]);

/**
 * A CloudWatch read failed. The message names the source, the region and the AWS error
 * code, never a credential: it is built from the code and a short reason only.
 *
 * @public
 */
export class UsageSourceError extends Error {
  override name = 'UsageSourceError' as const;
  readonly failure: UsageFailure;
  readonly sourceId: string;
  readonly region: string;
  /** The AWS error code (`Throttling`, `ExpiredToken`, …) when there was one. */
  readonly code?: string;

  constructor(options: {
    sourceId: string;
    region: string;
    operation: string;
    failure: UsageFailure;
    code?: string;
    status?: number;
  }) {
    const { sourceId, region, operation, failure, code, status } = options;
    const what: Record<UsageFailure, string> = {
      throttled: 'was throttled by AWS; the next run tries again',
      credentials: 'was refused: the credentials are expired or not allowed',
      unreachable: 'could not reach AWS',
      failed: 'failed',
    };
    super(
      `CloudWatch usage source ${sourceId} (${region}) ${operation} ${
        what[failure]
      }${code ? ` (${code}${status ? `, HTTP ${status}` : ''})` : ''}`,
    );
    this.failure = failure;
    this.sourceId = sourceId;
    this.region = region;
    this.code = code;
  }

  /** Classifies whatever the AWS SDK threw. */
  static from(
    e: unknown,
    ctx: { sourceId: string; region: string; operation: string },
  ): UsageSourceError {
    if (e instanceof UsageSourceError) return e;
    const err = e as {
      name?: string;
      Code?: string;
      $metadata?: { httpStatusCode?: number };
    };
    const code = err?.Code ?? err?.name;
    const status = err?.$metadata?.httpStatusCode;
    let failure: UsageFailure = 'failed';
    if (code && THROTTLED.has(code)) failure = 'throttled';
    else if (code && CREDENTIALS.has(code)) failure = 'credentials';
    else if (
      status === undefined &&
      /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|TimeoutError|socket/i.test(
        String(code) + String((e as Error)?.message),
      )
    ) {
      failure = 'unreachable';
    }
    return new UsageSourceError({ ...ctx, failure, code, status });
  }
}
