import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import { createGithubClient, repositoryWebUrl } from '../../github/client';
import {
  hasStatus,
  toGitHubError,
  withGitHubErrors,
} from '../../github/githubError';
import {
  HclValue,
  insertServiceEntry,
  renderServiceEntry,
} from '../../github/hclServicesMap';
import { DEFAULT_HOST, githubInputs } from './inputs';
import { examples } from './iacPullRequest.examples';

type File = { text: string; sha: string };

async function readFile(
  octokit: Octokit,
  owner: string,
  repo: string,
  path: string,
  ref: string,
): Promise<File> {
  const { data } = await withGitHubErrors(
    () => octokit.rest.repos.getContent({ owner, repo, path, ref }),
    `read ${path} from ${owner}/${repo}@${ref}`,
  );
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
    throw new InputError(`${path} in ${owner}/${repo}@${ref} is not a file`);
  }
  return {
    text: Buffer.from(data.content, 'base64').toString('utf8'),
    sha: data.sha,
  };
}

/**
 * Creates the `squad:github:iac-pull-request` action: for a squad that keeps its services in
 * one Terraform repository, opens a pull request adding the new service to the file's
 * `locals { services = { ... } }` map. Re-running reuses the branch and the open pull request.
 *
 * @public
 */
export function createGithubIacPullRequestAction(options: {
  integrations: ScmIntegrationRegistry;
}) {
  const { integrations } = options;
  return createTemplateAction({
    id: 'squad:github:iac-pull-request',
    description:
      "Opens a pull request adding a service entry to a squad IaC repository's services map",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        host: githubInputs.host,
        owner: githubInputs.owner,
        repo: z => z.string({ description: 'The IaC repository' }),
        path: z =>
          z.string({
            description: 'The .tf file holding `locals { services = { ... } }`',
          }),
        serviceName: z =>
          z
            .string({ description: 'Key of the new map entry' })
            .regex(/^[A-Za-z_][\w-]*$/, 'must be an HCL identifier'),
        entry: z =>
          z.record(z.any(), {
            description:
              "The new entry's attributes (strings, numbers, booleans, lists, objects)",
          }),
        branch: z =>
          z
            .string({
              description:
                'Head branch (default squad-insights/add-<serviceName>)',
            })
            .optional(),
        title: z =>
          z
            .string({
              description:
                'Pull request title (default "Add service <serviceName>")',
            })
            .optional(),
        description: z =>
          z.string({ description: 'Pull request body' }).optional(),
        token: githubInputs.token,
      },
      output: {
        pullRequestUrl: z => z.string(),
        number: z =>
          z.number({ description: 'Pull request number (0 in a dry-run)' }),
        branch: z => z.string(),
        dryRun: z =>
          z
            .boolean({
              description:
                'True when nothing was changed because the task is a dry-run',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const { owner, repo, path, serviceName, token } = ctx.input;
      const entry = ctx.input.entry as { [key: string]: HclValue };
      const host = ctx.input.host ?? DEFAULT_HOST;
      const branch = ctx.input.branch ?? `squad-insights/add-${serviceName}`;
      const title = ctx.input.title ?? `Add service ${serviceName}`;
      const full = `${owner}/${repo}`;

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry-run: would open a pull request "${title}" in ${full} from ${branch}, adding to the services map of ${path}:\n${renderServiceEntry(
            serviceName,
            entry,
          )}`,
        );
        ctx.output(
          'pullRequestUrl',
          `${repositoryWebUrl(host, owner, repo)}/pull/new/${branch}`,
        );
        ctx.output('number', 0);
        ctx.output('branch', branch);
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
      const { data: repository } = await withGitHubErrors(
        () => octokit.rest.repos.get({ owner, repo }),
        `read repository ${full}`,
      );
      const base = repository.default_branch;

      const { data: open } = await withGitHubErrors(
        () =>
          octokit.rest.pulls.list({
            owner,
            repo,
            head: `${owner}:${branch}`,
            state: 'open',
          }),
        `list pull requests of ${full}`,
      );
      if (open.length > 0) {
        ctx.logger.info(`Reusing the open pull request ${open[0].html_url}`);
        ctx.output('pullRequestUrl', open[0].html_url);
        ctx.output('number', open[0].number);
        ctx.output('branch', branch);
        return;
      }

      // Fails before any write when the map is missing or already has the service.
      const onBase = await readFile(octokit, owner, repo, path, base);
      insertServiceEntry({
        text: onBase.text,
        serviceName,
        entry,
        where: `${full}:${path}@${base}`,
      });

      await ctx.checkpoint({
        key: `iac.${full}.branch.${branch}`,
        fn: async () => {
          const { data: head } = await withGitHubErrors(
            () =>
              octokit.rest.git.getRef({ owner, repo, ref: `heads/${base}` }),
            `read branch ${base} of ${full}`,
          );
          try {
            await octokit.rest.git.createRef({
              owner,
              repo,
              ref: `refs/heads/${branch}`,
              sha: head.object.sha,
            });
          } catch (error) {
            // 422 "Reference already exists": left by an earlier run that stopped before the pull request.
            if (!hasStatus(error, 422))
              throw toGitHubError(error, `create branch ${branch} in ${full}`);
          }
          return {};
        },
      });

      await ctx.checkpoint({
        key: `iac.${full}.commit.${branch}`,
        fn: async () => {
          const onBranch = await readFile(octokit, owner, repo, path, branch);
          let text: string;
          try {
            text = insertServiceEntry({
              text: onBranch.text,
              serviceName,
              entry,
              where: `${full}:${path}@${branch}`,
            });
          } catch (error) {
            // The branch already carries the entry (an earlier run committed it).
            if ((error as Error).name === 'ConflictError') return {};
            throw error;
          }
          await withGitHubErrors(
            () =>
              octokit.rest.repos.createOrUpdateFileContents({
                owner,
                repo,
                path,
                branch,
                sha: onBranch.sha,
                message: title,
                content: Buffer.from(text).toString('base64'),
              }),
            `commit ${path} to ${full}@${branch}`,
          );
          return {};
        },
      });

      const pull = await ctx.checkpoint({
        key: `iac.${full}.pull-request.${branch}`,
        fn: async () => {
          const { data } = await withGitHubErrors(
            () =>
              octokit.rest.pulls.create({
                owner,
                repo,
                head: branch,
                base,
                title,
                body:
                  ctx.input.description ??
                  `Adds \`${serviceName}\` to the services map in \`${path}\`, created by the squad microservice template.`,
              }),
            `open a pull request from ${branch} in ${full}`,
          );
          return { url: data.html_url, number: data.number };
        },
      });
      ctx.logger.info(`Opened ${pull.url}`);
      ctx.output('pullRequestUrl', pull.url);
      ctx.output('number', pull.number);
      ctx.output('branch', branch);
    },
  });
}
