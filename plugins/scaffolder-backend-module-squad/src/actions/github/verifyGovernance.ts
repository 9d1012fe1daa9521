import { ConflictError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createGithubClient } from '../../github/client';
import {
  ExpectedGovernance,
  governanceProblems,
} from '../../github/governanceChecks';
import { DEFAULT_HOST, githubInputs, repositoryName } from './inputs';
import { examples } from './verifyGovernance.examples';

/**
 * Creates the `squad:github:verify-governance` action: reads back what `publish:github` was
 * asked to set — branch protection with the required reviews and status checks, team
 * permissions, topics — plus the CODEOWNERS file, and fails with every gap in one message.
 * `publish:github` only logs a warning when GitHub refuses protection, a team grant or the
 * topics, which would leave a service's repository unprotected without anyone noticing.
 *
 * @public
 */
export function createGithubVerifyGovernanceAction(options: {
  integrations: ScmIntegrationRegistry;
}) {
  const { integrations } = options;
  return createTemplateAction({
    id: 'squad:github:verify-governance',
    description:
      'Checks that repositories have the branch protection, team permissions, topics and CODEOWNERS the squad template requires (reads only)',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        host: githubInputs.host,
        owner: githubInputs.owner,
        repositories: z =>
          z
            .array(repositoryName(z), { description: 'Repositories to check' })
            .min(1),
        requiredApprovals: z =>
          z
            .number({
              description:
                'Approving reviews the default branch must require (at least)',
            })
            .int()
            .min(1)
            .max(6),
        requireCodeOwnerReviews: z =>
          z
            .boolean({
              description:
                "Whether a code owner's review must be required (default true)",
            })
            .optional(),
        requiredStatusChecks: z =>
          z
            .array(z.string(), {
              description: 'Status checks the default branch must require',
            })
            .optional(),
        teams: z =>
          z.object(
            {
              maintain: z.string({
                description: 'Slug of the squad team, which must have maintain',
              }),
              read: z
                .array(z.string(), {
                  description: 'Slugs of teams that must have read (pull)',
                })
                .optional(),
            },
            { description: 'Team permissions' },
          ),
        topics: z =>
          z
            .array(z.string(), {
              description: 'Topics every repository must carry',
            })
            .optional(),
        token: githubInputs.token,
      },
      output: {
        verified: z =>
          z.array(z.string(), {
            description: 'owner/name of each repository that passed',
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
      const expected: ExpectedGovernance = {
        requiredApprovals: ctx.input.requiredApprovals,
        requireCodeOwnerReviews: ctx.input.requireCodeOwnerReviews ?? true,
        requiredStatusChecks: ctx.input.requiredStatusChecks ?? [],
        teams: [
          { slug: ctx.input.teams.maintain, permission: 'maintain' },
          ...(ctx.input.teams.read ?? []).map(slug => ({
            slug,
            permission: 'pull' as const,
          })),
        ],
        topics: ctx.input.topics ?? [],
      };
      const full = repositories.map(name => `${owner}/${name}`);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry-run: would check the governance of ${full.join(
            ', ',
          )}: ${JSON.stringify(expected)}`,
        );
        ctx.output('verified', full);
        ctx.output('dryRun', true);
        return;
      }

      const { octokit } = await createGithubClient({
        integrations,
        host,
        owner,
        token,
        logger: ctx.logger,
      });
      const problems = (
        await Promise.all(
          repositories.map(repo =>
            governanceProblems(octokit, owner, repo, expected),
          ),
        )
      ).flat();
      if (problems.length > 0) {
        throw new ConflictError(
          `The repositories do not have the governance the template requires; fix it on GitHub (or fix the cause and run the task again):\n${problems
            .map(p => `- ${p}`)
            .join('\n')}`,
        );
      }
      ctx.logger.info(`Governance verified on ${full.join(', ')}`);
      ctx.output('verified', full);
    },
  });
}
