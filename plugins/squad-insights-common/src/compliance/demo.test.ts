import { evaluate } from './evaluate';
import {
  demoConsulViews,
  demoGroups,
  demoPolicy,
  demoServices,
} from './__testUtils__/demo';

/**
 * The deliberate deviations of demo/terraform/README.md ("Deliberately out of line"): check id →
 * the addresses the evidence must name. Everything else in the demo states is compliant.
 */
const DELIBERATE: Record<string, Record<string, string[]>> = {
  'podcast-ingest': {
    'residency.eu-regions': [
      'module.storage.aws_s3_bucket.media',
      'module.storage.aws_s3_bucket.media_access_logs',
      'aws_kms_key.media_us',
      'aws_kms_alias.media_us',
    ],
  },
  'rights-ledger': {
    'encryption.rds-storage': ['module.database.aws_db_instance.this'],
  },
  'playlist-collaboration': {
    'tagging.required-tags': ['module.storage.aws_s3_bucket.data'],
  },
  'recommendation-engine': {
    'ownership.team-tag': [
      'module.database.aws_dynamodb_table.mixes',
      'module.service.aws_ecs_service.this',
      'module.service.aws_ecs_task_definition.this',
    ],
  },
  'payment-processing': {
    'logging.log-retention': [
      'module.database.aws_cloudwatch_log_group.postgresql',
    ],
  },
  'subscription-billing': {
    'streams.record-retention': [
      'module.kafka.kafka_topic.this["compliance-events"]',
    ],
    'logging.log-retention': ['module.service.aws_cloudwatch_log_group.this'],
  },
  'platform-gateway': {
    'transit.lb-listeners': [
      'module.service.aws_lb_listener.http',
      'module.service.aws_lb_listener.https',
    ],
  },
};

const SEVERE = ['high', 'critical'];
const services = demoServices();
// As the demo portal judges: organization.name from app-config, the catalog's groups known.
const policy = demoPolicy();
const groups = demoGroups();

describe('the demo Terraform states', () => {
  it('covers the ten demo services', () => {
    expect(services.map(s => s.name).sort()).toHaveLength(10);
  });

  it.each(services.map(s => [s.name, s] as const))(
    '%s: finds the deliberate deviations, nothing else',
    (name, service) => {
      const result = evaluate(policy, {
        ...service,
        groups,
        consul: undefined,
      });
      const failing = result.checks.filter(c => c.status === 'fail');
      const expected = DELIBERATE[name] ?? {};

      for (const [checkId, addresses] of Object.entries(expected)) {
        const check = failing.find(c => c.checkId === checkId);
        expect(check).toBeDefined();
        expect(
          [...new Set(check!.evidence.map(e => e.address))].sort(),
        ).toEqual([...addresses].sort());
        for (const e of check!.evidence) {
          expect(e.source).toBe(service.inventories[0].reference);
          expect(e.serial).toBe(service.inventories[0].inventory.serial);
        }
      }
      // Nothing else of high or critical severity; in fact nothing else at all.
      expect(
        failing.filter(
          c => !expected[c.checkId] && SEVERE.includes(c.severity),
        ),
      ).toEqual([]);
      expect(failing.map(c => c.checkId).sort()).toEqual(
        Object.keys(expected).sort(),
      );
      // Without a Consul view, runtime checks are unknown, not failed.
      for (const c of result.checks.filter(x =>
        x.checkId.startsWith('runtime.'),
      ))
        expect(c.status).toMatch(/unknown|not-applicable/);
    },
  );

  it('names the right evidence for the two subscription-billing retention findings', () => {
    const billing = services.find(s => s.name === 'subscription-billing')!;
    const result = evaluate(policy, billing);
    const topic = result.checks.find(
      c => c.checkId === 'streams.record-retention',
    )!;
    expect(topic.evidence).toContainEqual(
      expect.objectContaining({
        attribute: 'config["retention.ms"]',
        actual: '31556952000',
        expected: expect.stringContaining('recordRetentionMinMs'),
      }),
    );
    const logs = result.checks.find(
      c => c.checkId === 'logging.log-retention',
    )!;
    expect(logs.evidence).toContainEqual(
      expect.objectContaining({
        attribute: 'retention_in_days',
        actual: 365,
        expected: '>= 2557 (recordRetentionDays)',
      }),
    );
  });

  it('marks the payment-processing audit log finding as one requirement with two alternatives', () => {
    const payments = services.find(s => s.name === 'payment-processing')!;
    const result = evaluate(policy, payments);
    const logs = result.checks.find(
      c => c.checkId === 'logging.log-retention',
    )!;
    expect(logs.status).toBe('fail');
    expect(logs.evidence).toEqual([
      expect.objectContaining({
        address: 'module.database.aws_cloudwatch_log_group.postgresql',
        attribute: 'retention_in_days',
        actual: 90,
        expected: '>= 2557 (recordRetentionDays)',
        alternativeGroup: expect.any(Number),
      }),
      expect.objectContaining({
        address: 'module.database.aws_cloudwatch_log_group.postgresql',
        attribute: 'retention_in_days',
        actual: 90,
        expected: '= 0',
      }),
    ]);
    expect(logs.evidence[1].alternativeGroup).toBe(
      logs.evidence[0].alternativeGroup,
    );
    // A requirement without alternatives stands alone.
    const unencrypted = evaluate(policy, {
      ...services.find(s => s.name === 'rights-ledger')!,
      consul: undefined,
    }).checks.find(c => c.checkId === 'encryption.rds-storage')!;
    expect(unencrypted.evidence.length).toBeGreaterThan(0);
    for (const e of unencrypted.evidence)
      expect(e.alternativeGroup).toBeUndefined();
  });
});

describe('the demo Consul registrations', () => {
  const views = demoConsulViews();
  const runtimeFailures = (name: string) => {
    const service = services.find(s => s.name === name)!;
    const result = evaluate(policy, {
      ...service,
      consul: { view: views.get(name), index: 1207 },
    });
    return result.checks.filter(
      c =>
        c.status === 'fail' &&
        (c.checkId.startsWith('runtime.') ||
          c.checkId === 'transit.consul-mesh'),
    );
  };

  it.each([
    ['music-discovery', ['runtime.consul-healthy']],
    ['rights-ledger', ['runtime.consul-healthy']],
    ['recommendation-engine', ['runtime.consul-owner']],
    ['podcast-ingest', ['runtime.consul-registered']],
    // Not one of the demo's listed oddities, but the policy asks for the mesh for personal data.
    ['user-identity', ['transit.consul-mesh']],
    ['payment-processing', []],
    ['subscription-billing', []],
    ['playlist-management', []],
    ['playlist-collaboration', []],
    ['platform-gateway', []],
  ])('%s fails %j', (name, expected) => {
    const failing = runtimeFailures(name);
    expect(failing.map(c => c.checkId).sort()).toEqual(expected);
    for (const e of failing.flatMap(c => c.evidence))
      expect(e).toMatchObject({ source: 'consul', consulIndex: 1207 });
  });
});
