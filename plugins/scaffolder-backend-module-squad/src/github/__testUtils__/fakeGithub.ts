import { createHash } from 'node:crypto';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import {
  API,
  account,
  docs,
  errorBody,
  repository,
  team,
} from './githubResponses';

type Repo = ReturnType<typeof repository>;
interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob';
  sha: string;
}
interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}
interface PullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string | null;
  state: 'open';
}

/** Branch protection as publish:github sets it. */
export interface ProtectionRules {
  approvals: number;
  codeOwners: boolean;
  contexts: string[];
}

const ROLES = ['pull', 'triage', 'push', 'maintain', 'admin'] as const;

/** The `permissions` object GitHub gives for a role: each role includes the ones below it. */
function teamPermissions(role: (typeof ROLES)[number]) {
  const rank = ROLES.indexOf(role);
  return Object.fromEntries(ROLES.map((r, i) => [r, i <= rank])) as Record<
    (typeof ROLES)[number],
    boolean
  >;
}

/** GET /repos/{owner}/{repo}/branches/{branch}/protection, as GitHub documents it. */
function protectionJson(url: string, rules: ProtectionRules) {
  return {
    url,
    required_status_checks: {
      url: `${url}/required_status_checks`,
      strict: true,
      contexts: rules.contexts,
      contexts_url: `${url}/required_status_checks/contexts`,
      checks: rules.contexts.map(context => ({ context, app_id: null })),
    },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: true },
    required_pull_request_reviews: {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: true,
      require_code_owner_reviews: rules.codeOwners,
      required_approving_review_count: rules.approvals,
      require_last_push_approval: false,
    },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

/** A request GitHub received, for assertions. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

const sha1 = (text: string | Buffer) =>
  createHash('sha1').update(text).digest('hex');
const gitBlobSha = (content: Buffer) =>
  sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));

/**
 * An in-memory GitHub behind msw handlers: accounts, teams, repositories with real Git
 * objects (blob SHAs as Git computes them), contents, team access, branch protection and pull
 * requests — the endpoints the squad actions read or write (publish:github is Backstage's).
 * Each handler answers with the status codes and bodies GitHub documents, so the actions
 * are exercised end to end over HTTP, and `requests` shows what GitHub was asked.
 */
export class FakeGithub {
  readonly requests: SeenRequest[] = [];
  readonly user = account('sofia-lind', 'User');
  readonly accounts = new Map<string, ReturnType<typeof account>>([
    [this.user.login, this.user],
  ]);
  readonly memberships = new Map<
    string,
    { state: 'active' | 'pending'; role: 'admin' | 'member' }
  >();
  readonly orgSettings = new Map<
    string,
    { members_can_create_repositories: boolean }
  >();
  readonly teams = new Map<string, ReturnType<typeof team>>();
  readonly repos = new Map<string, Repo>();
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, TreeEntry[]>();
  readonly commits = new Map<string, Commit>();
  readonly refs = new Map<string, string>(); // "owner/repo:heads/main" -> sha
  readonly protection = new Map<string, ProtectionRules>(); // "owner/repo:branch" -> rules
  readonly teamRepos = new Map<
    string,
    'pull' | 'triage' | 'push' | 'maintain' | 'admin'
  >(); // "org/slug:owner/repo" -> permission
  readonly pulls = new Map<string, PullRequest[]>();
  /** Scopes of the classic token, sent back in `X-OAuth-Scopes`. */
  tokenScopes = 'repo, read:org, workflow';
  /** Lets a test make GitHub refuse one request: return a response to answer with instead. */
  intercept: (method: string, path: string, body: any) => Response | undefined =
    () => undefined;

  addOrg(
    login: string,
    options: {
      role?: 'admin' | 'member';
      state?: 'active' | 'pending';
      membersCanCreate?: boolean;
    } = {},
  ) {
    this.accounts.set(login, account(login, 'Organization'));
    this.memberships.set(login, {
      role: options.role ?? 'admin',
      state: options.state ?? 'active',
    });
    this.orgSettings.set(login, {
      members_can_create_repositories: options.membersCanCreate ?? true,
    });
  }

  addTeam(org: string, slug: string) {
    this.teams.set(`${org}/${slug}`, team(org, slug));
  }

  /** A repository with an initial commit holding `files`, as if pushed earlier. */
  addRepo(
    owner: string,
    name: string,
    options: { topics?: string[]; files?: Record<string, string> } = {},
  ) {
    const repo = this.createRepo(owner, name, {});
    repo.topics = options.topics ?? [];
    if (options.files) {
      const tree = Object.entries(options.files).map(([path, content]) =>
        this.blobEntry(path, Buffer.from(content)),
      );
      const head = this.refs.get(`${repo.full_name}:heads/main`)!;
      const commit = this.commit(
        this.tree(tree),
        [head],
        'Create squad service',
      );
      this.refs.set(`${repo.full_name}:heads/main`, commit);
    }
    return repo;
  }

  /** The files on a branch, path to text. */
  filesOn(fullName: string, branch = 'main'): Record<string, string> {
    const head = this.refs.get(`${fullName}:heads/${branch}`);
    if (!head) return {};
    const entries = this.trees.get(this.commits.get(head)!.tree)!;
    return Object.fromEntries(
      entries.map(e => [e.path, this.blobs.get(e.sha)!.toString('utf8')]),
    );
  }

  private createRepo(
    owner: string,
    name: string,
    body: Record<string, unknown>,
  ) {
    const repo = repository(this.accounts.get(owner)!, name, {
      description: body.description ?? null,
      homepage: body.homepage ?? null,
      private: body.visibility !== 'public',
      visibility: (body.visibility as string) ?? 'private',
    });
    this.repos.set(repo.full_name.toLowerCase(), repo);
    // auto_init: GitHub commits a README so the repository is not empty.
    const readme = this.blobEntry(
      'README.md',
      Buffer.from(`# ${name}\n${body.description ?? ''}\n`),
    );
    this.refs.set(
      `${repo.full_name}:heads/main`,
      this.commit(this.tree([readme]), [], 'Initial commit'),
    );
    return repo;
  }

  private blobEntry(path: string, content: Buffer): TreeEntry {
    const sha = gitBlobSha(content);
    this.blobs.set(sha, content);
    return { path, mode: '100644', type: 'blob', sha };
  }

  private tree(entries: TreeEntry[]) {
    const sha = sha1(JSON.stringify(entries));
    this.trees.set(sha, entries);
    return sha;
  }

  private commit(tree: string, parents: string[], message: string) {
    const sha = sha1(`${tree}${parents.join()}${message}${this.commits.size}`);
    this.commits.set(sha, { sha, tree, parents, message });
    return sha;
  }

  private repoOr404(owner: string, name: string) {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    return (
      repo ??
      HttpResponse.json(errorBody(404, 'Not Found', docs.getRepository), {
        status: 404,
      })
    );
  }

  private commitJson(fullName: string, c: Commit) {
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 12)}`,
      url: `${API}/repos/${fullName}/git/commits/${c.sha}`,
      html_url: `https://github.com/${fullName}/commit/${c.sha}`,
      author: {
        name: 'Sofia Lind',
        email: 'sofia.lind@example.com',
        date: '2026-11-20T09:14:04Z',
      },
      committer: {
        name: 'GitHub',
        email: 'noreply@github.com',
        date: '2026-11-20T09:14:04Z',
      },
      tree: {
        sha: c.tree,
        url: `${API}/repos/${fullName}/git/trees/${c.tree}`,
      },
      message: c.message,
      parents: c.parents.map(p => ({
        sha: p,
        url: `${API}/repos/${fullName}/git/commits/${p}`,
        html_url: `https://github.com/${fullName}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
      },
    };
  }

  private refJson(fullName: string, ref: string, sha: string) {
    return {
      ref: `refs/${ref}`,
      node_id: `REF_${sha.slice(0, 10)}`,
      url: `${API}/repos/${fullName}/git/refs/${ref}`,
      object: {
        sha,
        type: 'commit',
        url: `${API}/repos/${fullName}/git/commits/${sha}`,
      },
    };
  }

  private contentJson(fullName: string, path: string, sha: string) {
    return {
      type: 'file',
      encoding: 'base64',
      size: this.blobs.get(sha)!.length,
      name: path.split('/').pop(),
      path,
      // GitHub wraps the base64 at 60 characters.
      content: `${this.blobs
        .get(sha)!
        .toString('base64')
        .replace(/.{60}/g, '$&\n')}\n`,
      sha,
      url: `${API}/repos/${fullName}/contents/${path}?ref=main`,
      git_url: `${API}/repos/${fullName}/git/blobs/${sha}`,
      html_url: `https://github.com/${fullName}/blob/main/${path}`,
      download_url: `https://raw.githubusercontent.com/${fullName}/main/${path}`,
    };
  }

  private pullJson(fullName: string, owner: string, pr: PullRequest) {
    return {
      url: `${API}/repos/${fullName}/pulls/${pr.number}`,
      id: 1_900_000 + pr.number,
      html_url: `https://github.com/${fullName}/pull/${pr.number}`,
      number: pr.number,
      state: pr.state,
      title: pr.title,
      body: pr.body,
      user: this.user,
      head: {
        label: `${owner}:${pr.head}`,
        ref: pr.head,
        sha: this.refs.get(`${fullName}:heads/${pr.head}`),
      },
      base: {
        label: `${owner}:${pr.base}`,
        ref: pr.base,
        sha: this.refs.get(`${fullName}:heads/${pr.base}`),
      },
      draft: false,
      merged: false,
    };
  }

  handlers() {
    const seen = async (request: Request) => {
      const url = new URL(request.url);
      const path = decodeURIComponent(url.pathname) + url.search;
      const text = request.method === 'GET' ? '' : await request.clone().text();
      const body = text ? JSON.parse(text) : undefined;
      this.requests.push({
        method: request.method,
        path,
        body,
        authorization: request.headers.get('authorization'),
      });
      return this.intercept(request.method, path, body);
    };
    const scopeHeaders = (accepted = '') => ({
      'X-OAuth-Scopes': this.tokenScopes,
      'X-Accepted-OAuth-Scopes': accepted,
    });
    const json = (body: JsonBodyType, status = 200, accepted = '') =>
      HttpResponse.json(body, {
        status,
        headers: scopeHeaders(accepted),
      });
    const notFound = (doc: string) =>
      json(errorBody(404, 'Not Found', doc), 404);

    return [
      http.all(
        `${API}/*`,
        async ({ request }) => (await seen(request)) ?? undefined,
      ),
      http.get(`${API}/user`, () => json(this.user)),
      http.get(`${API}/users/:login`, ({ params }) => {
        const found = this.accounts.get(params.login as string);
        return found
          ? json(found)
          : notFound('https://docs.github.com/rest/users/users#get-a-user');
      }),
      http.get(`${API}/orgs/:org`, ({ params }) => {
        const org = this.accounts.get(params.org as string);
        return org
          ? json({ ...org, ...this.orgSettings.get(org.login) })
          : notFound(
              'https://docs.github.com/rest/orgs/orgs#get-an-organization',
            );
      }),
      http.get(`${API}/orgs/:org/memberships/:username`, ({ params }) => {
        const membership =
          params.username === this.user.login
            ? this.memberships.get(params.org as string)
            : undefined;
        if (!membership) return notFound(docs.getMembership);
        return json({
          url: `${API}/orgs/${params.org}/memberships/${params.username}`,
          ...membership,
          organization_url: `${API}/orgs/${params.org}`,
          organization: this.accounts.get(params.org as string),
          user: this.user,
        });
      }),
      http.get(`${API}/orgs/:org/teams/:slug`, ({ params }) => {
        const found = this.teams.get(`${params.org}/${params.slug}`);
        return found ? json(found) : notFound(docs.getTeam);
      }),
      // With the repository media type GitHub answers with the repository and the team's
      // permissions; 404 when the team has no access.
      http.get(
        `${API}/orgs/:org/teams/:slug/repos/:owner/:repo`,
        ({ params }) => {
          const permission = this.teamRepos.get(
            `${params.org}/${params.slug}:${params.owner}/${params.repo}`,
          );
          const repo = this.repos.get(
            `${params.owner}/${params.repo}`.toLowerCase(),
          );
          if (!permission || !repo)
            return notFound(
              'https://docs.github.com/rest/teams/teams#check-team-permissions-for-a-repository',
            );
          return json({
            ...repo,
            permissions: teamPermissions(permission),
            role_name: permission === 'pull' ? 'read' : permission,
          });
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/branches/:branch/protection`,
        ({ params }) => {
          const key = `${params.owner}/${params.repo}:${params.branch}`;
          const rules = this.protection.get(key);
          if (!rules)
            return json(
              errorBody(404, 'Branch not protected', docs.getProtection),
              404,
            );
          return json(
            protectionJson(
              `${API}/repos/${params.owner}/${params.repo}/branches/${params.branch}/protection`,
              rules,
            ),
          );
        },
      ),
      http.get(`${API}/repos/:owner/:repo`, ({ params }) => {
        const repo = this.repoOr404(
          params.owner as string,
          params.repo as string,
        );
        return repo instanceof Response ? repo : json(repo);
      }),
      http.get(`${API}/repos/:owner/:repo/git/ref/*`, ({ params }) => {
        const fullName = `${params.owner}/${params.repo}`;
        const ref = (params as Record<string, string>)[0];
        const sha = this.refs.get(`${fullName}:${ref}`);
        return sha
          ? json(this.refJson(fullName, ref, sha))
          : notFound('https://docs.github.com/rest/git/refs#get-a-reference');
      }),
      http.post(
        `${API}/repos/:owner/:repo/git/refs`,
        async ({ params, request }) => {
          const fullName = `${params.owner}/${params.repo}`;
          const { ref, sha } = (await request.json()) as {
            ref: string;
            sha: string;
          };
          const key = `${fullName}:${ref.replace(/^refs\//, '')}`;
          if (this.refs.has(key))
            return json(
              errorBody(422, 'Reference already exists', docs.createRef),
              422,
            );
          this.refs.set(key, sha);
          return json(
            this.refJson(fullName, ref.replace(/^refs\//, ''), sha),
            201,
          );
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/contents/*`,
        ({ params, request }) => {
          const fullName = `${params.owner}/${params.repo}`;
          const path = (params as Record<string, string>)[0];
          const ref =
            new URL(request.url).searchParams.get('ref') ??
            this.repos.get(fullName.toLowerCase())?.default_branch ??
            'main';
          const head = this.refs.get(`${fullName}:heads/${ref}`);
          const entry = head
            ? this.trees
                .get(this.commits.get(head)!.tree)!
                .find(e => e.path === path)
            : undefined;
          return entry
            ? json(this.contentJson(fullName, path, entry.sha))
            : notFound(docs.getContent);
        },
      ),
      http.put(
        `${API}/repos/:owner/:repo/contents/*`,
        async ({ params, request }) => {
          const fullName = `${params.owner}/${params.repo}`;
          const path = (params as Record<string, string>)[0];
          const body = (await request.json()) as {
            message: string;
            content: string;
            sha?: string;
            branch?: string;
          };
          const branch =
            body.branch ??
            this.repos.get(fullName.toLowerCase())!.default_branch;
          const head = this.refs.get(`${fullName}:heads/${branch}`)!;
          const entries = this.trees.get(this.commits.get(head)!.tree)!;
          const current = entries.find(e => e.path === path);
          if (current && current.sha !== body.sha) {
            return json(
              errorBody(
                409,
                `${path} does not match ${body.sha ?? 'the missing sha'}`,
                'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
              ),
              409,
            );
          }
          const entry = {
            ...this.blobEntry(path, Buffer.from(body.content, 'base64')),
            path,
          };
          const commit = this.commit(
            this.tree([...entries.filter(e => e.path !== path), entry]),
            [head],
            body.message,
          );
          this.refs.set(`${fullName}:heads/${branch}`, commit);
          return json(
            {
              content: this.contentJson(fullName, path, entry.sha),
              commit: this.commitJson(fullName, this.commits.get(commit)!),
            },
            current ? 200 : 201,
          );
        },
      ),
      http.get(`${API}/repos/:owner/:repo/pulls`, ({ params, request }) => {
        const fullName = `${params.owner}/${params.repo}`;
        const head = new URL(request.url).searchParams.get('head');
        const open = (this.pulls.get(fullName) ?? []).filter(
          p => `${params.owner}:${p.head}` === head && p.state === 'open',
        );
        return json(
          open.map(p => this.pullJson(fullName, params.owner as string, p)),
        );
      }),
      http.post(
        `${API}/repos/:owner/:repo/pulls`,
        async ({ params, request }) => {
          const fullName = `${params.owner}/${params.repo}`;
          const body = (await request.json()) as {
            title: string;
            head: string;
            base: string;
            body?: string;
          };
          const list = this.pulls.get(fullName) ?? [];
          const pr: PullRequest = {
            number: 40 + list.length + 1,
            head: body.head,
            base: body.base,
            title: body.title,
            body: body.body ?? null,
            state: 'open',
          };
          this.pulls.set(fullName, [...list, pr]);
          return json(this.pullJson(fullName, params.owner as string, pr), 201);
        },
      ),
    ];
  }
}
