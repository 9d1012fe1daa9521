import { defaultPolicy } from './defaultPolicy';
import { evaluate } from './evaluate';
import type { EvaluationInput } from './results';
import { mergePolicy } from './mergePolicy';
import { PolicyLoadError } from './problems';
import { demo, demoProfile, edit, inventoryOf } from './__testUtils__/service';

const PP = 'payment-processing';
const db = () => demo(PP, 'module.database.aws_rds_cluster.this');
const input = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  ...demoProfile(PP),
  inventories: [
    { reference: 'test:service', inventory: inventoryOf([db()], 42) },
  ],
  ...over,
});
const check = (r: ReturnType<typeof evaluate>, id: string) =>
  r.checks.find(c => c.checkId === id)!;

describe('evaluate: sources', () => {
  it('is unknown, with the reason, when no state was read or it is stale', () => {
    const none = evaluate(defaultPolicy(), input({ inventories: [] }));
    expect(check(none, 'encryption.rds-storage')).toMatchObject({
      status: 'unknown',
      reason: 'state test:service was not read',
    });
    const stale = evaluate(
      defaultPolicy(),
      input({
        inventories: [
          {
            reference: 'test:service',
            inventory: inventoryOf([db()]),
            stale: true,
          },
        ],
      }),
    );
    expect(check(stale, 'encryption.rds-storage')).toMatchObject({
      status: 'unknown',
      reason: 'state test:service is stale',
    });
  });

  it('keeps a failure seen in a fresh state when another state is stale', () => {
    const bad = edit(db(), a => (a.storage_encrypted = false));
    const r = evaluate(
      defaultPolicy(),
      input({
        profile: { ...demoProfile(PP).profile, terraformStates: ['a', 'b'] },
        inventories: [
          { reference: 'a', inventory: inventoryOf([bad]) },
          { reference: 'b', inventory: inventoryOf([db()]), stale: true },
        ],
      }),
    );
    expect(check(r, 'encryption.rds-storage')).toMatchObject({
      status: 'fail',
      reason: 'state b is stale',
    });
    expect(check(r, 'logging.rds-log-exports')).toMatchObject({
      status: 'unknown',
      reason: 'state b is stale',
    });
  });

  it('is unknown for Consul checks when Consul was not read or is stale', () => {
    expect(
      check(evaluate(defaultPolicy(), input()), 'runtime.consul-healthy'),
    ).toMatchObject({
      status: 'unknown',
      reason: 'Consul was not read for this service',
    });
    expect(
      check(
        evaluate(defaultPolicy(), input({ consul: { stale: true } })),
        'runtime.consul-registered',
      ),
    ).toMatchObject({ status: 'unknown', reason: 'the Consul view is stale' });
  });

  it('carries serial and Consul index into evidence', () => {
    const r = evaluate(
      defaultPolicy(),
      input({
        inventories: [
          {
            reference: 'test:service',
            inventory: inventoryOf(
              [edit(db(), a => (a.storage_encrypted = false))],
              42,
            ),
          },
        ],
      }),
    );
    expect(check(r, 'encryption.rds-storage').evidence).toEqual([
      {
        source: 'test:service',
        address: 'module.database.aws_rds_cluster.this',
        attribute: 'storage_encrypted',
        actual: false,
        expected: '= true',
        serial: 42,
      },
    ]);
    const c = evaluate(
      defaultPolicy(),
      input({ consul: { view: undefined, index: 99 } }),
    );
    expect(check(c, 'runtime.consul-registered').evidence[0]).toMatchObject({
      source: 'consul',
      consulIndex: 99,
      actual: false,
    });
  });

  it('is unknown when the catalog names no squad, or a parameter is not set for the service', () => {
    const r = evaluate(
      defaultPolicy(),
      input({
        ownership: {},
        profile: { ...demoProfile(PP).profile, dataClassification: undefined },
      }),
    );
    expect(check(r, 'ownership.team-tag')).toMatchObject({
      status: 'unknown',
      reason: 'the catalog names no squad for this service',
    });
    expect(check(r, 'tagging.classification-matches-catalog')).toMatchObject({
      status: 'unknown',
      reason: 'parameter dataClassification is not set for this service',
    });
  });

  it('says why a check does not apply', () => {
    const r = evaluate(
      defaultPolicy(),
      input({ ...demoProfile('podcast-ingest') }),
    );
    expect(check(r, 'streams.customer-data-max-retention')).toMatchObject({
      status: 'not-applicable',
      reason: 'none of its frameworks applies (GDPR)',
    });
    expect(check(r, 'encryption.ebs')).toMatchObject({
      status: 'not-applicable',
      reason: 'nothing of this kind in the service',
    });
  });

  it('collects evidence of passes on request', () => {
    const r = evaluate(defaultPolicy(), input({ evidence: 'all' }));
    expect(check(r, 'encryption.rds-storage')).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ actual: true })],
    });
  });
});

