import { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import { hasStatus, toGitHubError } from './githubError';

/** A repository as `GET /repos/{owner}/{repo}` returns it. */
export type GithubRepository =
  RestEndpointMethodTypes['repos']['get']['response']['data'];

/**
 * Reads a repository, or `undefined` when the name is free. GitHub follows a renamed
 * repository's old name to the new one; such a name is free to take, so it counts as absent.
 */
export async function findRepository(
  octokit: Octokit,
  owner: string,
  repo: string,
): Promise<GithubRepository | undefined> {
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    const renamed =
      data.full_name.toLowerCase() !== `${owner}/${repo}`.toLowerCase();
    return renamed ? undefined : data;
  } catch (error) {
    if (hasStatus(error, 404)) {
      return undefined;
    }
    throw toGitHubError(error, `read repository ${owner}/${repo}`);
  }
}
