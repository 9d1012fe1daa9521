import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';

/**
 * Where and as whom the actions talk to GitHub.
 *
 * @public
 */
export interface GithubClientOptions {
  integrations: ScmIntegrationRegistry;
  /** The GitHub host, e.g. `github.com` or a GitHub Enterprise host. */
  host: string;
  /** The account the repositories live in; picks the GitHub App installation when apps are configured. */
  owner: string;
  /** A token given to the action; wins over the integration's credentials. */
  token?: string;
  logger?: LoggerService;
}

/**
 * A ready GitHub client and how it authenticates: an app installation token cannot call
 * user endpoints such as `GET /user`, so callers need to know.
 *
 * @public
 */
export interface GithubClient {
  octokit: Octokit;
  credentialType: 'token' | 'app';
}

/**
 * Builds an Octokit for a host from `integrations.github` (a token, or a GitHub App
 * installation) unless the action was given a token. Fails with a message naming the host
 * and the config key when there is no way to authenticate, instead of calling GitHub
 * anonymously and failing later with a confusing 404.
 *
 * @public
 */
export async function createGithubClient(
  options: GithubClientOptions,
): Promise<GithubClient> {
  const { integrations, host, owner, token, logger } = options;
  const integration = integrations.github.byHost(host);
  if (!integration) {
    throw new InputError(
      `No GitHub integration for host '${host}'; add it under integrations.github in app-config`,
    );
  }
  let auth = token;
  let credentialType: GithubClient['credentialType'] = 'token';
  if (!auth) {
    const credentials = await DefaultGithubCredentialsProvider.fromIntegrations(
      integrations,
    ).getCredentials({ url: `https://${host}/${encodeURIComponent(owner)}` });
    auth = credentials.token;
    credentialType = credentials.type;
  }
  if (!auth) {
    throw new InputError(
      `No GitHub credentials for host '${host}': set integrations.github[host=${host}].token (for example from the GITHUB_TOKEN environment variable), configure a GitHub App, or pass the action's token input`,
    );
  }
  const octokit = new Octokit({
    auth,
    baseUrl: integration.config.apiBaseUrl,
    userAgent: 'squad-insights-scaffolder',
    // Octokit reports every request at info level; that belongs in debug output, and the
    // actions log what they do themselves.
    log: {
      debug: () => {},
      info: (message: string) => logger?.debug(message),
      warn: (message: string) => logger?.warn(message),
      error: (message: string) => logger?.error(message),
    },
  });
  return { octokit, credentialType };
}

/**
 * The web URL of a repository as GitHub would show it; used in dry-runs, where GitHub is not
 * asked.
 *
 * @public
 */
export function repositoryWebUrl(
  host: string,
  owner: string,
  name: string,
): string {
  return `https://${host}/${owner}/${name}`;
}
