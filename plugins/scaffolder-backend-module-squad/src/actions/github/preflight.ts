import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import {
  createGithubClient,
  GithubClient,
  repositoryWebUrl,
} from '../../github/client';
import {
  describeMissingScopes,
  githubMessage,
  hasStatus,
  isGithubRequestError,
} from '../../github/errors';
import { SQUAD_INSIGHTS_MARKER_TOPIC } from '../../github/marker';
import { findRepository, isMarked } from '../../github/repositories';
import { examples } from './preflight.examples';
import { DEFAULT_HOST, githubInputs, repositoryName } from './inputs';

type OwnerType = 'Organization' | 'User';

/** A check that could not pass; all of them are reported together. */
type Problems = string[];

function explain(error: unknown, doing: string): string {
  if (!isGithubRequestError(error)) {
    return `could not ${doing}: ${
      error instanceof Error ? error.message : String(error)
    }`;
  }
  const scopes = describeMissingScopes(error);
  return `could not ${doing}: GitHub answered ${error.status} ${githubMessage(
    error,
  )}${scopes ? ` (${scopes})` : ''}`;
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
): Promise<void> {
  let login: string;
  try {
    const { data, headers } = await octokit.rest.users.getAuthenticated();
    login = data.login;
    const granted = headers['x-oauth-scopes'];
    if (granted !== undefined) {
      const scopes = String(granted)
        .split(',')
        .map(s => s.trim())
        .filter(Boolean);
      if (!scopes.includes('repo')) {
        problems.push(
          `the token of ${login} cannot create private repositories: its scopes are ${
            scopes.join(', ') || '(none)'
          } but creating repositories needs repo`,
        );
      }
    }
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
    if (membership.role === 'admin') {
      return;
    }
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
  host: string,
  owner: string,
  name: string,
  problems: Problems,
): Promise<boolean> {
  try {
    const existing = await findRepository(octokit, owner, name);
    if (!existing) return false;
    if (isMarked(existing)) return true;
    problems.push(
      `the repository name ${owner}/${name} is taken: ${existing.html_url} exists and was not created by this template (no '${SQUAD_INSIGHTS_MARKER_TOPIC}' topic); choose another name`,
    );
  } catch (error) {
    problems.push(
      `${
        error instanceof Error ? error.message : String(error)
      } (${repositoryWebUrl(host, owner, name)})`,
    );
  }
  return false;
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

/**
 * Creates the `squad:github:preflight` action: checks, before anything is created, that the
 * repository names are free, that the token may create repositories in the owner and that
 * the teams exist; every problem found is reported in one error.
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
        resumable: z =>
          z.array(z.string(), {
            description: `Repositories that already exist with the '${SQUAD_INSIGHTS_MARKER_TOPIC}' topic from an earlier run; publish reuses them`,
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
        ctx.output('resumable', []);
        ctx.output('dryRun', true);
        return;
      }

      const client: GithubClient = await createGithubClient({
        integrations,
        host,
        owner,
        token,
        logger: ctx.logger,
      });
      const { octokit } = client;
      const problems: Problems = [];
      const ownerType = await checkOwner(octokit, owner, problems);
      if (!ownerType) {
        throw new InputError(
          `GitHub preflight for ${host}/${owner} failed: ${problems.join(
            '; ',
          )}`,
        );
      }
      if (ownerType === 'User' && teams.length > 0) {
        problems.push(
          `${owner} is a user account, and teams (${teams.join(
            ', ',
          )}) exist only in organizations`,
        );
      }
      const [, checked] = await Promise.all([
        client.credentialType === 'app'
          ? // An app installation token has no user; its right to create repositories shows on create.
            ctx.logger.info(
              'Authenticated as a GitHub App; repository creation rights are checked on create',
            )
          : checkCanCreate(octokit, owner, ownerType, problems),
        Promise.all(
          repositories.map(name =>
            checkRepository(octokit, host, owner, name, problems),
          ),
        ),
        ownerType === 'Organization'
          ? Promise.all(
              teams.map(slug => checkTeam(octokit, owner, slug, problems)),
            )
          : undefined,
      ]);
      if (problems.length > 0) {
        throw new InputError(
          `GitHub preflight for ${host}/${owner} found ${
            problems.length
          } problem${
            problems.length > 1 ? 's' : ''
          }; nothing was created:\n${problems.map(p => `- ${p}`).join('\n')}`,
        );
      }
      const resumable = repositories.filter((_, i) => checked[i]);
      for (const name of resumable) {
        ctx.logger.info(
          `${owner}/${name} exists from an earlier run of this template and will be reused`,
        );
      }
      ctx.logger.info(
        `GitHub preflight passed: ${owner} (${ownerType}) can take ${repositories.join(
          ', ',
        )}`,
      );
      ctx.output('ownerType', ownerType);
      ctx.output('resumable', resumable);
    },
  });
}
