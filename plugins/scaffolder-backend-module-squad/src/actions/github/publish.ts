import { resolveSafeChildPath, RootConfigService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, assertError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { ActionContext, createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import fs from 'node:fs/promises';
import { createGithubClient, repositoryWebUrl } from '../../github/client';
import { isNameAlreadyExists, toGithubError } from '../../github/errors';
import { FolderFile, readFolder } from '../../github/folder';
import { CommitAuthor, commitFiles, inspectBranch } from '../../github/gitData';
import { SQUAD_INSIGHTS_MARKER_TOPIC } from '../../github/marker';
import { findRepository, getOwnerType, GithubRepository, isMarked } from '../../github/repositories';
import { DEFAULT_HOST, githubInputs, repositoryName } from './inputs';
import { examples } from './publish.examples';
import { ExistingRepository, PartialPublishError } from './publishFailure';

type Visibility = 'private' | 'internal' | 'public';

interface RepositorySpec {
  name: string;
  sourcePath: string;
  description: string;
  homepage?: string;
  visibility?: Visibility;
}

// Types, not interfaces: checkpoint values must be assignable to JsonValue.
type Published = {
  name: string;
  url: string;
  cloneUrl: string;
  created: boolean;
};

type EnsuredRepository = Published & { defaultBranch: string };

interface Target {
  octokit: Octokit;
  owner: string;
  ownerType: () => Promise<'Organization' | 'User'>;
  defaultBranch: string;
  message: string;
  author?: CommitAuthor;
}

async function readSource(workspacePath: string, spec: RepositorySpec): Promise<FolderFile[]> {
  const dir = resolveSafeChildPath(workspacePath, spec.sourcePath);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(`The folder '${spec.sourcePath}' for repository ${spec.name} is not in the workspace`);
  }
  const files = await readFolder(dir);
  if (files.length === 0) {
    throw new InputError(`The folder '${spec.sourcePath}' for repository ${spec.name} is empty`);
  }
  return files;
}

function reuse(repo: GithubRepository): EnsuredRepository {
  if (!isMarked(repo)) {
    throw new ConflictError(
      `${repo.html_url} exists and was not created by this template (no '${SQUAD_INSIGHTS_MARKER_TOPIC}' topic); it is left alone — choose another name`,
    );
  }
  return { name: repo.name, url: repo.html_url, cloneUrl: repo.clone_url, created: false, defaultBranch: repo.default_branch };
}

/** Creates the repository, or takes over one an earlier run of the template created. */
async function ensureRepository(target: Target, spec: RepositorySpec): Promise<EnsuredRepository> {
  const { octokit, owner } = target;
  const existing = await findRepository(octokit, owner, spec.name);
  if (existing) {
    return reuse(existing);
  }
  const visibility = spec.visibility ?? 'private';
  const ownerType = await target.ownerType();
  if (ownerType === 'User' && visibility === 'internal') {
    throw new InputError(`${owner} is a user account; internal repositories exist only in organizations`);
  }
  let created: GithubRepository;
  try {
    // auto_init gives the repository a first commit: the Git Data API answers 409 "Git
    // Repository is empty." on a repository without one, and the folder is committed on top.
    const common = { name: spec.name, description: spec.description, homepage: spec.homepage, auto_init: true };
    const { data } =
      ownerType === 'Organization'
        ? // `internal` exists on GitHub Enterprise organizations; octokit 20's types predate it.
          await octokit.rest.repos.createInOrg({ org: owner, visibility: visibility as 'private', ...common })
        : await octokit.rest.repos.createForAuthenticatedUser({ private: visibility !== 'public', ...common });
    created = data as GithubRepository;
  } catch (error) {
    if (isNameAlreadyExists(error)) {
      // Created meanwhile, e.g. by a parallel run; treat it like one found up front.
      const raced = await findRepository(octokit, owner, spec.name);
      if (raced) return reuse(raced);
    }
    throw toGithubError(error, `create repository ${owner}/${spec.name}`);
  }
  try {
    // Marked at once, so a run that fails later can take the repository over on retry.
    await octokit.rest.repos.replaceAllTopics({ owner, repo: spec.name, names: [SQUAD_INSIGHTS_MARKER_TOPIC] });
    if (created.default_branch !== target.defaultBranch) {
      await octokit.rest.repos.renameBranch({
        owner,
        repo: spec.name,
        branch: created.default_branch,
        new_name: target.defaultBranch,
      });
    }
  } catch (error) {
    throw toGithubError(error, `set up the new repository ${created.html_url}`);
  }
  return {
    name: created.name,
    url: created.html_url,
    cloneUrl: created.clone_url,
    created: true,
    defaultBranch: target.defaultBranch,
  };
}

/** Pushes the folder unless the branch already holds exactly these files. */
async function pushFolder(
  target: Target,
  repo: EnsuredRepository,
  files: FolderFile[],
  ctx: ActionContext<any, any>,
): Promise<{ commit: string }> {
  const ref = { owner: target.owner, repo: repo.name, branch: repo.defaultBranch };
  const head = await inspectBranch(target.octokit, ref, files);
  if (head.holdsFiles) {
    ctx.logger.info(`${repo.url} already holds these ${files.length} files; nothing to push`);
    return { commit: head.headSha };
  }
  if (head.parents > 0) {
    throw new ConflictError(
      `${repo.url} already has commits with other content than the template produced; delete it or choose another name`,
    );
  }
  const commit = await commitFiles(
    target.octokit,
    { ...ref, parentSha: head.headSha, message: target.message, author: target.author },
    files,
  );
  ctx.logger.info(`Pushed ${files.length} files to ${repo.url} (${repo.defaultBranch} at ${commit.slice(0, 7)})`);
  return { commit };
}

/**
 * Creates the `squad:github:publish` action: creates each repository in turn (organization or
 * user), commits its workspace folder as the first commit through the Git Data API and marks
 * it with the `squad-insights-managed` topic. A re-run reuses marked repositories; a failure
 * part-way says what exists and how to finish or clean up.
 *
 * @public
 */
export function createGithubPublishAction(options: { integrations: ScmIntegrationRegistry; config: RootConfigService }) {
  const { integrations, config } = options;
  return createTemplateAction({
    id: 'squad:github:publish',
    description:
      'Creates GitHub repositories from workspace folders (one commit each, no git binary) and marks them as created by the squad template',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        host: githubInputs.host,
        owner: githubInputs.owner,
        repositories: z =>
          z
            .array(
              z.object({
                name: repositoryName(z),
                sourcePath: z.string({ description: 'Folder in the workspace whose files become the first commit' }),
                description: z.string({ description: 'Repository description' }),
                homepage: z.string({ description: 'Repository homepage URL' }).optional(),
                visibility: z.enum(['private', 'internal', 'public'], { description: 'Default private' }).optional(),
              }),
              { description: 'Repositories to create, in order' },
            )
            .min(1),
        defaultBranch: z => z.string({ description: 'Branch the files are committed to (default main)' }).optional(),
        commitMessage: z =>
          z.string({ description: 'Message of the commit (default scaffolder.defaultCommitMessage or "Initial commit")' }).optional(),
        token: githubInputs.token,
      },
      output: {
        repositories: z =>
          z.array(
            z.object({
              name: z.string(),
              url: z.string({ description: 'Web URL (html_url)' }),
              cloneUrl: z.string(),
              created: z.boolean({ description: 'False when reused from an earlier run, or in a dry-run' }),
            }),
          ),
        dryRun: z => z.boolean({ description: 'True when nothing was created because the task is a dry-run' }).optional(),
      },
    },
    async handler(ctx) {
      const { owner, repositories, token } = ctx.input;
      const host = ctx.input.host ?? DEFAULT_HOST;
      const defaultBranch = ctx.input.defaultBranch ?? 'main';
      const sources = await Promise.all(repositories.map(spec => readSource(ctx.workspacePath, spec)));

      if (ctx.isDryRun) {
        repositories.forEach((spec, i) =>
          ctx.logger.info(
            `Dry-run: would create ${spec.visibility ?? 'private'} repository ${owner}/${spec.name} on ${host} ("${spec.description}"), topic ${SQUAD_INSIGHTS_MARKER_TOPIC}, and commit ${sources[i].length} files to ${defaultBranch}: ${sources[i].map(f => f.path).join(', ')}`,
          ),
        );
        ctx.output(
          'repositories',
          repositories.map(spec => ({
            name: spec.name,
            url: repositoryWebUrl(host, owner, spec.name),
            cloneUrl: `${repositoryWebUrl(host, owner, spec.name)}.git`,
            created: false,
          })),
        );
        ctx.output('dryRun', true);
        return;
      }

      const { octokit } = await createGithubClient({ integrations, host, owner, token, logger: ctx.logger });
      let ownerType: Promise<'Organization' | 'User'> | undefined;
      const authorName = config.getOptionalString('scaffolder.defaultAuthor.name');
      const authorEmail = config.getOptionalString('scaffolder.defaultAuthor.email');
      const target: Target = {
        octokit,
        owner,
        ownerType: () => (ownerType ??= getOwnerType(octokit, owner)),
        defaultBranch,
        message: ctx.input.commitMessage ?? config.getOptionalString('scaffolder.defaultCommitMessage') ?? 'Initial commit',
        author: authorName && authorEmail ? { name: authorName, email: authorEmail } : undefined,
      };

      const published: Published[] = [];
      for (const [i, spec] of repositories.entries()) {
        let exists: ExistingRepository | undefined;
        try {
          // One checkpoint per repository, and one inside it per side effect: a retry skips
          // finished repositories, and within a half-done one it does not create it again.
          const result = await ctx.checkpoint({
            key: `publish.${owner}/${spec.name}`,
            fn: async (): Promise<Published> => {
              const repo = await ctx.checkpoint({
                key: `publish.${owner}/${spec.name}.repository`,
                fn: () => ensureRepository(target, spec),
              });
              exists = repo;
              ctx.logger.info(`${repo.created ? 'Created' : 'Reusing'} ${repo.url}`);
              await ctx.checkpoint({
                key: `publish.${owner}/${spec.name}.push`,
                fn: () => pushFolder(target, repo, sources[i], ctx),
              });
              return { name: repo.name, url: repo.url, cloneUrl: repo.cloneUrl, created: repo.created };
            },
          });
          published.push(result);
        } catch (error) {
          assertError(error);
          throw new PartialPublishError({
            owner,
            failed: spec.name,
            cause: error,
            existing: [...published, ...(exists ? [exists] : [])],
            pending: repositories.slice(i + (exists ? 1 : 0)).map(r => r.name).filter(n => n !== exists?.name),
          });
        }
      }
      ctx.output('repositories', published);
    },
  });
}
