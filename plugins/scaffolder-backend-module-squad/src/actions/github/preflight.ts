import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import { createGithubClient, GithubClient } from '../../github/client';
import { hasStatus, toGitHubError } from '../../github/githubError';
import { findRepository } from '../../github/repositories';
import { examples } from './preflight.examples';
import { DEFAULT_HOST, githubInputs, repositoryName } from './inputs';

type OwnerType = 'Organization' | 'User';

/** A check that could not pass; all of them are reported together. */
type Problems = string[];

/** The first letter lower-cased: the message becomes one item of the problem list. */
function explain(error: unknown, what: string): string {
  const { message } = toGitHubError(error, what);
  return message.charAt(0).toLowerCase() + message.slice(1);
}

async function checkOwner(
  octokit: Octokit,
  owner: string,
  problems: Problems,
): Promise<OwnerType | undefined> {
  try {
    const { data } = await octokit.rest.users.getByUsername({
      username: owner,
    });
    return data.type === 'Organization' ? 'Organization' : 'User';
  } catch (error) {
    problems.push(
      hasStatus(error, 404)
        ? `the GitHub account '${owner}' does not exist`
        : explain(error, `read the account ${owner}`),
    );
    return undefined;
  }
}

function missingRepoScope(
  login: string,
  granted: string | number | undefined,
): string | undefined {
  if (granted === undefined) return undefined; // fine-grained tokens send no scopes
  const scopes = String(granted)
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return scopes.includes('repo')
    ? undefined
    : `the token of ${login} cannot create private repositories: its scopes are ${
        scopes.join(', ') || '(none)'
      } but creating repositories needs repo`;
}

/**
 * Whether the token's user may create repositories in the owner: a classic token needs the
 * `repo` scope; in an organization the user must be an active member, and a plain member
 * only when the organization lets members create repositories.
 */
async function checkCanCreate(
  octokit: Octokit,
  owner: string,
  ownerType: OwnerType,
  problems: Problems,
) {
  let login: string;
  try {
    const { data, headers } = await octokit.rest.users.getAuthenticated();
    login = data.login;
    const scopeProblem = missingRepoScope(login, headers['x-oauth-scopes']);
    if (scopeProblem) problems.push(scopeProblem);
  } catch (error) {
    problems.push(explain(error, 'identify the token (GET /user)'));
    return;
  }
  if (ownerType === 'User') {
    if (login.toLowerCase() !== owner.toLowerCase()) {
      problems.push(
        `the token belongs to ${login}, who cannot create repositories in the user account ${owner}`,
      );
    }
    return;
  }
  try {
    const { data: membership } = await octokit.rest.orgs.getMembershipForUser({
      org: owner,
      username: login,
    });
    if (membership.state !== 'active') {
      problems.push(
        `${login}'s membership of ${owner} is ${membership.state}; accept the invitation first`,
      );
      return;
    }
    if (membership.role === 'admin') return;
    const { data: org } = await octokit.rest.orgs.get({ org: owner });
    if (org.members_can_create_repositories === false) {
      problems.push(
        `${login} is a member (not an owner) of ${owner}, and ${owner} does not let members create repositories; use an owner's token or ask an owner to allow it`,
      );
    }
  } catch (error) {
    problems.push(
      hasStatus(error, 404)
        ? `${login} is not a member of the organization ${owner}`
        : explain(error, `read ${login}'s membership of ${owner}`),
    );
  }
}

async function checkRepository(
  octokit: Octokit,
  owner: string,
  name: string,
  problems: Problems,
) {
  try {
    const existing = await findRepository(octokit, owner, name);
    if (existing) {
      problems.push(
        `the repository name ${owner}/${name} is taken: ${existing.html_url} exists; choose another name`,
      );
    }
  } catch (error) {
    problems.push(explain(error, `read repository ${owner}/${name}`));
  }
}

async function checkTeam(
  octokit: Octokit,
  org: string,
  slug: string,
  problems: Problems,
) {
  try {
    await octokit.rest.teams.getByName({ org, team_slug: slug });
  } catch (error) {
    problems.push(
      hasStatus(error, 404)
        ? `the team '${slug}' does not exist in ${org} (or the token cannot see it; a classic token needs read:org)`
        : explain(error, `read the team ${org}/${slug}`),
    );
  }
}

