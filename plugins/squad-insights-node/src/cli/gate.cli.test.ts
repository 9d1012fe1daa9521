import { execFile } from 'node:child_process';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(60_000);

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const main = resolve(__dirname, 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'si-cli-gate-'));
const TOKEN = 'pipeline-token-for-tests';

async function cli(
  args: string[],
  env: Record<string, string | undefined> = { SQUAD_INSIGHTS_TOKEN: TOKEN },
) {
  const childEnv = {
    ...process.env,
    GITHUB_SHA: '',
    CI_COMMIT_SHA: '',
    SQUAD_INSIGHTS_TOKEN: '',
    ...env,
  } as NodeJS.ProcessEnv;
  try {
    const { stdout, stderr } = await run(tsx, [main, 'gate', ...args], {
      cwd: repoRoot,
      env: childEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return {
      code: e.code as number,
      stdout: e.stdout as string,
      stderr: e.stderr as string,
    };
  }
}

/** A decision as the backend's GateService answers it (GateDecision in openapi.yaml). */
const decision = (allowed: boolean) => ({
  id: '6f1c2a9e-3d4b-4a5c-9e8f-0a1b2c3d4e5f',
  entityRef: 'component:default/payment-processing',
  environment: 'production',
  commit: 'a1b2c3d',
  allowed,
  caller: 'external:payments-pipeline',
  createdAt: '2026-12-07T12:00:00.000Z',
  failClosed: true,
  overrides: [],
  reasons: allowed
    ? [
        {
          code: 'check-waived',
          blocking: false,
          checkId: 'logging.log-retention',
          severity: 'high',
          frameworks: ['PCI_DSS'],
          message:
            'logging.log-retention (high) fails, waived until 2027-02-01T00:00:00.000Z',
        },
      ]
    : [
        {
          code: 'check-failing',
          blocking: true,
          checkId: 'logging.log-retention',
          severity: 'high',
          frameworks: ['PCI_DSS'],
          message:
            'logging.log-retention (high) fails without a waiver: Log groups keep logs for the record-keeping period',
        },
        {
          code: 'review-missing',
          blocking: true,
          message:
            'no approved compliance review; one is needed every 365 days',
        },
      ],
});

/** Backstage's error body (errorHandler of @backstage/backend-defaults). */
const backstageError = (status: number, name: string, message: string) => ({
  error: { name, message },
  request: {
    method: 'POST',
    url: '/api/squad-insights/entities/default/component/payment-processing/gate',
  },
  response: { statusCode: status },
});

describe('squad-insights gate', () => {
  let server: Server;
  let portal: string;
  let answer: { status: number; body: unknown };
  const seen: Array<{ url?: string; authorization?: string; body: any }> = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', chunk => (text += chunk));
      req.on('end', () => {
        seen.push({
          url: req.url,
          authorization: req.headers.authorization,
          body: JSON.parse(text),
        });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(done => server.close(done)));
  beforeEach(() => (seen.length = 0));

  const online = (...extra: string[]) => [
    '--portal',
    portal,
    '--entity',
    'component:default/payment-processing',
    '--environment',
    'production',
    '--commit',
    'a1b2c3d',
    ...extra,
  ];

  it('exits 0 when the portal allows, sending the environment, commit, plan and token', async () => {
    answer = { status: 200, body: decision(true) };
    const plan = join(dir, 'plan.json');
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: '1.2',
        planned_values: { root_module: {} },
      }),
    );
    const res = await cli(online('--plan', plan));
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      'ALLOWED: component:default/payment-processing to production (gate decision 6f1c2a9e',
    );
    expect(seen).toEqual([
      {
        url: '/api/squad-insights/entities/default/component/payment-processing/gate',
        authorization: `Bearer ${TOKEN}`,
        body: {
          environment: 'production',
          commit: 'a1b2c3d',
          plan: { format_version: '1.2', planned_values: { root_module: {} } },
        },
      },
    ]);
  });

  it('exits 1 when denied, printing the reasons and writing JUnit and SARIF', async () => {
    answer = { status: 200, body: decision(false) };
    const junit = join(dir, 'gate.xml');
    const sarif = join(dir, 'gate.sarif');
    const res = await cli(online('--junit', junit, '--sarif', sarif), {
      SQUAD_INSIGHTS_TOKEN: TOKEN,
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('DENIED');
    expect(res.stdout).toContain(
      'x logging.log-retention (high) fails without a waiver',
    );
    expect(res.stdout).toContain('x no approved compliance review');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('failures="2"');
    expect(xml).toContain(
      '<failure message="no approved compliance review; one is needed every 365 days" type="review-missing"/>',
    );
    const report = JSON.parse(readFileSync(sarif, 'utf8'));
    expect(report.runs[0].results.map((r: any) => [r.ruleId, r.level])).toEqual(
      [
        ['logging.log-retention', 'error'],
        ['review-missing', 'error'],
      ],
    );
  });

  it('takes the commit from GITHUB_SHA', async () => {
    answer = { status: 200, body: decision(true) };
    const args = [
      '--portal',
      portal,
      '--entity',
      'payment-processing',
      '--environment',
      'production',
    ];
    expect(
      (await cli(args, { SQUAD_INSIGHTS_TOKEN: TOKEN, GITHUB_SHA: 'f00d' }))
        .code,
    ).toBe(0);
    expect(seen[0].body.commit).toBe('f00d');
  });

  it('exits 2 when the portal refuses, with its message', async () => {
    answer = {
      status: 403,
      body: backstageError(
        403,
        'NotAllowedError',
        'You may not ask the deployment gate of component:default/payment-processing',
      ),
    };
    const res = await cli(online());
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `squad-insights gate: could not ask: portal ${portal} answered 403: You may not ask the deployment gate of component:default/payment-processing\n`,
    );
    answer = {
      status: 400,
      body: backstageError(
        400,
        'InputError',
        'environment "prod" is not gated by the compliance policy; known: production, staging',
      ),
    };
    expect((await cli(online())).stderr).toContain(
      'answered 400: environment "prod" is not gated',
    );
  });

  it('exits 2 when the portal is unreachable, the token is missing or the input is bad', async () => {
    const closed = createServer();
    await new Promise<void>(done => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(done => closed.close(done));
    const unreachable = await cli([
      '--portal',
      `http://127.0.0.1:${port}`,
      '--entity',
      'payment-processing',
      '--environment',
      'production',
      '--commit',
      'a',
    ]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/unreachable: ECONNREFUSED/);

    const noToken = await cli(online(), {});
    expect(noToken).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('SQUAD_INSIGHTS_TOKEN is not set'),
    });
    expect(
      (await cli(['--portal', portal, '--entity', 'payment-processing'])).code,
    ).toBe(2);
    const badPlan = join(dir, 'bad.json');
    writeFileSync(badPlan, 'not json');
    expect((await cli(online('--plan', badPlan))).stderr).toMatch(
      /--plan: .* is not JSON/,
    );
    expect(seen).toEqual([]);
  });

  describe('offline', () => {
    const entity = join(dir, 'catalog-info.yaml');
    writeFileSync(
      entity,
      `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,PCI_DSS,Svenska_Betaltjänstlagen"
    squad-insights.io/terraform-state: "demo:payment-processing/terraform.tfstate"
    squad-insights.io/criticality: critical
spec: { type: service, owner: group:default/payments-squad }
`,
    );
    const state = resolve(
      repoRoot,
      'demo/terraform/payment-processing/terraform.tfstate',
    );

    it('judges the files, says that reviews are unknown, and denies the demo failure', async () => {
      const res = await cli(
        ['--entity', entity, '--state', state, '--environment', 'production'],
        {},
      );
      expect(res.code).toBe(1);
      expect(res.stdout).toMatch(
        /^note: offline: .*reviews, waivers and attestations are not known/,
      );
      expect(res.stdout).toContain(
        'x logging.log-retention (high) fails without a waiver',
      );
      expect(res.stdout).toContain('- reviews are not known offline');
    });

    it('exits 2 for an environment the policy does not gate', async () => {
      const res = await cli(
        ['--entity', entity, '--state', state, '--environment', 'prod'],
        {},
      );
      expect(res).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          '"prod" is not gated by the policy; known: production, staging',
        ),
      });
    });
  });
});
