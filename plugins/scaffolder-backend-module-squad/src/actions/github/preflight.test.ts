import { HttpResponse } from 'msw';
import yaml from 'yaml';
import { errorBody } from '../../github/__testUtils__/githubResponses';
import {
  contextWith,
  integrations,
  setupFakeGithub,
  TOKEN,
} from '../../github/__testUtils__/setup';
import { createGithubPreflightAction } from './preflight';
import { examples } from './preflight.examples';

describe('squad:github:preflight', () => {
  const fake = setupFakeGithub();
  const action = createGithubPreflightAction({ integrations });
  const input = {
    host: 'github.com',
    owner: 'acme-music',
    repositories: ['payment-gateway', 'payment-gateway-infra'],
    teams: ['payments', 'monetization'],
  };

  beforeEach(() => {
    fake.github.addOrg('acme-music');
    for (const slug of ['payments', 'monetization', 'playlist'])
      fake.github.addTeam('acme-music', slug);
  });

  it.each(examples.map(e => [e.description, e.example] as const))(
    'runs the example: %s',
    async (_d, example) => {
      const { ctx } = contextWith(yaml.parse(example).steps[0].input);
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('ownerType', 'Organization');
    },
  );

  it('passes when the names are free, the token may create repositories and the teams exist', async () => {
    const { ctx } = contextWith(input);
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('ownerType', 'Organization');
    // Read-only: every request was a GET, with the configured token.
    expect(fake.github.requests.map(r => r.method)).toEqual(
      expect.arrayContaining(['GET']),
    );
    expect(fake.github.requests.every(r => r.method === 'GET')).toBe(true);
    expect(fake.github.requests.map(r => r.path)).toEqual(
      expect.arrayContaining([
        '/repos/acme-music/payment-gateway',
        '/repos/acme-music/payment-gateway-infra',
        '/orgs/acme-music/teams/payments',
        '/orgs/acme-music/memberships/sofia-lind',
      ]),
    );
  });

  it('reports a taken name, naming the repository, and creates nothing', async () => {
    fake.github.addRepo('acme-music', 'payment-gateway', {
      topics: ['squad-insights-managed'],
    });
    const { ctx } = contextWith(input);
    await expect(action.handler(ctx)).rejects.toThrow(
      'the repository name acme-music/payment-gateway is taken: https://github.com/acme-music/payment-gateway exists; choose another name',
    );
    expect(fake.github.requests.some(r => r.method !== 'GET')).toBe(false);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('does not check again when a failed task is retried after publish:github created the repositories', async () => {
    const { ctx, checkpoints } = contextWith(input);
    await action.handler(ctx);
    fake.github.addRepo('acme-music', 'payment-gateway');
    fake.github.requests.length = 0;

    const retried = contextWith(input, { checkpoints });
    await action.handler(retried.ctx);
    expect(fake.github.requests).toEqual([]);
    expect(retried.ctx.output).toHaveBeenCalledWith(
      'ownerType',
      'Organization',
    );
  });

  it('reports a token without the repo scope and a missing team at once', async () => {
    fake.github.tokenScopes = 'read:org';
    const { ctx } = contextWith({
      ...input,
      teams: ['payments', 'payment-ops'],
    });
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      [
        'GitHub preflight for github.com/acme-music found 2 problems; nothing was created:',
        '- the token of sofia-lind cannot create private repositories: its scopes are read:org but creating repositories needs repo',
        "- the team 'payment-ops' does not exist in acme-music (or the token cannot see it; a classic token needs read:org)",
      ].join('\n'),
    );
  });

  it('explains a 403 from GitHub with the scopes the endpoint accepts and the token has', async () => {
    fake.github.intercept = (_method, path) =>
      path === '/orgs/acme-music/memberships/sofia-lind'
        ? HttpResponse.json(
            errorBody(
              403,
              'Resource not accessible by personal access token',
              'https://docs.github.com/rest/orgs/members#get-organization-membership-for-a-user',
            ),
            {
              status: 403,
              headers: {
                'X-Accepted-OAuth-Scopes':
                  'admin:org, read:org, repo, user, write:org',
                'X-OAuth-Scopes': 'gist',
              },
            },
          )
        : undefined;
    const { ctx } = contextWith(input);
    await expect(action.handler(ctx)).rejects.toThrow(
      "could not read sofia-lind's membership of acme-music: GitHub answered 403 Resource not accessible by personal access token. Missing permission: the token's scopes are gist but this needs one of admin:org, read:org, repo, user, write:org",
    );
  });

  it('reports a member who may not create repositories, and an unknown owner', async () => {
    fake.github.addOrg('acme-labs', {
      role: 'member',
      membersCanCreate: false,
    });
    fake.github.addTeam('acme-labs', 'payments');
    const { ctx } = contextWith({
      ...input,
      owner: 'acme-labs',
      teams: ['payments'],
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'sofia-lind is a member (not an owner) of acme-labs, and acme-labs does not let members create repositories',
    );

    const other = contextWith({ ...input, owner: 'acme-nowhere' });
    await expect(action.handler(other.ctx)).rejects.toThrow(
      "GitHub preflight for github.com/acme-nowhere failed: the GitHub account 'acme-nowhere' does not exist",
    );
  });

  it("acts with the integration's token, or the token given to the action", async () => {
    await action.handler(contextWith(input).ctx);
    expect(new Set(fake.github.requests.map(r => r.authorization))).toEqual(
      new Set([`token ${TOKEN}`]),
    );

    fake.github.requests.length = 0;
    await action.handler(
      contextWith({
        ...input,
        token: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
      }).ctx,
    );
    expect(new Set(fake.github.requests.map(r => r.authorization))).toEqual(
      new Set(['token gho_16C7e42F292c6912E7710c838347Ae178B4a']),
    );
  });

  it('makes no request at all in a dry-run', async () => {
    const { ctx } = contextWith(input, { isDryRun: true });
    await action.handler(ctx);
    expect(fake.github.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
  });
});
