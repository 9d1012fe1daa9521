import { HttpResponse } from 'msw';
import yaml from 'yaml';
import { docs, errorBody } from '../../github/__testUtils__/githubResponses';
import { contextWith, integrations, setupFakeGithub } from '../../github/__testUtils__/setup';
import { createGithubGovernanceAction, toTopic } from './governance';
import { examples } from './governance.examples';

describe('squad:github:governance', () => {
  const fake = setupFakeGithub();
  const action = createGithubGovernanceAction({ integrations });
  const input = yaml.parse(examples[0].example).steps[0].input;
  const planRefusal = (method: string, path: string) =>
    method === 'PUT' && path.endsWith('/branches/main/protection')
      ? HttpResponse.json(
          errorBody(403, 'Upgrade to GitHub Pro or make this repository public to enable this feature.', docs.updateProtection),
          { status: 403 },
        )
      : undefined;

  beforeEach(() => {
    fake.github.addOrg('acme-music');
    for (const slug of ['payments', 'monetization', 'playlist']) fake.github.addTeam('acme-music', slug);
    for (const name of ['payment-gateway', 'payment-gateway-infra', 'playlist-radio']) {
      fake.github.addRepo('acme-music', name, { topics: ['squad-insights-managed'] });
    }
  });

  it.each(examples.map(e => [e.description, e.example] as const))('runs the example: %s', async (_d, example) => {
    const exampleInput = yaml.parse(example).steps[0].input;
    const { ctx } = contextWith(exampleInput);
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'applied',
      exampleInput.repositories.map((repository: string) => expect.objectContaining({ repository, branchProtection: true })),
    );
  });

  it('protects the default branch with two approvals, code owners and the CI check', async () => {
    const { ctx } = contextWith(input);
    await action.handler(ctx);
    expect(fake.github.protection.get('acme-music/payment-gateway:main')).toEqual({
      required_status_checks: { strict: true, contexts: ['ci / test'] },
      enforce_admins: true,
      required_pull_request_reviews: {
        required_approving_review_count: 2,
        require_code_owner_reviews: true,
        dismiss_stale_reviews: true,
      },
      restrictions: null,
    });
    expect(fake.github.protection.has('acme-music/payment-gateway-infra:main')).toBe(true);
  });

  it('gives the squad maintain and the tribe read, adds topics, CODEOWNERS and links', async () => {
    const { ctx } = contextWith(input);
    await action.handler(ctx);
    expect(Object.fromEntries(fake.github.teamRepos)).toEqual({
      'acme-music/payments:acme-music/payment-gateway': 'maintain',
      'acme-music/monetization:acme-music/payment-gateway': 'pull',
      'acme-music/payments:acme-music/payment-gateway-infra': 'maintain',
      'acme-music/monetization:acme-music/payment-gateway-infra': 'pull',
    });
    const topics = ['squad-insights-managed', 'payments', 'monetization', 'financial', 'pci-dss', 'svenska-betaltjanstlagen'];
    expect(fake.github.repos.get('acme-music/payment-gateway')!.topics).toEqual(topics);
    expect(fake.github.filesOn('acme-music/payment-gateway')['.github/CODEOWNERS']).toBe('* @acme-music/payments\n');
    expect(fake.github.repos.get('acme-music/payment-gateway-infra')!.homepage).toBe('https://github.com/acme-music/payment-gateway');
    // CODEOWNERS goes in before protection, which would refuse a direct commit.
    const writes = fake.github.requests.filter(r => r.method === 'PUT').map(r => r.path);
    expect(writes.indexOf('/repos/acme-music/payment-gateway/contents/.github/CODEOWNERS')).toBeLessThan(
      writes.indexOf('/repos/acme-music/payment-gateway/branches/main/protection'),
    );
    expect(ctx.output).toHaveBeenCalledWith('applied', [
      { repository: 'payment-gateway', branchProtection: true, teams: ['payments:maintain', 'monetization:pull'], topics },
      { repository: 'payment-gateway-infra', branchProtection: true, teams: ['payments:maintain', 'monetization:pull'], topics },
    ]);
  });

  it('keeps an existing CODEOWNERS file', async () => {
    fake.github.repos.delete('acme-music/payment-gateway');
    fake.github.addRepo('acme-music', 'payment-gateway', { topics: ['squad-insights-managed'], files: { CODEOWNERS: '* @acme-music/platform\n' } });
    await action.handler(contextWith(input).ctx);
    expect(fake.github.filesOn('acme-music/payment-gateway')).toEqual({ CODEOWNERS: '* @acme-music/platform\n' });
  });

  it('explains a plan without branch protection on private repositories instead of crashing', async () => {
    fake.github.intercept = planRefusal;
    const { ctx } = contextWith(input);
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toBe(
      "GitHub refused branch protection on acme-music/payment-gateway, acme-music/payment-gateway-infra: the owner's plan does not offer it on private repositories. Upgrade acme-music to GitHub Team/Enterprise (or Pro for a user) or make the repositories public, then run the task again; teams, topics, CODEOWNERS and links are already applied",
    );
    // Everything else was applied.
    expect(fake.github.teamRepos.size).toBe(4);
  });

  it('goes on with a warning when branch protection is optional', async () => {
    fake.github.intercept = planRefusal;
    const { ctx } = contextWith(yaml.parse(examples[1].example).steps[0].input);
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('applied', [
      expect.objectContaining({ repository: 'playlist-radio', branchProtection: false }),
    ]);
  });

  it('names the team and repository when a team is missing', async () => {
    const { ctx } = contextWith({ ...input, teams: { maintain: 'payment-ops' } });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Could not give team acme-music/payment-ops maintain on acme-music/payment-gateway: GitHub answered 404 Not Found. It does not exist or the token cannot see it',
    );
  });

  it('a retried task redoes only the refused branch protection', async () => {
    fake.github.intercept = planRefusal;
    const first = contextWith(input);
    await action.handler(first.ctx).catch(() => {});
    fake.github.intercept = () => undefined;
    fake.github.requests.length = 0;
    await action.handler(contextWith(input, { checkpoints: first.checkpoints }).ctx);
    expect(fake.github.requests.filter(r => r.method !== 'GET').map(r => r.path)).toEqual([
      '/repos/acme-music/payment-gateway/branches/main/protection',
      '/repos/acme-music/payment-gateway-infra/branches/main/protection',
    ]);
  });

  it('makes no request at all in a dry-run', async () => {
    const { ctx } = contextWith(input, { isDryRun: true });
    await action.handler(ctx);
    expect(fake.github.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
  });

  it('turns names into GitHub topics', () => {
    expect(['PCI_DSS', 'Svenska_Betaltjänstlagen', 'user_content', 'Music Rights'].map(toTopic)).toEqual([
      'pci-dss',
      'svenska-betaltjanstlagen',
      'user-content',
      'music-rights',
    ]);
  });
});