describe('evaluate: waivers and scores', () => {
  const failing = input({
    inventories: [
      {
        reference: 'test:service',
        inventory: inventoryOf([
          edit(db(), a => (a.storage_encrypted = false)),
        ]),
      },
    ],
  });
  const now = new Date('2025-06-01T00:00:00Z');

  it('reports a waived failure separately, until the waiver expires', () => {
    const waivers = [
      {
        checkId: 'encryption.rds-storage',
        expiresAt: '2025-07-01T00:00:00Z',
        reason: 'migration RISK-12',
      },
    ];
    const waived = evaluate(defaultPolicy(), { ...failing, waivers, now });
    expect(check(waived, 'encryption.rds-storage')).toMatchObject({
      status: 'fail',
      waiver: {
        expiresAt: '2025-07-01T00:00:00.000Z',
        reason: 'migration RISK-12',
      },
    });
    const expired = evaluate(defaultPolicy(), {
      ...failing,
      waivers,
      now: new Date('2025-07-02T00:00:00Z'),
    });
    expect(check(expired, 'encryption.rds-storage').waiver).toBeUndefined();
    expect(waived.score).toMatchObject({
      failed: expired.score.failed - 1,
      waived: 1,
    });
    expect(expired.score.waived).toBe(0);
    expect(waived.score.score!).toBeGreaterThan(expired.score.score!);
  });

  it('scores passed / (passed + failed), weighted by severity, per framework and service', () => {
    const r = evaluate(defaultPolicy(), failing);
    const w = defaultPolicy().scoring.severityWeights;
    const sum = (status: string, fw?: string) =>
      r.checks
        .filter(c => c.status === status && (!fw || c.frameworks.includes(fw)))
        .reduce((n, c) => n + w[c.severity], 0);
    expect(r.score.score).toBeCloseTo(
      sum('pass') / (sum('pass') + sum('fail')),
    );
    const pci = r.frameworks.find(f => f.id === 'PCI_DSS')!;
    expect(pci.score.score).toBeCloseTo(
      sum('pass', 'PCI_DSS') /
        (sum('pass', 'PCI_DSS') + sum('fail', 'PCI_DSS')),
    );
    expect(r.frameworks.find(f => f.id === 'Music_Rights')!.score).toEqual({
      score: null,
      passed: 0,
      failed: 0,
      waived: 0,
      unknown: 0,
      notApplicable: 0,
    });
  });

  it('counts one critical pass against one low failure as 27/28 with the default weights', () => {
    const only = (ids: string[]) =>
      mergePolicy(defaultPolicy(), {
        checks: defaultPolicy()
          .checks.filter(c => !ids.includes(c.id))
          .map(c => ({ id: c.id, enabled: false })),
      });
    const policy = mergePolicy(
      only(['encryption.rds-storage', 'backup.rds-retention']),
      { checks: [{ id: 'backup.rds-retention', severity: 'low' }] },
    );
    const r = evaluate(
      policy,
      input({
        inventories: [
          {
            reference: 'test:service',
            inventory: inventoryOf([
              edit(db(), a => (a.backup_retention_period = 0)),
            ]),
          },
        ],
      }),
    );
    expect(r.checks.map(c => [c.checkId, c.status])).toEqual([
      ['encryption.rds-storage', 'pass'],
      ['backup.rds-retention', 'fail'],
    ]);
    expect(r.score.score).toBeCloseTo(27 / 28);
  });

  it('rejects an invalid override from app-config', () => {
    expect(() =>
      mergePolicy(
        defaultPolicy(),
        { checks: [{ id: 'encryption.ebs', severity: 'severe' }] },
        { fileName: 'app-config.yaml' },
      ),
    ).toThrow(PolicyLoadError);
    expect(() =>
      mergePolicy(defaultPolicy(), {
        checks: [{ id: 'encryption.ebs', severity: 'severe' }],
      }),
    ).toThrow(/policy override: checks\[0\] \(encryption.ebs\)\.severity/);
  });
});
