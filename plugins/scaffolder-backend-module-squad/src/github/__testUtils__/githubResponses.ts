/**
 * Bodies shaped as GitHub's REST API documents them (docs.github.com/rest, API version
 * 2022-11-28), trimmed to the fields a reader would recognise but never renamed or reshaped.
 */
export const API = 'https://api.github.com';

let nextId = 1_296_269;

export function account(login: string, type: 'User' | 'Organization') {
  const id = nextId++;
  return {
    login,
    id,
    node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `${API}/${type === 'User' ? 'users' : 'orgs'}/${login}`,
    html_url: `https://github.com/${login}`,
    type,
    site_admin: false,
  };
}

export function repository(
  owner: ReturnType<typeof account>,
  name: string,
  extra: Record<string, unknown> = {},
) {
  const id = nextId++;
  const fullName = `${owner.login}/${name}`;
  return {
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString('base64'),
    name,
    full_name: fullName,
    owner,
    private: true,
    visibility: 'private',
    html_url: `https://github.com/${fullName}`,
    description: null as string | null,
    fork: false,
    url: `${API}/repos/${fullName}`,
    clone_url: `https://github.com/${fullName}.git`,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    homepage: null as string | null,
    size: 0,
    default_branch: 'main',
    topics: [] as string[],
    archived: false,
    disabled: false,
    has_issues: true,
    created_at: '2026-11-20T09:14:03Z',
    updated_at: '2026-11-20T09:14:03Z',
    pushed_at: '2026-11-20T09:14:04Z',
    permissions: {
      admin: true,
      maintain: true,
      push: true,
      triage: true,
      pull: true,
    },
    ...extra,
  };
}

export function team(org: string, slug: string, name = slug) {
  const id = nextId++;
  return {
    id,
    node_id: Buffer.from(`04:Team${id}`).toString('base64'),
    url: `${API}/teams/${id}`,
    html_url: `https://github.com/orgs/${org}/teams/${slug}`,
    name,
    slug,
    description: `The ${name} team`,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${API}/teams/${id}/members{/member}`,
    repositories_url: `${API}/teams/${id}/repos`,
    parent: null,
    members_count: 6,
    repos_count: 14,
    created_at: '2024-03-11T08:21:40Z',
    updated_at: '2026-10-02T12:00:11Z',
  };
}

/** GitHub's error body: message, documentation_url and (since 2024) the status as a string. */
export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  errors?: unknown[],
) {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: documentationUrl,
    status: String(status),
  };
}

export const docs = {
  getRepository: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  getTeam: 'https://docs.github.com/rest/teams/teams#get-a-team-by-name',
  getMembership:
    'https://docs.github.com/rest/orgs/members#get-organization-membership-for-a-user',
  getProtection:
    'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
  getContent:
    'https://docs.github.com/rest/repos/contents#get-repository-content',
  createRef: 'https://docs.github.com/rest/git/refs#create-a-reference',
};