async function runChecks(
  client: GithubClient,
  owner: string,
  repositories: string[],
  teams: string[],
) {
  const { octokit } = client;
  const problems: Problems = [];
  const ownerType = await checkOwner(octokit, owner, problems);
  if (!ownerType) return { problems };
  if (ownerType === 'User' && teams.length > 0) {
    problems.push(
      `${owner} is a user account, and teams (${teams.join(
        ', ',
      )}) exist only in organizations`,
    );
  }
  await Promise.all([
    // An app installation token has no user; its right to create repositories shows on create.
    client.credentialType === 'app'
      ? undefined
      : checkCanCreate(octokit, owner, ownerType, problems),
    ...repositories.map(name =>
      checkRepository(octokit, owner, name, problems),
    ),
    ...(ownerType === 'Organization'
      ? teams.map(slug => checkTeam(octokit, owner, slug, problems))
      : []),
  ]);
  return { ownerType, problems };
}

/**
 * Creates the `squad:github:preflight` action: checks, before anything is created, that every
 * repository name of the pair is free, that the token may create repositories in the owner and
 * that the teams exist; every problem found is reported in one error. `publish:github` creates
 * one repository per step and stops at the first problem, which would leave half a pair.
 *
 * @public
 */
export function createGithubPreflightAction(options: {
  integrations: ScmIntegrationRegistry;
}) {
  const { integrations } = options;
  return createTemplateAction({
    id: 'squad:github:preflight',
    description:
      'Checks that repositories can be created on GitHub (names free, token allowed, teams exist) without creating anything',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        host: githubInputs.host,
        owner: githubInputs.owner,
        repositories: z =>
          z
            .array(repositoryName(z), {
              description: 'Names of the repositories to be created',
            })
            .min(1),
        teams: z =>
          z
            .array(z.string(), {
              description:
                'Slugs of the teams that must exist in the organization',
            })
            .default([]),
        token: githubInputs.token,
      },
      output: {
        ownerType: z =>
          z.enum(['Organization', 'User'], {
            description: 'What kind of account the owner is',
          }),
        dryRun: z =>
          z
            .boolean({
              description:
                'True when nothing was checked because the task is a dry-run',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const { owner, repositories, token } = ctx.input;
      const host = ctx.input.host ?? DEFAULT_HOST;
      const teams = ctx.input.teams ?? [];
      const where = `${host}/${owner}`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry-run: would check on ${host} that ${repositories
            .map(r => `${owner}/${r}`)
            .join(
              ', ',
            )} are free, that the token may create repositories in ${owner}${
            teams.length ? ` and that the teams ${teams.join(', ')} exist` : ''
          }; GitHub is not called`,
        );
        ctx.output('ownerType', teams.length ? 'Organization' : 'User');
        ctx.output('dryRun', true);
        return;
      }

      // Checkpointed: when a failed task is retried, the repositories this check saw free may
      // exist by now (created by the retried task itself), so the check must not run again.
      const ownerType = await ctx.checkpoint({
        key: `preflight.${where}.${repositories.join(',')}`,
        fn: async () => {
          const client = await createGithubClient({
            integrations,
            host,
            owner,
            token,
            logger: ctx.logger,
          });
          const result = await runChecks(client, owner, repositories, teams);
          if (!result.ownerType) {
            throw new InputError(
              `GitHub preflight for ${where} failed: ${result.problems.join(
                '; ',
              )}`,
            );
          }
          if (result.problems.length > 0) {
            const count = `${result.problems.length} problem${
              result.problems.length > 1 ? 's' : ''
            }`;
            throw new InputError(
              `GitHub preflight for ${where} found ${count}; nothing was created:\n${result.problems
                .map(p => `- ${p}`)
                .join('\n')}`,
            );
          }
          return result.ownerType;
        },
      });
      ctx.logger.info(
        `GitHub preflight passed: ${owner} (${ownerType}) can take ${repositories.join(
          ', ',
        )}`,
      );
      ctx.output('ownerType', ownerType);
    },
  });
}
