import { HttpResponse } from 'msw';
import yaml from 'yaml';
import { ProtectionRules } from '../../github/__testUtils__/fakeGithub';
import { errorBody } from '../../github/__testUtils__/githubResponses';
import {
  contextWith,
  integrations,
  setupFakeGithub,
  TOKEN,
} from '../../github/__testUtils__/setup';
import { createGithubVerifyGovernanceAction } from './verifyGovernance';
import { examples } from './verifyGovernance.examples';

describe('squad:github:verify-governance', () => {
  const fake = setupFakeGithub();
  const action = createGithubVerifyGovernanceAction({ integrations });
  const input = yaml.parse(examples[0].example).steps[0].input;
  const topics = ['squad-insights-managed', 'squad-payments', 'pci-dss'];

  /** A repository as publish:github leaves it when GitHub accepted everything. */
  function published(
    name: string,
    options: {
      protection?: ProtectionRules | null;
      teams?: Record<string, 'pull' | 'maintain'>;
      codeowners?: boolean;
      topics?: string[];
    } = {},
  ) {
    fake.github.addRepo('acme-music', name, {
      topics: options.topics ?? topics,
      files: {
        'README.md': `# ${name}\n`,
        ...(options.codeowners === false
          ? {}
          : { '.github/CODEOWNERS': '* @acme-music/payments\n' }),
      },
    });
    const protection =
      options.protection === undefined
        ? { approvals: 2, codeOwners: true, contexts: ['ci'] }
        : options.protection;
    if (protection)
      fake.github.protection.set(`acme-music/${name}:main`, protection);
    const teams: Record<string, 'pull' | 'maintain'> = options.teams ?? {
      payments: 'maintain',
      monetization: 'pull',
    };
    for (const [slug, permission] of Object.entries(teams)) {
      fake.github.teamRepos.set(
        `acme-music/${slug}:acme-music/${name}`,
        permission,
      );
    }
  }

  beforeEach(() => {
    fake.github.addOrg('acme-music');
  });

  it.each(examples.map(e => [e.description, e.example] as const))(
    'runs the example: %s',
    async (_d, example) => {
      const exampleInput = yaml.parse(example).steps[0].input;
      for (const name of exampleInput.repositories)
        published(name, {
          teams: {
            payments: 'maintain',
            monetization: 'pull',
            playlist: 'maintain',
          },
        });
      const { ctx } = contextWith(exampleInput);
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'verified',
        exampleInput.repositories.map((r: string) => `acme-music/${r}`),
      );
    },
  );

  it('passes a pair that publish:github governed fully, only reading from GitHub', async () => {
    published('payment-gateway');
    published('payment-gateway-infra');
    const { ctx } = contextWith(input);
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('verified', [
      'acme-music/payment-gateway',
      'acme-music/payment-gateway-infra',
    ]);
    expect(fake.github.requests.every(r => r.method === 'GET')).toBe(true);
    expect(fake.github.requests.map(r => r.path)).toEqual(
      expect.arrayContaining([
        '/repos/acme-music/payment-gateway/branches/main/protection',
        '/orgs/acme-music/teams/payments/repos/acme-music/payment-gateway',
        '/repos/acme-music/payment-gateway-infra/contents/.github/CODEOWNERS?ref=main',
      ]),
    );
  });

  it('reports in one error everything GitHub refused and publish:github only warned about', async () => {
    // The plan refused protection on one; a weaker rule set, a failed grant and lost topics on the other.
    published('payment-gateway', { protection: null });
    published('payment-gateway-infra', {
      protection: { approvals: 1, codeOwners: false, contexts: [] },
      teams: { payments: 'pull' },
      topics: ['squad-insights-managed'],
      codeowners: false,
    });
    const { ctx } = contextWith(input);
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('ConflictError');
    expect(error.message.split('\n')).toEqual([
      'The repositories do not have the governance the template requires; fix it on GitHub (or fix the cause and run the task again):',
      '- acme-music/payment-gateway: branch main is not protected (publish:github only warns when GitHub refuses protection; private repositories need GitHub Team/Enterprise, or Pro for a user)',
      '- acme-music/payment-gateway-infra: main needs 1 approving review(s), the compliance profile requires 2',
      "- acme-music/payment-gateway-infra: main does not require a code owner's review",
      '- acme-music/payment-gateway-infra: main does not require the status check(s) ci',
      '- acme-music/payment-gateway-infra: team payments has read, not maintain',
      '- acme-music/payment-gateway-infra: team monetization has no access (expected pull)',
      '- acme-music/payment-gateway-infra: no CODEOWNERS file, so code-owner reviews cannot be satisfied',
      '- acme-music/payment-gateway-infra: topic(s) squad-payments, pci-dss missing',
    ]);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('names the operation when GitHub rejects the token, without echoing it', async () => {
    published('payment-gateway');
    fake.github.intercept = () =>
      HttpResponse.json(
        errorBody(401, 'Bad credentials', 'https://docs.github.com/rest'),
        { status: 401 },
      );
    const error = await action
      .handler(contextWith({ ...input, repositories: ['payment-gateway'] }).ctx)
      .catch(e => e);
    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toBe(
      "Could not read repository acme-music/payment-gateway: GitHub answered 401 Bad credentials. The token was rejected; set a valid token in integrations.github for this host or pass the action's token input",
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('makes no request in a dry-run', async () => {
    const { ctx } = contextWith(input, { isDryRun: true });
    await action.handler(ctx);
    expect(fake.github.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
  });
});
