import { Octokit } from '@octokit/rest';
import { hasStatus, toGitHubError, withGitHubErrors } from './githubError';
import { GithubRepository } from './repositories';

/** What a repository of the squad template must have once `publish:github` has run. */
export interface ExpectedGovernance {
  requiredApprovals: number;
  requireCodeOwnerReviews: boolean;
  requiredStatusChecks: string[];
  teams: Array<{ slug: string; permission: 'maintain' | 'pull' }>;
  topics: string[];
}

/**
 * Branch protection of the default branch as it should be. GitHub answers 404 "Branch not
 * protected" when there is none, which is what `publish:github` leaves behind when GitHub
 * refused the protection (it only logs a warning then, e.g. on the Free plan).
 */
export async function protectionProblems(
  octokit: Octokit,
  repository: GithubRepository,
  expected: ExpectedGovernance,
): Promise<string[]> {
  const owner = repository.owner.login;
  const { name: repo, default_branch: branch, full_name: full } = repository;
  let protection;
  try {
    ({ data: protection } = await octokit.rest.repos.getBranchProtection({
      owner,
      repo,
      branch,
    }));
  } catch (error) {
    if (!hasStatus(error, 404))
      throw toGitHubError(error, `read the protection of ${full}@${branch}`);
    return [
      `${full}: branch ${branch} is not protected (publish:github only warns when GitHub refuses protection; private repositories need GitHub Team/Enterprise, or Pro for a user)`,
    ];
  }
  const problems: string[] = [];
  const reviews = protection.required_pull_request_reviews;
  const approvals = reviews?.required_approving_review_count ?? 0;
  if (approvals < expected.requiredApprovals) {
    problems.push(
      `${full}: ${branch} needs ${approvals} approving review(s), the compliance profile requires ${expected.requiredApprovals}`,
    );
  }
  if (
    expected.requireCodeOwnerReviews &&
    !reviews?.require_code_owner_reviews
  ) {
    problems.push(`${full}: ${branch} does not require a code owner's review`);
  }
  const contexts = protection.required_status_checks?.contexts ?? [];
  const missingChecks = expected.requiredStatusChecks.filter(
    check => !contexts.includes(check),
  );
  if (missingChecks.length > 0) {
    problems.push(
      `${full}: ${branch} does not require the status check(s) ${missingChecks.join(
        ', ',
      )}`,
    );
  }
  return problems;
}

/** Whether each team holds its permission: `publish:github` skips a failed grant with a warning. */
export async function teamProblems(
  octokit: Octokit,
  repository: GithubRepository,
  expected: ExpectedGovernance,
): Promise<string[]> {
  const owner = repository.owner.login;
  const problems = await Promise.all(
    expected.teams.map(async ({ slug, permission }) => {
      try {
        const { data } = await octokit.rest.teams.checkPermissionsForRepoInOrg({
          org: owner,
          team_slug: slug,
          owner,
          repo: repository.name,
          // Without this media type GitHub answers 204 with no body, and the permission is unknown.
          headers: { accept: 'application/vnd.github.v3.repository+json' },
        });
        return data.permissions?.[permission]
          ? undefined
          : `${repository.full_name}: team ${slug} has ${
              data.role_name ?? 'another role'
            }, not ${permission}`;
      } catch (error) {
        if (!hasStatus(error, 404))
          throw toGitHubError(
            error,
            `read team ${slug}'s access to ${repository.full_name}`,
          );
        return `${repository.full_name}: team ${slug} has no access (expected ${permission})`;
      }
    }),
  );
  return problems.filter((p): p is string => p !== undefined);
}

/** Topics `publish:github` skips with a warning when GitHub refuses them. */
export function topicProblems(
  repository: GithubRepository,
  expected: ExpectedGovernance,
): string[] {
  const missing = expected.topics.filter(
    topic => !(repository.topics ?? []).includes(topic),
  );
  return missing.length
    ? [`${repository.full_name}: topic(s) ${missing.join(', ')} missing`]
    : [];
}

/** GitHub reads CODEOWNERS from .github/, the root or docs/; the skeletons bring .github/CODEOWNERS. */
export async function codeownersProblems(
  octokit: Octokit,
  repository: GithubRepository,
): Promise<string[]> {
  const { name: repo, full_name: full, default_branch: ref } = repository;
  const owner = repository.owner.login;
  for (const path of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']) {
    try {
      await octokit.rest.repos.getContent({ owner, repo, path, ref });
      return [];
    } catch (error) {
      if (!hasStatus(error, 404))
        throw toGitHubError(error, `read ${path} of ${full}`);
    }
  }
  return [
    `${full}: no CODEOWNERS file, so code-owner reviews cannot be satisfied`,
  ];
}

/** Every problem with one repository's governance; reads only. */
export async function governanceProblems(
  octokit: Octokit,
  owner: string,
  repo: string,
  expected: ExpectedGovernance,
): Promise<string[]> {
  const { data: repository } = await withGitHubErrors(
    () => octokit.rest.repos.get({ owner, repo }),
    `read repository ${owner}/${repo}`,
  );
  const found = await Promise.all([
    protectionProblems(octokit, repository, expected),
    teamProblems(octokit, repository, expected),
    codeownersProblems(octokit, repository),
  ]);
  return [...found.flat(), ...topicProblems(repository, expected)];
}
