import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/*
 * An estate tagged exactly as the design document's module does it (Squad = "Payments Squad",
 * Tribe = "Platform Services", …), judged by the CLI against a catalog that knows the groups by
 * their entity names and titles.
 */

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const main = resolve(__dirname, 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'si-cli-seed-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const SEED_TAGS = {
  Squad: 'Payments Squad',
  Tribe: 'Platform Services',
  Chapter: 'Backend Engineering',
  Guild: 'Security Engineering',
  BusinessCapability: 'Subscription and Payment Processing',
  DataClassification: 'financial',
  ComplianceRequirements: 'GDPR,PCI_DSS,Svenska_Betaltjänstlagen',
  Country: 'Sweden',
  Organization: 'Spotify AB',
  Environment: 'production',
  ManagedBy: 'Terraform',
};

/** A format-4 state of a few resources the module creates, tagged by provider default_tags. */
function state(tags: Record<string, string>) {
  const resource = (type: string, name: string, attributes: object) => ({
    module: 'module.squad_microservice["payment-processing"]',
    mode: 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 0,
        attributes: { ...attributes, tags, tags_all: tags },
        sensitive_attributes: [],
      },
    ],
  });
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial: 12,
    lineage: '5f0b8f9c-7c37-4f3e-9a55-0c1b2d3e4f50',
    outputs: {},
    resources: [
      resource('aws_sqs_queue', 'events', {
        arn: 'arn:aws:sqs:eu-north-1:111122223333:payment-processing-events',
        name: 'payment-processing-events',
        sqs_managed_sse_enabled: true,
      }),
      resource('aws_cloudwatch_log_group', 'this', {
        arn: 'arn:aws:logs:eu-north-1:111122223333:log-group:/ecs/payment-processing',
        name: '/ecs/payment-processing',
        retention_in_days: 2557,
      }),
      resource('aws_ecr_repository', 'this', {
        arn: 'arn:aws:ecr:eu-north-1:111122223333:repository/payment-processing',
        name: 'payment-processing',
      }),
    ],
    check_results: null,
  });
}

const ENTITY = file(
  'catalog-info.yaml',
  `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,PCI_DSS,Svenska_Betaltjänstlagen"
    squad-insights.io/chapter: "Backend Engineering"
    squad-insights.io/guild: security-engineering-guild
    squad-insights.io/terraform-state: "states:payment-processing/terraform.tfstate"
spec: { type: service, owner: group:payments-squad }
`,
);
const ORG = file(
  'org.yaml',
  `kind: Group
metadata: { name: platform-services-tribe, title: Platform Services }
spec: { type: tribe, children: [] }
---
kind: Group
metadata: { name: payments-squad, title: Payments Squad }
spec: { type: squad, parent: platform-services-tribe, children: [] }
---
kind: Group
metadata: { name: fraud-squad }
spec: { type: squad, parent: platform-services-tribe, profile: { displayName: Fraud Squad }, children: [] }
---
kind: Group
metadata: { name: backend-engineering-chapter }
spec: { type: chapter, profile: { displayName: Backend Engineering }, children: [] }
---
kind: Group
metadata: { name: security-engineering-guild }
spec: { type: guild, profile: { displayName: Security Engineering }, children: [] }
`,
);

async function check(tags: Record<string, string>, ...extra: string[]) {
  const stateFile = file(
    `state-${Object.values(tags).join('').length}-${extra.length}.tfstate`,
    state(tags),
  );
  try {
    const { stdout } = await run(
      tsx,
      [
        main,
        'check',
        '--state',
        stateFile,
        '--entity',
        ENTITY,
        '--format',
        'json',
        '--fail-on',
        'critical',
        ...extra,
      ],
      { cwd: repoRoot, maxBuffer: 16 << 20 },
    );
    return JSON.parse(stdout).results as any[];
  } catch (e: any) {
    if (e.stdout) return JSON.parse(e.stdout).results as any[];
    throw e;
  }
}

const TAGGING = /^(tagging|ownership)\./;

