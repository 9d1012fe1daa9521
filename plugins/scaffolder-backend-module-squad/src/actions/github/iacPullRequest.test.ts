import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  contextWith,
  integrations,
  setupFakeGithub,
} from '../../github/__testUtils__/setup';
import { createGithubIacPullRequestAction } from './iacPullRequest';
import { examples } from './iacPullRequest.examples';

const services = fs.readFileSync(
  path.join(__dirname, '../../github/__fixtures__/squad-services.tf'),
  'utf8',
);

describe('squad:github:iac-pull-request', () => {
  const fake = setupFakeGithub();
  const action = createGithubIacPullRequestAction({ integrations });
  const input = yaml.parse(examples[0].example).steps[0].input;

  beforeEach(() => {
    fake.github.addOrg('acme-music');
    fake.github.addRepo('acme-music', 'payments-iac', {
      files: {
        'README.md': '# Terraform of the payments squad\n',
        'services.tf': services,
      },
    });
  });

  it.each(examples.map(e => [e.description, e.example] as const))(
    'runs the example: %s',
    async (_d, example) => {
      const exampleInput = yaml.parse(example).steps[0].input;
      const { ctx } = contextWith(exampleInput);
      await action.handler(ctx);
      const branch =
        exampleInput.branch ?? `squad-insights/add-${exampleInput.serviceName}`;
      expect(
        fake.github.filesOn('acme-music/payments-iac', branch)['services.tf'],
      ).toContain(`    ${exampleInput.serviceName} = {\n`);
      expect(ctx.output).toHaveBeenCalledWith('branch', branch);
    },
  );

  it('commits the entry to a new branch and opens a pull request against the default branch', async () => {
    const { ctx } = contextWith(input);
    await action.handler(ctx);

    const onBranch = fake.github.filesOn(
      'acme-music/payments-iac',
      'squad-insights/add-refunds',
    )['services.tf'];
    expect(onBranch).toContain(
      [
        '    refunds = {',
        '      data_classification = "financial"',
        '      min_capacity        = 3',
        '      max_capacity        = 20',
        '      compliance          = ["GDPR", "PCI_DSS"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    // The rest of the file is untouched, and main is unchanged until the PR is merged.
    expect(
      onBranch.replace(/\n\n {4}refunds = \{[\s\S]*?\n {4}\}(?=\n {2}\})/, ''),
    ).toBe(services);
    expect(fake.github.filesOn('acme-music/payments-iac')['services.tf']).toBe(
      services,
    );
    expect(fake.github.pulls.get('acme-music/payments-iac')).toEqual([
      expect.objectContaining({
        number: 41,
        head: 'squad-insights/add-refunds',
        base: 'main',
        title: 'Add service refunds',
      }),
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'pullRequestUrl',
      'https://github.com/acme-music/payments-iac/pull/41',
    );
    expect(ctx.output).toHaveBeenCalledWith('number', 41);
  });

  it('reuses the open pull request from the same branch', async () => {
    await action.handler(contextWith(input).ctx);
    fake.github.requests.length = 0;
    const { ctx } = contextWith(input);
    await action.handler(ctx);
    expect(fake.github.requests.filter(r => r.method !== 'GET')).toEqual([]);
    expect(fake.github.requests.map(r => r.path)).toContain(
      '/repos/acme-music/payments-iac/pulls?head=acme-music%3Asquad-insights%2Fadd-refunds&state=open',
    );
    expect(fake.github.pulls.get('acme-music/payments-iac')).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('number', 41);
  });

  it('finishes a run that stopped after committing, without a second commit', async () => {
    fake.github.intercept = (method, p) =>
      method === 'POST' && p === '/repos/acme-music/payments-iac/pulls'
        ? new Response(JSON.stringify({ message: 'Server Error' }), {
            status: 502,
            headers: { 'content-type': 'application/json' },
          })
        : undefined;
    await action.handler(contextWith(input).ctx).catch(() => {});
    fake.github.intercept = () => undefined;
    fake.github.requests.length = 0;

    await action.handler(contextWith(input).ctx);
    expect(
      fake.github.requests
        .filter(r => r.method !== 'GET')
        .map(r => `${r.method} ${r.path}`),
    ).toEqual([
      'POST /repos/acme-music/payments-iac/git/refs',
      'POST /repos/acme-music/payments-iac/pulls',
    ]);
  });

  it('fails clearly when the service is already in the map', async () => {
    const { ctx } = contextWith({ ...input, serviceName: 'fraud-scoring' });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Service 'fraud-scoring' already exists in the services map of acme-music/payments-iac:services.tf@main (line 13)",
    );
    expect(fake.github.requests.filter(r => r.method !== 'GET')).toEqual([]);
  });

  it('fails clearly when the file is missing or has no services map', async () => {
    await expect(
      action.handler(contextWith({ ...input, path: 'main.tf' }).ctx),
    ).rejects.toThrow(
      'Could not read main.tf from acme-music/payments-iac@main: GitHub answered 404 Not Found',
    );
    await expect(
      action.handler(contextWith({ ...input, path: 'README.md' }).ctx),
    ).rejects.toThrow(
      'No `locals { services = { ... } }` map found in acme-music/payments-iac:README.md@main',
    );
  });

  it('makes no request at all in a dry-run', async () => {
    const { ctx } = contextWith(input, { isDryRun: true });
    await action.handler(ctx);
    expect(fake.github.requests).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'pullRequestUrl',
      'https://github.com/acme-music/payments-iac/pull/new/squad-insights/add-refunds',
    );
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
  });
});
