import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { ActionContext, createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import { createGithubClient } from '../../github/client';
import { hasStatus, isPlanUpgradeRequired, toGithubError } from '../../github/errors';
import { SQUAD_INSIGHTS_MARKER_TOPIC } from '../../github/marker';
import { findRepository } from '../../github/repositories';
import { examples } from './governance.examples';
import { DEFAULT_HOST, githubInputs, repositoryName } from './inputs';

/**
 * GitHub topics are lowercase letters, digits and hyphens, at most 50 characters; squad,
 * classification and requirement names (e.g. `PCI_DSS`, `Svenska_Betaltjänstlagen`) are not.
 */
export function toTopic(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** The body of PUT /repos/{owner}/{repo}/branches/{branch}/protection this action sends. */
type ProtectionSettings = {
  required_status_checks: { strict: boolean; contexts: string[] } | null;
  enforce_admins: boolean;
  required_pull_request_reviews: {
    required_approving_review_count: number;
    require_code_owner_reviews: boolean;
    dismiss_stale_reviews: boolean;
  };
  restrictions: null;
};

type Applied = { repository: string; branchProtection: boolean; teams: string[]; topics: string[] };

async function hasCodeowners(octokit: Octokit, owner: string, repo: string): Promise<boolean> {
  // GitHub reads CODEOWNERS from .github/, the root or docs/; any of them counts.
  for (const path of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']) {
    try {
      await octokit.rest.repos.getContent({ owner, repo, path });
      return true;
    } catch (error) {
      if (!hasStatus(error, 404)) throw toGithubError(error, `read ${path} of ${owner}/${repo}`);
    }
  }
  return false;
}

/**
 * Creates the `squad:github:governance` action: applies the squad's rules to each repository
 * — team permissions (squad maintain, tribe read), topics, CODEOWNERS, homepage/description,
 * and branch protection with the required reviews and status checks.
 *
 * @public
 */
export function createGithubGovernanceAction(options: { integrations: ScmIntegrationRegistry }) {
  const { integrations } = options;
  return createTemplateAction({
    id: 'squad:github:governance',
    description:
      'Applies branch protection, team permissions, topics, CODEOWNERS and links to GitHub repositories',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        host: githubInputs.host,
        owner: githubInputs.owner,
        repositories: z => z.array(repositoryName(z), { description: 'Repositories to govern' }).min(1),
        requiredApprovals: z =>
          z.number({ description: 'Approving reviews a pull request needs (1 to 6)' }).int().min(1).max(6),
        requireCodeOwnerReviews: z =>
          z.boolean({ description: 'Whether a code owner must approve (default true)' }).optional(),
        requiredStatusChecks: z =>
          z.array(z.string(), { description: 'Status check contexts that must pass, e.g. the CI job names' }).optional(),
        teams: z =>
          z.object(
            {
              maintain: z.string({ description: 'Slug of the squad team, given maintain' }),
              read: z.array(z.string(), { description: 'Slugs of teams given read (pull), e.g. the tribe' }).optional(),
            },
            { description: 'Team permissions' },
          ),
        topics: z =>
          z.array(z.string(), { description: 'Topics to add; normalized to GitHub topic form' }).optional(),
        codeowners: z =>
          z.string({ description: 'CODEOWNERS content, committed to .github/CODEOWNERS when the repository has none' }).optional(),
        links: z =>
          z
            .record(
              z.object({ homepage: z.string().optional(), description: z.string().optional() }),
              { description: 'Homepage/description per repository name' },
            )
            .optional(),
        enforceAdmins: z => z.boolean({ description: 'Whether admins are held to the rules too (default true)' }).optional(),
        requireBranchProtection: z =>
          z
            .boolean({
              description:
                "Fail when GitHub refuses branch protection because of the owner's plan (default true); false logs a warning and goes on",
            })
            .optional(),
        token: githubInputs.token,
      },
      output: {
        applied: z =>
          z.array(
            z.object({
              repository: z.string(),
              branchProtection: z.boolean(),
              teams: z.array(z.string(), { description: '`<slug>:<permission>`' }),
              topics: z.array(z.string()),
            }),
            { description: 'What was applied (in a dry-run: what would be)' },
          ),
        dryRun: z => z.boolean({ description: 'True when nothing was changed because the task is a dry-run' }).optional(),
      },
    },
    async handler(ctx) {
      const { owner, repositories, requiredApprovals, teams, codeowners, token } = ctx.input;
      const host = ctx.input.host ?? DEFAULT_HOST;
      const grants = [
        { slug: teams.maintain, permission: 'maintain' as const },
        ...(teams.read ?? []).map(slug => ({ slug, permission: 'pull' as const })),
      ];
      const topics = [...new Set((ctx.input.topics ?? []).map(toTopic).filter(Boolean))];
      const protection: ProtectionSettings = {
        required_status_checks: ctx.input.requiredStatusChecks?.length
          ? { strict: true, contexts: ctx.input.requiredStatusChecks }
          : null,
        enforce_admins: ctx.input.enforceAdmins ?? true,
        required_pull_request_reviews: {
          required_approving_review_count: requiredApprovals,
          require_code_owner_reviews: ctx.input.requireCodeOwnerReviews ?? true,
          dismiss_stale_reviews: true,
        },
        restrictions: null,
      };

      if (ctx.isDryRun) {
        const applied = repositories.map(repository => {
          ctx.logger.info(
            `Dry-run: would govern ${owner}/${repository}: teams ${grants.map(g => `${g.slug}:${g.permission}`).join(', ')}; topics ${topics.join(', ') || '(none)'}; ${
              codeowners ? 'CODEOWNERS if absent; ' : ''
            }branch protection ${JSON.stringify(protection)}${ctx.input.links?.[repository] ? `; links ${JSON.stringify(ctx.input.links[repository])}` : ''}`,
          );
          return { repository, branchProtection: true, teams: grants.map(g => `${g.slug}:${g.permission}`), topics };
        });
        ctx.output('applied', applied);
        ctx.output('dryRun', true);
        return;
      }

      const { octokit } = await createGithubClient({ integrations, host, owner, token, logger: ctx.logger });
      const applied: Applied[] = [];
      const refusedByPlan: string[] = [];
      for (const repository of repositories) {
        const result = await governRepository(ctx, octokit, {
          owner,
          repository,
          grants,
          topics,
          codeowners,
          links: ctx.input.links?.[repository],
          protection,
        });
        if (!result.branchProtection) refusedByPlan.push(`${owner}/${repository}`);
        applied.push(result);
      }
      if (refusedByPlan.length > 0) {
        const message = `GitHub refused branch protection on ${refusedByPlan.join(
          ', ',
        )}: the owner's plan does not offer it on private repositories. Upgrade ${owner} to GitHub Team/Enterprise (or Pro for a user) or make the repositories public, then run the task again; teams, topics, CODEOWNERS and links are already applied`;
        if (ctx.input.requireBranchProtection ?? true) {
          throw new NotAllowedError(message);
        }
        ctx.logger.warn(message);
      }
      ctx.output('applied', applied);
    },
  });
}