describe('check on an estate tagged as the design document prescribes', () => {
  it('reports no tagging or ownership failure when the tribe is given by its title', async () => {
    const results = await check(
      SEED_TAGS,
      '--tribe',
      'Platform Services',
      '--organization',
      'Spotify AB',
    );
    const tagging = results.filter(r => TAGGING.test(r.checkId));
    expect(tagging.map(r => r.checkId)).toEqual(
      expect.arrayContaining([
        'tagging.required-tags',
        'ownership.team-tag',
        'ownership.tribe-tag',
      ]),
    );
    expect(tagging.filter(r => r.status !== 'pass')).toEqual([]);
  }, 60_000);

  it('reads the tribe, chapter and guild from --catalog files', async () => {
    const results = await check(
      SEED_TAGS,
      '--catalog',
      ORG,
      '--organization',
      'Spotify AB',
    );
    const tagging = results.filter(r => TAGGING.test(r.checkId));
    expect(tagging.filter(r => r.status !== 'pass')).toEqual([]);
    expect(
      results.find(r => r.checkId === 'ownership.chapter-tag').status,
    ).toBe('pass');
  }, 60_000);

  it('fails ownership.team-tag on every resource of a squad that does not own the service', async () => {
    const results = await check(
      { ...SEED_TAGS, Squad: 'Fraud Squad' },
      '--catalog',
      ORG,
      '--organization',
      'Spotify AB',
    );
    const team = results.find(r => r.checkId === 'ownership.team-tag');
    expect(team.status).toBe('fail');
    expect(team.evidence).toHaveLength(3);
    for (const e of team.evidence) {
      expect(e.actual).toBe('Fraud Squad');
      expect(e.note).toContain(
        'ownership drift (names group:default/fraud-squad)',
      );
      expect(e.note).toContain('"Payments Squad"');
    }
    // Nothing else about tags or ownership fails.
    expect(
      results
        .filter(r => TAGGING.test(r.checkId) && r.status === 'fail')
        .map(r => r.checkId),
    ).toEqual(['ownership.team-tag']);
  }, 60_000);

  it('says "no such squad" for a name the catalog does not know, and empty tags are named', async () => {
    const results = await check(
      { ...SEED_TAGS, Squad: 'Quantum Squad', Country: '' },
      '--catalog',
      ORG,
      '--organization',
      'Spotify AB',
    );
    const team = results.find(r => r.checkId === 'ownership.team-tag');
    expect(team.evidence[0].note).toMatch(/^no such squad in the catalog/);
    const required = results.find(r => r.checkId === 'tagging.required-tags');
    expect(required.status).toBe('fail');
    expect(required.evidence[0]).toMatchObject({
      attribute: 'tags.Country',
      note: 'required tag is present but empty',
    });
  }, 60_000);

  it('judges a framework an override file adds, without a code change', async () => {
    const policy = file(
      'fi-fffs.yaml',
      `kind: CompliancePolicyOverride
frameworks:
  - id: FI_FFFS
    title: Finansinspektionens föreskrifter (FFFS 2014:5)
    appliesWhen: { requirements: [FI_FFFS] }
    controls:
      - { id: 2014-5, title: Information security and operations }
checks:
  - id: fi-fffs.queues-encrypted
    title: Queues are encrypted at rest
    rationale: FFFS 2014:5 asks for protection of information in every system.
    severity: high
    controls: [FI_FFFS/2014-5]
    remediation: Set sqs_managed_sse_enabled or a KMS key.
    appliesTo: [aws_sqs_queue]
    rule: { attribute: sqs_managed_sse_enabled, equals: true }
`,
    );
    const entity = file(
      'fi-entity.yaml',
      `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,fi-fffs"
    squad-insights.io/terraform-state: "states:payment-processing/terraform.tfstate"
spec: { type: service, owner: group:payments-squad }
`,
    );
    const stateFile = file('fi.tfstate', state(SEED_TAGS));
    const { stdout, stderr } = await run(
      tsx,
      [
        main,
        'check',
        '--state',
        stateFile,
        '--entity',
        entity,
        '--policy',
        policy,
        '--format',
        'json',
        '--fail-on',
        'critical',
      ],
      { cwd: repoRoot, maxBuffer: 16 << 20 },
    ).catch((e: any) => e);
    // "fi-fffs" is FI_FFFS as a person writes it: no warning about an unknown requirement.
    expect(stderr).not.toContain('unknown compliance requirement');
    const report = JSON.parse(stdout);
    expect(report.scores.frameworks.FI_FFFS.applies).toBe(true);
    expect(
      report.results.find((r: any) => r.checkId === 'fi-fffs.queues-encrypted')
        .status,
    ).toBe('pass');

    const unknown = file(
      'unknown-entity.yaml',
      `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/compliance-requirements: "GDPR,HIPAA"
spec: { type: service, owner: group:payments-squad }
`,
    );
    const res = await run(
      tsx,
      [
        main,
        'check',
        '--state',
        stateFile,
        '--entity',
        unknown,
        '--format',
        'json',
      ],
      {
        cwd: repoRoot,
        maxBuffer: 16 << 20,
      },
    ).catch((e: any) => e);
    expect(res.stderr).toContain(
      'unknown compliance requirement "HIPAA"; the compliance policy defines GDPR, PCI_DSS',
    );
  }, 60_000);

  it('takes one module instance of a state the squad services share', async () => {
    const fixtures = resolve(__dirname, '../conformance/__fixtures__');
    const entity = (ref: string) =>
      file(
        `shared-${ref.length}.yaml`,
        `kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: financial
    squad-insights.io/compliance-requirements: "GDPR,PCI_DSS,Svenska_Betaltjänstlagen"
    squad-insights.io/chapter: backend-engineering-chapter
    squad-insights.io/guild: security-engineering-guild
    squad-insights.io/terraform-state: '${ref}'
spec: { type: service, owner: group:default/payments-squad }
`,
      );
    const judge = async (ref: string) => {
      const res = await run(
        tsx,
        [
          main,
          'check',
          '--state',
          join(fixtures, 'squad-services.tfstate'),
          '--entity',
          entity(ref),
          '--catalog',
          join(fixtures, 'catalog.yaml'),
          '--organization',
          'Spotify AB',
          '--format',
          'json',
        ],
        { cwd: repoRoot, maxBuffer: 16 << 20 },
      ).catch((e: any) => e);
      return JSON.parse(res.stdout).results as any[];
    };
    const own = await judge(
      'seed:squad-services.tfstate#module.squad_microservice["payment-processing"]',
    );
    expect(
      own.filter(r => TAGGING.test(r.checkId) && r.status !== 'pass'),
    ).toEqual([]);
    // The whole state would make the other squads' resources this service's: drift everywhere.
    const whole = await judge('seed:squad-services.tfstate');
    const team = whole.find(r => r.checkId === 'ownership.team-tag');
    expect(team.status).toBe('fail');
    expect(new Set(team.evidence.map((e: any) => e.actual))).toEqual(
      new Set(['Discovery Squad', 'Playlist Squad']),
    );
  }, 60_000);
});
