import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { HttpResponse } from 'msw';
import yaml from 'yaml';
import { docs, errorBody } from '../../github/__testUtils__/githubResponses';
import { config, contextWith, integrations, setupFakeGithub } from '../../github/__testUtils__/setup';
import { createWorkspace, infraFiles, serviceFiles } from '../../github/__testUtils__/workspace';
import { createGithubPublishAction } from './publish';
import { examples } from './publish.examples';

const blobSha = (text: string) =>
  createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');

describe('squad:github:publish', () => {
  const fake = setupFakeGithub();
  const action = createGithubPublishAction({ integrations, config });
  let workspacePath: string;
  const input = {
    owner: 'acme-music',
    repositories: [
      { name: 'payment-gateway', sourcePath: 'service', description: 'Payment gateway of the payments squad' },
      { name: 'payment-gateway-infra', sourcePath: 'infra', description: 'Terraform of payment-gateway' },
    ],
  };
  const creates = () => fake.github.requests.filter(r => r.method === 'POST' && r.path === '/orgs/acme-music/repos');
  // Fails the creation of the infra repository the way GitHub refuses a token it does not trust.
  const refuseInfra = (method: string, path: string, body: any) =>
    method === 'POST' && path === '/orgs/acme-music/repos' && body?.name === 'payment-gateway-infra'
      ? HttpResponse.json(errorBody(403, 'Resource not accessible by personal access token', docs.createOrgRepository), {
          status: 403,
        })
      : undefined;

  beforeEach(() => {
    workspacePath = createWorkspace();
    fake.github.addOrg('acme-music');
  });
  afterEach(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

  it.each(examples.map(e => [e.description, e.example] as const))('runs the example: %s', async (_d, example) => {
    const exampleInput = yaml.parse(example).steps[0].input;
    const { ctx } = contextWith(exampleInput, { workspacePath });
    await action.handler(ctx);
    for (const spec of exampleInput.repositories) {
      const repo = fake.github.repos.get(`acme-music/${spec.name}`)!;
      expect(repo.topics).toEqual(['squad-insights-managed']);
      expect(repo.default_branch).toBe(exampleInput.defaultBranch ?? 'main');
      expect(fake.github.filesOn(repo.full_name, repo.default_branch)).toEqual(
        spec.sourcePath === 'service' ? serviceFiles : infraFiles,
      );
    }
  });

  it('creates both repositories and pushes every file of each folder as one commit', async () => {
    const { ctx } = contextWith(input, { workspacePath });
    await action.handler(ctx);

    expect(creates().map(r => r.body)).toEqual([
      { name: 'payment-gateway', description: 'Payment gateway of the payments squad', auto_init: true, visibility: 'private' },
      { name: 'payment-gateway-infra', description: 'Terraform of payment-gateway', auto_init: true, visibility: 'private' },
    ]);
    const trees = fake.github.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/trees'));
    expect(trees.map(t => t.path)).toEqual([
      '/repos/acme-music/payment-gateway/git/trees',
      '/repos/acme-music/payment-gateway-infra/git/trees',
    ]);
    expect((trees[0].body as any).tree).toEqual(
      Object.entries(serviceFiles)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: blobSha(text) })),
    );
    expect((trees[1].body as any).tree).toContainEqual({
      path: 'scripts/plan.sh',
      mode: '100755',
      type: 'blob',
      sha: blobSha(infraFiles['scripts/plan.sh']),
    });
    expect(fake.github.filesOn('acme-music/payment-gateway')).toEqual(serviceFiles);
    expect(fake.github.filesOn('acme-music/payment-gateway-infra')).toEqual(infraFiles);

    const commit = fake.github.requests.find(r => r.path === '/repos/acme-music/payment-gateway/git/commits')!;
    expect(commit.body).toMatchObject({
      message: 'Initial commit',
      author: { name: 'Squad Insights', email: 'squad-insights@example.com' },
    });
    expect(fake.github.repos.get('acme-music/payment-gateway')!.topics).toEqual(['squad-insights-managed']);
    expect(ctx.output).toHaveBeenCalledWith('repositories', [
      {
        name: 'payment-gateway',
        url: 'https://github.com/acme-music/payment-gateway',
        cloneUrl: 'https://github.com/acme-music/payment-gateway.git',
        created: true,
      },
      {
        name: 'payment-gateway-infra',
        url: 'https://github.com/acme-music/payment-gateway-infra',
        cloneUrl: 'https://github.com/acme-music/payment-gateway-infra.git',
        created: true,
      },
    ]);
  });

  it('says what exists, what failed and how to finish when the second repository fails', async () => {
    fake.github.intercept = refuseInfra;
    const { ctx } = contextWith(input, { workspacePath });
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('PartialPublishError');
    expect(error.message).toBe(
      [
        'Publishing to acme-music stopped at acme-music/payment-gateway-infra: Could not create repository acme-music/payment-gateway-infra: GitHub answered 403 Resource not accessible by personal access token. The token is not allowed to do this',
        'These repositories exist now:',
        '  - https://github.com/acme-music/payment-gateway (created by this run)',
        'Not created yet: acme-music/payment-gateway-infra',
        'To finish: fix the cause above and run the task again (retry or start over with the same values); repositories marked squad-insights-managed are reused, not created twice.',
        'To clean up instead: delete https://github.com/acme-music/payment-gateway (Settings → Danger Zone → Delete this repository, or `gh repo delete <owner>/<name>`).',
      ].join('\n'),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('a new run after that failure reuses the first repository and creates only the second', async () => {
    fake.github.intercept = refuseInfra;
    await action.handler(contextWith(input, { workspacePath }).ctx).catch(() => {});
    const firstHead = fake.github.refs.get('acme-music/payment-gateway:heads/main');
    fake.github.intercept = () => undefined;
    fake.github.requests.length = 0;

    const { ctx } = contextWith(input, { workspacePath });
    await action.handler(ctx);

    expect(creates().map(r => (r.body as any).name)).toEqual(['payment-gateway-infra']);
    // Same content already there: no blob, tree, commit or ref write for the first repository.
    expect(
      fake.github.requests.filter(r => r.method !== 'GET' && r.path.startsWith('/repos/acme-music/payment-gateway/')),
    ).toEqual([]);
    expect(fake.github.refs.get('acme-music/payment-gateway:heads/main')).toBe(firstHead);
    expect(fake.github.filesOn('acme-music/payment-gateway-infra')).toEqual(infraFiles);
    expect(ctx.output).toHaveBeenCalledWith('repositories', [
      expect.objectContaining({ name: 'payment-gateway', created: false }),
      expect.objectContaining({ name: 'payment-gateway-infra', created: true }),
    ]);
  });

  it('a retried task skips the finished repository without asking GitHub about it', async () => {
    fake.github.intercept = refuseInfra;
    const first = contextWith(input, { workspacePath });
    await action.handler(first.ctx).catch(() => {});
    fake.github.intercept = () => undefined;
    fake.github.requests.length = 0;

    const retry = contextWith(input, { workspacePath, checkpoints: first.checkpoints });
    await action.handler(retry.ctx);
    expect(fake.github.requests.filter(r => r.path.startsWith('/repos/acme-music/payment-gateway/'))).toEqual([]);
    expect(fake.github.requests.some(r => r.path === '/repos/acme-music/payment-gateway')).toBe(false);
    expect(creates()).toHaveLength(1);
  });

  it('takes over a repository created meanwhile (422 "name already exists on this account")', async () => {
    fake.github.addRepo('acme-music', 'payment-gateway', { topics: ['squad-insights-managed'] });
    let hidden = true;
    // The first read misses it, as if a parallel run created it between read and create.
    fake.github.intercept = (method, path) => {
      if (method === 'GET' && path === '/repos/acme-music/payment-gateway' && hidden) {
        hidden = false;
        return HttpResponse.json(errorBody(404, 'Not Found', docs.getRepository), { status: 404 });
      }
      return undefined;
    };
    const { ctx } = contextWith({ ...input, repositories: [input.repositories[0]] }, { workspacePath });
    await action.handler(ctx);
    expect(creates()).toHaveLength(1);
    expect(fake.github.filesOn('acme-music/payment-gateway')).toEqual(serviceFiles);
    expect(ctx.output).toHaveBeenCalledWith('repositories', [expect.objectContaining({ created: false })]);
  });

  it('leaves a repository it did not create alone', async () => {
    fake.github.addRepo('acme-music', 'payment-gateway', { files: { 'README.md': '# Someone else\n' } });
    const { ctx } = contextWith(input, { workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Publishing to acme-music stopped at acme-music/payment-gateway: https://github.com/acme-music/payment-gateway exists and was not created by this template (no 'squad-insights-managed' topic); it is left alone — choose another name\nNo repository was created.",
    );
    expect(fake.github.requests.filter(r => r.method !== 'GET')).toEqual([]);
  });

  it('names a folder missing from the workspace', async () => {
    const { ctx } = contextWith({ ...input, repositories: [{ ...input.repositories[0], sourcePath: 'services' }] }, { workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(
      "The folder 'services' for repository payment-gateway is not in the workspace",
    );
  });

  it('makes no request at all in a dry-run and marks its outputs', async () => {
    const { ctx } = contextWith(input, { workspacePath, isDryRun: true });
    await action.handler(ctx);
    expect(fake.github.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
    expect(ctx.output).toHaveBeenCalledWith('repositories', [
      {
        name: 'payment-gateway',
        url: 'https://github.com/acme-music/payment-gateway',
        cloneUrl: 'https://github.com/acme-music/payment-gateway.git',
        created: false,
      },
      {
        name: 'payment-gateway-infra',
        url: 'https://github.com/acme-music/payment-gateway-infra',
        cloneUrl: 'https://github.com/acme-music/payment-gateway-infra.git',
        created: false,
      },
    ]);
  });
});
