import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { templatePlan } from '../terraform/parse/__testUtils__/plans';
import {
  expectNoCanary,
  secretState,
} from '../terraform/parse/__testUtils__/secretState';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const main = resolve(__dirname, 'main.ts');
const stateOf = (service: string) =>
  resolve(repoRoot, `demo/terraform/${service}/terraform.tfstate`);
const RDS = 'module.database.aws_db_instance.this';

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [main, ...args], {
      cwd: repoRoot,
      maxBuffer: 16 << 20,
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

function tempFile(name: string, text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'si-cli-check-')), name);
  writeFileSync(file, text);
  return file;
}

// The annotations of demo/catalog/services.yaml.
const RIGHTS_LEDGER = tempFile(
  'catalog-info.yaml',
  `apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: rights-platform }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: rights-ledger
  annotations:
    squad-insights.io/business-capability: "Rights Management"
    squad-insights.io/data-classification: internal
    squad-insights.io/compliance-requirements: "Copyright_Law,Music_Rights"
    squad-insights.io/terraform-state: "demo:rights-ledger/terraform.tfstate"
    squad-insights.io/consul-service: rights-ledger
    squad-insights.io/criticality: medium
spec: { type: service, owner: group:default/rights-squad }
`,
);
const PAYMENTS = tempFile(
  'catalog-info.yaml',
  `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,PCI_DSS,Svenska_Betaltjänstlagen"
    squad-insights.io/terraform-state: "demo:payment-processing/terraform.tfstate"
    squad-insights.io/consul-service: payment-processing
    squad-insights.io/criticality: critical
spec: { type: service, owner: group:default/payments-squad }
`,
);
const USER_IDENTITY = tempFile(
  'catalog-info.yaml',
  `kind: Component
metadata:
  name: user-identity
  annotations:
    squad-insights.io/data-classification: personal
    squad-insights.io/compliance-requirements: "GDPR"
    squad-insights.io/terraform-state: "demo:user-identity/terraform.tfstate"
    squad-insights.io/consul-service: user-identity
    squad-insights.io/criticality: critical
spec: { type: service, owner: group:default/identity-squad }
`,
);
// As the squad microservice template writes it for the service of templatePlan().
const ROYALTY_STATEMENTS = tempFile(
  'catalog-info.yaml',
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: royalty-statements
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,PCI_DSS"
    squad-insights.io/terraform-state: "squad-infra:royalty-statements-infra/terraform.tfstate"
    squad-insights.io/criticality: high
spec: { type: service, lifecycle: production, owner: group:default/payments-squad }
`,
);
const planFile = (options?: Parameters<typeof templatePlan>[0]) =>
  tempFile('plan.json', JSON.stringify(templatePlan(options)));
const rightsLedger = (...args: string[]) =>
  cli(
    'check',
    '--state',
    stateOf('rights-ledger'),
    '--entity',
    RIGHTS_LEDGER,
    ...args,
  );

describe('squad-insights check', () => {
  jest.setTimeout(60_000);

  it('reports the unencrypted rights-ledger database as JSON', async () => {
    const { code, stdout, stderr } = await rightsLedger('--format', 'json');
    expect(stderr).toBe('');
    // encryption.rds-storage is `severity: critical` in default-policy.yaml.
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const rds = out.results.find(
      (r: any) => r.checkId === 'encryption.rds-storage',
    );
    expect(rds).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(rds.frameworks).toContain('baseline');
    expect(rds.evidence).toEqual([
      expect.objectContaining({
        address: RDS,
        attribute: 'storage_encrypted',
        actual: false,
        source: 'demo:rights-ledger/terraform.tfstate',
      }),
    ]);
    // The state file stands for the declared reference, so nothing is unknown for lack of it.
    expect(
      out.results
        .filter((r: any) => r.status === 'fail')
        .map((r: any) => r.checkId),
    ).toEqual(['encryption.rds-storage']);
    expect(
      out.results.find((r: any) => r.checkId === 'runtime.consul-healthy')
        .status,
    ).toBe('unknown');
    expect(out.scores.service.failed).toBe(1);
  });

  it('gates on --fail-on: the critical failure fails every threshold, a downgraded one only some', async () => {
    expect((await rightsLedger('--fail-on', 'high')).code).toBe(1);
    expect((await rightsLedger('--fail-on', 'critical')).code).toBe(1);
    const policy = tempFile(
      'policy.yaml',
      'kind: CompliancePolicyOverride\nchecks:\n  - { id: encryption.rds-storage, severity: high }\n',
    );
    expect(
      (await rightsLedger('--policy', policy, '--fail-on', 'high')).code,
    ).toBe(1);
    const below = await rightsLedger(
      '--policy',
      policy,
      '--fail-on',
      'critical',
    );
    expect(below.code).toBe(0);
    expect(below.stdout).toMatch(/fail +high +encryption\.rds-storage/);
  });

  it('writes SARIF 2.1.0 with the resource as logical location', async () => {
    const { stdout } = await rightsLedger('--format', 'sarif');
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif/);
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((r: any) => r.id)).toContain(
      'encryption.rds-storage',
    );
    const result = run0.results.find(
      (r: any) => r.ruleId === 'encryption.rds-storage',
    );
    expect(result.level).toBe('error');
    expect(result.message.text).toContain('storage_encrypted');
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      RDS,
    );
  });

  it('writes a JUnit testsuite with one testcase per check', async () => {
    const { stdout } = await rightsLedger('--format', 'junit');
    expect(stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /,
    );
    expect(stdout).toContain('<testsuite name="squad-insights.rights-ledger"');
    expect(stdout.match(/<failure /g)).toHaveLength(1);
    expect(stdout).toMatch(
      /name="encryption\.rds-storage: [^"]*">\n +<failure message="critical: /,
    );
    const tests = Number(/<testsuite [^>]*tests="(\d+)"/.exec(stdout)![1]);
    expect(stdout.match(/<testcase /g)).toHaveLength(tests);
    // Nothing unescaped: every & starts an entity.
    expect(stdout).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });

  it('passes a compliant service at --fail-on high and prints a table', async () => {
    // user-identity has no deliberate deviation (demo/terraform/README.md).
    const { code, stdout, stderr } = await cli(
      'check',
      '--state',
      stateOf('user-identity'),
      '--entity',
      USER_IDENTITY,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^user-identity: /);
    expect(stdout).not.toMatch(/^fail /m);
    expect(stdout).toMatch(/\nscore 100\.0% +passed \d+ +failed 0 /);
  });

  it('fails payment-processing on its deliberately short audit-log retention', async () => {
    const { code, stdout } = await cli(
      'check',
      '--state',
      stateOf('payment-processing'),
      '--entity',
      PAYMENTS,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^fail .*logging\.log-retention/m);
    expect(stdout).toContain(
      'module.database.aws_cloudwatch_log_group.postgresql',
    );
  });

  it('judges a plan by what it would leave behind, as the declared state', async () => {
    const { code, stdout, stderr } = await cli(
      'check',
      '--plan',
      planFile(),
      '--entity',
      ROYALTY_STATEMENTS,
      '--tribe',
      'commerce-tribe',
      '--organization',
      'Acme Music AB',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    const result = (id: string) =>
      out.results.find((r: any) => r.checkId === id);
    // Every resource is placed, the DR copies in the backup region, and that is allowed.
    expect(result('residency.eu-regions').status).toBe('pass');
    // The buckets' encryption, public access block and logging are separate resources whose
    // `bucket` is unknown until apply; the plan's configuration links them all the same.
    expect(result('encryption.s3-default').status).toBe('pass');
    expect(result('exposure.s3-public-access-block').status).toBe('pass');
    expect(result('logging.s3-access-logs').status).toBe('pass');
    expect(result('encryption.kms-rotation').status).toBe('pass');
    // The plan stands for the declared state: only Consul, not read here, and the controls a
    // reviewer attests in the portal (GDPR erasure, export, anonymisation) leave checks unknown.
    const unknown = out.results.filter((r: any) => r.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(
      unknown.filter(
        (r: any) =>
          r.reason !== 'Consul was not read for this service' &&
          r.reason !== 'awaiting attestation by a reviewer',
      ),
    ).toEqual([]);
    expect(
      unknown
        .filter((r: any) => r.reason === 'awaiting attestation by a reviewer')
        .map((r: any) => r.checkId)
        .sort(),
    ).toEqual([
      'gdpr.anonymisation-after-retention',
      'gdpr.erasure',
      'gdpr.portability',
    ]);
    expect(out.results.filter((r: any) => r.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails a plan that would put the backups outside the EU, with the planned resource as evidence', async () => {
    const { code, stdout } = await cli(
      'check',
      '--plan',
      planFile({ backupRegion: 'eu-west-2' }),
      '--entity',
      ROYALTY_STATEMENTS,
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const residency = JSON.parse(stdout).results.find(
      (r: any) => r.checkId === 'residency.eu-regions',
    );
    expect(residency.status).toBe('fail');
    expect(residency.evidence).toContainEqual(
      expect.objectContaining({
        source: 'squad-infra:royalty-statements-infra/terraform.tfstate',
        address: 'module.service.module.backup.aws_s3_bucket.this',
        attribute: 'region',
        actual: 'eu-west-2',
      }),
    );
    expect(residency.evidence.map((e: any) => e.address)).not.toContain(
      'module.service.module.data.aws_s3_bucket.this',
    );
  });

  it('leaks no secret of the state into JSON, SARIF, JUnit or the table, nor state inspect', async () => {
    const state = tempFile('terraform.tfstate', JSON.stringify(secretState()));
    const runs = await Promise.all(
      ['json', 'sarif', 'junit', 'table'].map(format =>
        cli(
          'check',
          '--state',
          state,
          '--entity',
          PAYMENTS,
          '--format',
          format,
        ),
      ),
    );
    for (const { stdout, stderr } of runs) {
      expect(stdout.length).toBeGreaterThan(100);
      expectNoCanary(stdout + stderr);
    }
    const inspected = await cli('state', 'inspect', state);
    expect(inspected.stdout).toContain('aws_ecs_task_definition');
    expectNoCanary(inspected.stdout + inspected.stderr);
  });

  it.each([
    ['neither --state nor --plan', [], /^squad-insights: --state or --plan: /],
    [
      'a state given as --plan',
      ['--plan', 'STATE'],
      /^squad-insights: Terraform state plan:\S+ is valid JSON but not a Terraform state \(a plan is needed: the output of terraform show -json <planfile>/,
    ],
    [
      'a missing plan',
      ['--plan', 'nope.json'],
      /^squad-insights: nope\.json: no such file\n$/,
    ],
  ])('fails on %s with one line and exit 1', async (_name, args, message) => {
    const { code, stdout, stderr } = await cli(
      'check',
      '--entity',
      ROYALTY_STATEMENTS,
      ...args.map(a => (a === 'STATE' ? stateOf('rights-ledger') : a)),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it.each([
    [
      'a bad policy file',
      ['--policy', 'BAD'],
      /^squad-insights: \S+policy\.yaml:3:\d+: checks\[0\] \(encryption\.rds-storage\)\.severity: .*\n$/,
    ],
    [
      'a missing policy file',
      ['--policy', 'nope.yaml'],
      /^squad-insights: nope\.yaml: no such file\n$/,
    ],
    [
      'a bad --fail-on',
      ['--fail-on', 'severe'],
      /^squad-insights: --fail-on: "severe" is not one of low, medium, high, critical\n$/,
    ],
    [
      'a bad --format',
      ['--format', 'xml'],
      /^squad-insights: --format: "xml" is not one of /,
    ],
    [
      'an unreachable Consul',
      ['--consul', 'http://127.0.0.1:9'],
      /^squad-insights: consul http:\/\/127\.0\.0\.1:9: .*\n$/,
    ],
  ])('fails on %s with one line and exit 1', async (_name, args, message) => {
    const bad = tempFile(
      'policy.yaml',
      'kind: CompliancePolicyOverride\nchecks:\n  - { id: encryption.rds-storage, severity: urgent }\n',
    );
    const { code, stdout, stderr } = await rightsLedger(
      ...args.map(a => (a === 'BAD' ? bad : a)),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
