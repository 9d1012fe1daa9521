import { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import { hasStatus, toGithubError } from './errors';
import { SQUAD_INSIGHTS_MARKER_TOPIC } from './marker';

/** A repository as `GET /repos/{owner}/{repo}` returns it. */
export type GithubRepository = RestEndpointMethodTypes['repos']['get']['response']['data'];

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
    const renamed = data.full_name.toLowerCase() !== `${owner}/${repo}`.toLowerCase();
    return renamed ? undefined : data;
  } catch (error) {
    if (hasStatus(error, 404)) {
      return undefined;
    }
    throw toGithubError(error, `read repository ${owner}/${repo}`);
  }
}

/** Whether a repository was created by the squad template (carries the marker topic). */
export function isMarked(repository: Pick<GithubRepository, 'topics'>): boolean {
  return (repository.topics ?? []).includes(SQUAD_INSIGHTS_MARKER_TOPIC);
}

/** Whether the account is an organization or a user (`GET /users/{owner}`). */
export async function getOwnerType(
  octokit: Octokit,
  owner: string,
): Promise<'Organization' | 'User'> {
  try {
    const { data } = await octokit.rest.users.getByUsername({ username: owner });
    return data.type === 'Organization' ? 'Organization' : 'User';
  } catch (error) {
    throw toGithubError(error, `read the GitHub account ${owner}`);
  }
}