async function governRepository(
  ctx: ActionContext<any, any>,
  octokit: Octokit,
  options: {
    owner: string;
    repository: string;
    grants: Array<{ slug: string; permission: 'maintain' | 'pull' }>;
    topics: string[];
    codeowners?: string;
    links?: { homepage?: string; description?: string };
    protection: ProtectionSettings;
  },
): Promise<Applied> {
  const { owner, repository: repo, grants } = options;
  const full = `${owner}/${repo}`;
  const found = await findRepository(octokit, owner, repo);
  if (!found) {
    throw new NotFoundError(`Could not govern ${full}: it does not exist or the token cannot see it`);
  }
  const step = <T extends object>(what: string, fn: () => Promise<T>) =>
    ctx.checkpoint({
      key: `governance.${full}.${what}`,
      fn: async () => {
        const value = await fn();
        return JSON.parse(JSON.stringify(value));
      },
    });

  for (const { slug, permission } of grants) {
    await step(`team.${slug}`, async () => {
      try {
        await octokit.rest.teams.addOrUpdateRepoPermissionsInOrg({ org: owner, team_slug: slug, owner, repo, permission });
      } catch (error) {
        throw toGithubError(error, `give team ${owner}/${slug} ${permission} on ${full}`);
      }
      ctx.logger.info(`Team ${slug} has ${permission} on ${full}`);
      return {};
    });
  }

  // PUT topics replaces them all: keep what is there (the marker above all) and add ours.
  const topics = [...new Set([...(found.topics ?? []), SQUAD_INSIGHTS_MARKER_TOPIC, ...options.topics])];
  await step('topics', async () => {
    try {
      await octokit.rest.repos.replaceAllTopics({ owner, repo, names: topics });
    } catch (error) {
      throw toGithubError(error, `set the topics ${topics.join(', ')} on ${full}`);
    }
    return {};
  });

  // Before branch protection: once reviews are required, a direct commit is refused.
  if (options.codeowners) {
    await step('codeowners', async () => {
      if (await hasCodeowners(octokit, owner, repo)) {
        ctx.logger.info(`${full} has a CODEOWNERS file; left as it is`);
        return {};
      }
      try {
        await octokit.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path: '.github/CODEOWNERS',
          message: 'Add CODEOWNERS for the owning squad',
          content: Buffer.from(options.codeowners!).toString('base64'),
          branch: found.default_branch,
        });
      } catch (error) {
        throw toGithubError(error, `commit .github/CODEOWNERS to ${full}`);
      }
      return {};
    });
  }

  if (options.links && (options.links.homepage || options.links.description)) {
    await step('links', async () => {
      try {
        await octokit.rest.repos.update({ owner, repo, ...options.links });
      } catch (error) {
        throw toGithubError(error, `set homepage/description of ${full}`);
      }
      return {};
    });
  }

  // A plan refusal leaves the checkpoint failed, not done, so a retry after the owner upgrades
  // the plan applies the protection.
  let branchProtection = true;
  const doing = `protect branch ${found.default_branch} of ${full}`;
  try {
    await step('protection', async () => {
      try {
        await octokit.rest.repos.updateBranchProtection({ ...options.protection, owner, repo, branch: found.default_branch });
      } catch (error) {
        throw isPlanUpgradeRequired(error) ? error : toGithubError(error, doing);
      }
      ctx.logger.info(`Branch ${found.default_branch} of ${full} is protected`);
      return {};
    });
  } catch (error) {
    if (!isPlanUpgradeRequired(error)) throw error;
    ctx.logger.warn(toGithubError(error, doing).message);
    branchProtection = false;
  }

  return { repository: repo, branchProtection, teams: grants.map(g => `${g.slug}:${g.permission}`), topics };
}
