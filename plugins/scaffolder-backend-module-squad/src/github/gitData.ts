import { Octokit } from '@octokit/rest';
import { toGithubError } from './errors';
import { FolderFile, gitBlobSha } from './folder';

/** The commit author; GitHub uses the token's user when absent. */
export interface CommitAuthor {
  name: string;
  email: string;
}

interface RepositoryRef {
  owner: string;
  repo: string;
  branch: string;
}

// GitHub accepts up to 100 MB per blob; a handful at a time keeps secondary rate limits away.
const BLOB_CONCURRENCY = 4;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The head commit of a branch and whether its tree already holds exactly the given files.
 * A re-run uses this to tell "pushed before" from "created but never pushed".
 */
export async function inspectBranch(
  octokit: Octokit,
  { owner, repo, branch }: RepositoryRef,
  files: FolderFile[],
): Promise<{ headSha: string; parents: number; holdsFiles: boolean }> {
  const where = `${owner}/${repo}@${branch}`;
  try {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    const { data: tree } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: commit.tree.sha,
      recursive: 'true',
    });
    const blobs = new Map(tree.tree.filter(e => e.type === 'blob').map(e => [e.path, e.sha]));
    const holdsFiles =
      !tree.truncated &&
      blobs.size === files.length &&
      files.every(f => blobs.get(f.path) === gitBlobSha(f.content));
    return { headSha: ref.object.sha, parents: commit.parents.length, holdsFiles };
  } catch (error) {
    throw toGithubError(error, `read branch ${where}`);
  }
}

/**
 * Commits the files as the branch's whole content, on top of its current head, through the Git
 * Data API (blobs → tree → commit → ref), so no git binary or clone is needed.
 *
 * The Git Data API refuses to work on a repository without any commit (409 "Git Repository is
 * empty."), which is why the repository is created with `auto_init`: its initial commit is the
 * parent here. The tree is built without `base_tree`, so the result holds exactly the folder
 * (the generated README replaces the initial one), and the ref moves forward without force.
 */
export async function commitFiles(
  octokit: Octokit,
  target: RepositoryRef & { parentSha: string; message: string; author?: CommitAuthor },
  files: FolderFile[],
): Promise<string> {
  const { owner, repo, branch } = target;
  const where = `${owner}/${repo}@${branch}`;
  try {
    const tree = await mapLimited(files, BLOB_CONCURRENCY, async file => {
      const { data } = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: file.content.toString('base64'),
        encoding: 'base64',
      });
      return { path: file.path, mode: file.mode, type: 'blob' as const, sha: data.sha };
    });
    const { data: createdTree } = await octokit.rest.git.createTree({ owner, repo, tree });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: target.message,
      tree: createdTree.sha,
      parents: [target.parentSha],
      ...(target.author ? { author: target.author, committer: target.author } : {}),
    });
    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
    return commit.sha;
  } catch (error) {
    throw toGithubError(error, `push ${files.length} files to ${where}`);
  }
}
