import {
  AuthenticationError,
  ConflictError,
  ForwardedError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';

/**
 * The parts of an `@octokit/request-error` RequestError this module reads. Matched by shape,
 * not by class, so a second copy of the octokit packages cannot break the check.
 */
export interface GithubRequestError {
  name: 'HttpError';
  status: number;
  message: string;
  response?: {
    headers: Record<string, string | number | undefined>;
    data?: unknown;
  };
}

interface GithubErrorBody {
  message?: string;
  errors?: Array<
    | { resource?: string; field?: string; code?: string; message?: string }
    | string
  >;
}

/** Whether an error is an HTTP answer from GitHub (as opposed to a network failure or a bug). */
export function isGithubRequestError(
  error: unknown,
): error is GithubRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'HttpError' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** Whether GitHub answered with the given status. */
export function hasStatus(error: unknown, status: number): boolean {
  return isGithubRequestError(error) && error.status === status;
}

function body(error: GithubRequestError): GithubErrorBody {
  const data = error.response?.data;
  return typeof data === 'object' && data !== null
    ? (data as GithubErrorBody)
    : {};
}

function header(error: GithubRequestError, name: string): string | undefined {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
}

function scopes(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * GitHub's own words for an error: the message plus every item of `errors` (422 answers keep
 * the useful part, e.g. "name already exists on this account", there). Only the response body
 * is read, never the request, so the token cannot end up in a message.
 */
export function githubMessage(error: GithubRequestError): string {
  const { message, errors } = body(error);
  const details = (errors ?? [])
    .map(e =>
      typeof e === 'string'
        ? e
        : e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' '),
    )
    .filter(Boolean);
  return [message ?? `HTTP ${error.status}`, ...details].join(': ');
}

/**
 * What the token lacks, read from the headers GitHub sends with every answer to a classic
 * token: `X-Accepted-OAuth-Scopes` (what the endpoint accepts) and `X-OAuth-Scopes` (what the
 * token has). Undefined when the token is fine-grained or an app token (no such headers).
 */
export function describeMissingScopes(
  error: GithubRequestError,
): string | undefined {
  const accepted = scopes(header(error, 'x-accepted-oauth-scopes'));
  const granted = header(error, 'x-oauth-scopes');
  if (accepted.length === 0 || granted === undefined) {
    return undefined;
  }
  const has = scopes(granted);
  if (accepted.some(scope => has.includes(scope))) {
    return undefined;
  }
  return `the token's scopes are ${
    has.length ? has.join(', ') : '(none)'
  } but this needs ${
    accepted.length === 1 ? accepted[0] : `one of ${accepted.join(', ')}`
  }`;
}

function forbidden(error: GithubRequestError, prefix: string): Error {
  if (header(error, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const at = Number.isFinite(reset)
      ? ` (it resets at ${new Date(reset * 1000).toISOString()})`
      : '';
    return new NotAllowedError(
      `${prefix}. The token's rate limit is used up${at}; retry the task later`,
    );
  }
  const sso = header(error, 'x-github-sso');
  if (sso) {
    return new NotAllowedError(
      `${prefix}. The token is not authorized for the organization's SAML single sign-on (${sso})`,
    );
  }
  const missing = describeMissingScopes(error);
  return new NotAllowedError(
    `${prefix}. ${
      missing
        ? `Missing permission: ${missing}`
        : 'The token is not allowed to do this'
    }`,
  );
}

/**
 * Turns an error from a GitHub call into one a template user can act on: it names what was
 * being done (`what`, e.g. "create repository acme/payments"), what GitHub said, and what is
 * missing, without a stack trace or anything from the request (such as the token).
 */
export function toGitHubError(error: unknown, what: string): Error {
  if (!isGithubRequestError(error)) {
    // Our own errors (InputError from a parser, ...) already say what is wrong.
    if (
      error instanceof Error &&
      error.name !== 'Error' &&
      error.name !== 'TypeError'
    )
      return error;
    return new ForwardedError(`Could not ${what}`, error);
  }
  if (!error.response) {
    // Octokit reports a failed connection as a status 500 without a response.
    return new Error(
      `Could not ${what}: GitHub could not be reached (${error.message}); check the network and try again`,
    );
  }
  const prefix = `Could not ${what}: GitHub answered ${
    error.status
  } ${githubMessage(error)}`;
  switch (error.status) {
    case 401:
      return new AuthenticationError(
        `${prefix}. The token was rejected; set a valid token in integrations.github for this host or pass the action's token input`,
      );
    case 403:
      return forbidden(error, prefix);
    case 404: {
      const missing = describeMissingScopes(error);
      return new NotFoundError(
        `${prefix}. It does not exist or the token cannot see it (GitHub answers 404 for both${
          missing ? `; ${missing}` : ''
        })`,
      );
    }
    case 409:
      return new ConflictError(prefix);
    case 422:
      return new InputError(prefix);
    default:
      return new Error(`${prefix}; try again later`);
  }
}

/**
 * Runs one GitHub operation and turns its failure into a clear error naming `what` was being
 * done — the one place the actions translate GitHub's answers.
 *
 * @example
 * const { data } = await withGitHubErrors(() => octokit.rest.repos.get({ owner, repo }), `read ${owner}/${repo}`);
 */
export async function withGitHubErrors<T>(
  op: () => Promise<T>,
  what: string,
): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw toGitHubError(error, what);
  }
}
