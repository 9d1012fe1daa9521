/*
 * Conformance with the design document: its services, built as its Terraform examples say
 * (the squad services map, the Swedish financial messaging stack, the Klarna-style payment
 * service), get no failing check; each deliberate deviation fails exactly the check about it,
 * naming the resource; and old state formats and `terraform show -json` get the same verdicts.
 */
import type { ComplianceEvaluation } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  instanceAddress,
  toFormat3,
  toShowJson,
} from './__testUtils__/formats';
import {
  evaluateService,
  fixtureState,
  StateInput,
} from './__testUtils__/harness';

type Json = any;
type Service = 'music-discovery' | 'playlist-management' | 'payment-processing';

const SQUAD_STATE = 'conformance:squad-services.tfstate';
const FIN_STATE = 'conformance:svenska-financial.tfstate';
const moduleOf = (service: string) => `module.squad_microservice["${service}"]`;

const PP = moduleOf('payment-processing');
const MD = moduleOf('music-discovery');
const PM = moduleOf('playlist-management');
const CONFIG = 'aws_msk_configuration.svenska_financial_config';
const CLUSTER = 'aws_msk_cluster.svenska_financial_messaging';
const topic = (name: string) =>
  `kafka_topic.svenska_financial_topics["${name}"]`;
const ECS_PP = `${PP}.module.service.aws_ecs_service.this`;

interface Mutation {
  /** Which state to change: the services map's, or the financial messaging one. */
  state: 'squad' | 'financial';
  change: (state: Json) => void;
}

function statesOf(service: Service, mutation?: Mutation): StateInput[] {
  const squad = fixtureState('squad-services.tfstate');
  const financial = fixtureState('svenska-financial.tfstate');
  mutation?.change(mutation.state === 'squad' ? squad : financial);
  const states: StateInput[] = [
    {
      reference: SQUAD_STATE,
      document: squad,
      modulePrefix: moduleOf(service),
    },
  ];
  if (service === 'payment-processing')
    states.push({ reference: FIN_STATE, document: financial });
  return states;
}

/** The attributes of one instance, by its full address (`module.x["k"].aws_y.z["key"]`). */
function instance(state: Json, address: string): Json {
  for (const r of state.resources)
    for (const i of r.instances)
      if (instanceAddress(r, i) === address) return i.attributes;
  throw new Error(`no ${address} in the fixture`);
}

/** Sets (or with `undefined`, removes) a tag where Terraform writes it: `tags` and `tags_all`. */
function setTag(address: string, key: string, value: string | undefined) {
  return (state: Json) => {
    const a = instance(state, address);
    for (const field of ['tags', 'tags_all']) {
      if (!a[field]) continue;
      if (value === undefined) delete a[field][key];
      else a[field][key] = value;
    }
  };
}

/** Changes one line of the MSK broker configuration's properties text. */
function setProperty(key: string, value: string | undefined) {
  return (state: Json) => {
    const a = instance(state, CONFIG);
    const line = new RegExp(`^${key.replace(/\./g, '\\.')}=.*$\\n?`, 'm');
    expect(a.server_properties).toMatch(line);
    a.server_properties = a.server_properties.replace(
      line,
      value === undefined ? '' : `${key}=${value}\n`,
    );
  };
}

const failing = (e: ComplianceEvaluation) =>
  e.checks.filter(c => c.status === 'fail');
const explain = (e: ComplianceEvaluation) =>
  failing(e).map(c => ({
    check: c.checkId,
    evidence: c.evidence.map(
      x =>
        `${x.address} ${x.attribute}=${JSON.stringify(x.actual)} (expected ${
          x.expected
        }${x.note ? `; ${x.note}` : ''})`,
    ),
  }));

describe('conformance with the design document', () => {
  describe.each<Service>([
    'music-discovery',
    'playlist-management',
    'payment-processing',
  ])('%s, built as the book says', service => {
    let evaluation: ComplianceEvaluation;
    beforeAll(async () => {
      evaluation = await evaluateService(service, statesOf(service));
    });

    it('fails no check', () => {
      expect(explain(evaluation)).toEqual([]);
    });

    it('is really evaluated: tags, ownership and residency pass on its resources', () => {
      const status = (id: string) =>
        evaluation.checks.find(c => c.checkId === id)?.status;
      for (const id of [
        'tagging.required-tags',
        'ownership.team-tag',
        'ownership.tribe-tag',
        'ownership.chapter-tag',
        'ownership.guild-tag',
        'tagging.country',
        'tagging.organization',
        'tagging.compliance-matches-catalog',
        'residency.eu-regions',
        'encryption.s3-default',
        'logging.log-retention',
      ])
        expect([id, status(id)]).toEqual([id, 'pass']);
    });
  });

  it('checks the financial messaging stack of payment-processing', async () => {
    const evaluation = await evaluateService(
      'payment-processing',
      statesOf('payment-processing'),
      'all',
    );
    const result = (id: string) =>
      evaluation.checks.find(c => c.checkId === id)!;
    for (const id of [
      'streams.record-retention',
      'streams.customer-data-max-retention',
      'streams.min-insync-replicas',
      'streams.replication-factor',
      'streams.unclean-leader-election',
      'streams.no-auto-create-topics',
      'streams.no-topic-deletion',
      'streams.client-authentication',
      'transit.msk-tls',
      'encryption.msk-at-rest',
      'residency.swedish-regions',
      'records.no-automatic-expiry',
    ])
      expect([id, result(id).status]).toEqual([id, 'pass']);
    // risk-assessments is a record topic: kept 7 years (365-day years, as the book counts them).
    expect(result('streams.record-retention').evidence).toContainEqual(
      expect.objectContaining({
        address: topic('risk-assessments'),
        attribute: 'config["retention.ms"]',
        actual: '220752000000',
      }),
    );
    expect(result('streams.client-authentication').evidence).toContainEqual(
      expect.objectContaining({
        address: CONFIG,
        attribute: 'server_properties|properties["ssl.client.auth"]',
        actual: 'required',
      }),
    );
  });

  // Each deviation is one small change of a correct state and must fail exactly one check.
  const DEVIATIONS: Array<{
    name: string;
    service: Service;
    mutation: Mutation;
    check: string;
    address: string;
  }> = [
    {
      name: 'Squad = "Fraud Squad" (no such squad)',
      service: 'payment-processing',
      mutation: {
        state: 'squad',
        change: setTag(ECS_PP, 'Squad', 'Fraud Squad'),
      },
      check: 'ownership.team-tag',
      address: ECS_PP,
    },
    {
      name: 'Squad names another squad of the catalog',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setTag(CLUSTER, 'Squad', 'Fraud Prevention Squad'),
      },
      check: 'ownership.team-tag',
      address: CLUSTER,
    },
    {
      name: 'Tribe = "Music Experience" on a payments resource',
      service: 'payment-processing',
      mutation: {
        state: 'squad',
        change: setTag(ECS_PP, 'Tribe', 'Music Experience'),
      },
      check: 'ownership.tribe-tag',
      address: ECS_PP,
    },
    {
      name: 'Chapter = "Frontend Engineering" where the service declares Backend',
      service: 'payment-processing',
      mutation: {
        state: 'squad',
        change: setTag(
          `${PP}.module.storage.aws_s3_bucket.data`,
          'Chapter',
          'Frontend Engineering',
        ),
      },
      check: 'ownership.chapter-tag',
      address: `${PP}.module.storage.aws_s3_bucket.data`,
    },
    {
      name: 'Guild = "Data Engineering" where the service declares UX Engineering',
      service: 'playlist-management',
      mutation: {
        state: 'squad',
        change: setTag(
          `${PM}.module.database.aws_db_instance.this`,
          'Guild',
          'Data Engineering',
        ),
      },
      check: 'ownership.guild-tag',
      address: `${PM}.module.database.aws_db_instance.this`,
    },
    {
      name: 'missing Country tag',
      service: 'playlist-management',
      mutation: {
        state: 'squad',
        change: setTag(
          `${PM}.module.storage.aws_s3_bucket.data`,
          'Country',
          undefined,
        ),
      },
      check: 'tagging.required-tags',
      address: `${PM}.module.storage.aws_s3_bucket.data`,
    },
    {
      name: 'empty Tribe value',
      service: 'music-discovery',
      mutation: {
        state: 'squad',
        change: setTag(
          `${MD}.module.service.aws_ecs_service.this`,
          'Tribe',
          '',
        ),
      },
      check: 'tagging.required-tags',
      address: `${MD}.module.service.aws_ecs_service.this`,
    },
    {
      name: 'Organization = "Svenska Financial AB" (the book\'s MSK tag)',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setTag(CLUSTER, 'Organization', 'Svenska Financial AB'),
      },
      check: 'tagging.organization',
      address: CLUSTER,
    },
    {
      name: 'ComplianceRequirements without PCI_DSS',
      service: 'music-discovery',
      mutation: {
        state: 'squad',
        change: setTag(
          `${MD}.module.database.aws_rds_cluster.this`,
          'ComplianceRequirements',
          'GDPR,Music_Rights',
        ),
      },
      check: 'tagging.compliance-matches-catalog',
      address: `${MD}.module.database.aws_rds_cluster.this`,
    },
    {
      name: 'DataClassification = "internal"',
      service: 'playlist-management',
      mutation: {
        state: 'squad',
        change: setTag(
          `${PM}.module.service.aws_ecs_service.this`,
          'DataClassification',
          'internal',
        ),
      },
      check: 'tagging.classification-matches-catalog',
      address: `${PM}.module.service.aws_ecs_service.this`,
    },
    {
      name: 'a bucket in eu-west-2 (London, outside the EU)',
      service: 'music-discovery',
      mutation: {
        state: 'squad',
        change: s => {
          const a = instance(s, `${MD}.module.storage.aws_s3_bucket.data`);
          a.region = 'eu-west-2';
          a.bucket_regional_domain_name = a.bucket_regional_domain_name.replace(
            'eu-north-1',
            'eu-west-2',
          );
        },
      },
      check: 'residency.eu-regions',
      address: `${MD}.module.storage.aws_s3_bucket.data`,
    },
    {
      name: 'a payments bucket in eu-central-1 (EU, but neither Sweden nor the DR region)',
      service: 'payment-processing',
      mutation: {
        state: 'squad',
        change: s => {
          const a = instance(s, `${PP}.module.storage.aws_s3_bucket.data`);
          a.region = 'eu-central-1';
          a.bucket_regional_domain_name = a.bucket_regional_domain_name.replace(
            'eu-north-1',
            'eu-central-1',
          );
        },
      },
      check: 'residency.swedish-regions',
      address: `${PP}.module.storage.aws_s3_bucket.data`,
    },
    {
      name: 'an unencrypted RDS instance',
      service: 'playlist-management',
      mutation: {
        state: 'squad',
        change: s =>
          Object.assign(
            instance(s, `${PM}.module.database.aws_db_instance.this`),
            {
              storage_encrypted: false,
              kms_key_id: '',
            },
          ),
      },
      check: 'encryption.rds-storage',
      address: `${PM}.module.database.aws_db_instance.this`,
    },
    {
      name: 'Aurora without deletion protection',
      service: 'music-discovery',
      mutation: {
        state: 'squad',
        change: s =>
          (instance(
            s,
            `${MD}.module.database.aws_rds_cluster.this`,
          ).deletion_protection = false),
      },
      check: 'backup.deletion-protection',
      address: `${MD}.module.database.aws_rds_cluster.this`,
    },
    {
      name: 'the payment database log kept 90 days',
      service: 'payment-processing',
      mutation: {
        state: 'squad',
        change: s =>
          (instance(
            s,
            `${PP}.module.database.aws_cloudwatch_log_group.postgresql`,
          ).retention_in_days = 90),
      },
      check: 'logging.log-retention',
      address: `${PP}.module.database.aws_cloudwatch_log_group.postgresql`,
    },
    {
      name: 'risk-assessments kept 3 years',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: s =>
          (instance(s, topic('risk-assessments')).config['retention.ms'] =
            '94608000000'),
      },
      check: 'streams.record-retention',
      address: topic('risk-assessments'),
    },
    {
      name: "customer-events compacted only (the book's own value)",
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: s =>
          (instance(s, topic('customer-events')).config['cleanup.policy'] =
            'compact'),
      },
      check: 'streams.customer-data-max-retention',
      address: topic('customer-events'),
    },
    {
      name: 'payment-transactions on two replicas',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: s =>
          (instance(s, topic('payment-transactions')).replication_factor = 2),
      },
      check: 'streams.replication-factor',
      address: topic('payment-transactions'),
    },
    {
      name: 'auto.create.topics.enable=true',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty('auto.create.topics.enable', 'true'),
      },
      check: 'streams.no-auto-create-topics',
      address: CONFIG,
    },
    {
      name: 'delete.topic.enable=true  # with a trailing comment',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty(
          'delete.topic.enable',
          'true  # for the test cluster',
        ),
      },
      check: 'streams.no-topic-deletion',
      address: CONFIG,
    },
    {
      name: 'ssl.client.auth not required, and no client_authentication on the cluster',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty('ssl.client.auth', 'requested'),
      },
      check: 'streams.client-authentication',
      address: CLUSTER,
    },
    {
      name: 'min.insync.replicas=1 in the broker configuration',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty('min.insync.replicas', '1'),
      },
      check: 'streams.min-insync-replicas',
      address: CONFIG,
    },
    {
      name: 'default.replication.factor missing from the broker configuration',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty('default.replication.factor', undefined),
      },
      check: 'streams.replication-factor',
      address: CONFIG,
    },
    {
      name: 'unclean.leader.election.enable=true',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: setProperty('unclean.leader.election.enable', 'true'),
      },
      check: 'streams.unclean-leader-election',
      address: CONFIG,
    },
    {
      name: 'the audit trail expires after a year',
      service: 'payment-processing',
      mutation: {
        state: 'financial',
        change: s =>
          (instance(
            s,
            'module.audit_trail.aws_s3_bucket_lifecycle_configuration.data',
          ).rule[0].expiration = [
            { date: '', days: 365, expired_object_delete_marker: false },
          ]),
      },
      check: 'records.no-automatic-expiry',
      address: 'module.audit_trail.aws_s3_bucket_lifecycle_configuration.data',
    },
  ];

  it.each(DEVIATIONS)(
    '$name fails $check only',
    async ({ service, mutation, check, address }) => {
      const evaluation = await evaluateService(
        service,
        statesOf(service, mutation),
      );
      expect(explain(evaluation).map(f => f.check)).toEqual([check]);
      const result = failing(evaluation)[0];
      expect(result.evidence.map(e => e.address)).toContain(address);
    },
  );

  // Tags name groups as people write them: none of these is a deviation.
  it.each([
    ['Squad', 'payments-squad'],
    ['Squad', 'Payments'],
    ['Squad', 'PAYMENTS SQUAD'],
    ['Tribe', 'platform-services-tribe'],
    ['Guild', 'security_engineering'],
  ])('%s = %j still names the catalog group', async (key, value) => {
    const evaluation = await evaluateService(
      'payment-processing',
      statesOf('payment-processing', {
        state: 'squad',
        change: setTag(ECS_PP, key, value),
      }),
    );
    expect(explain(evaluation)).toEqual([]);
  });
});

describe('old state formats and terraform show -json', () => {
  const verdicts = (e: ComplianceEvaluation) =>
    Object.fromEntries(e.checks.map(c => [c.checkId, c.status]));
  const format3Modules = (module: string | undefined) =>
    (module ?? '')
      .replace(
        /^module\.squad_microservice\["([^"]+)"\]/,
        (_, k) => `module.${k.replace(/-/g, '_')}`,
      )
      .split('.')
      .filter((p, i, all) => p && all[i - 1] === 'module');

  it.each<[string, Mutation | undefined]>([
    ['correct', undefined],
    [
      'Squad = "Fraud Squad"',
      { state: 'squad', change: setTag(ECS_PP, 'Squad', 'Fraud Squad') },
    ],
    [
      'missing Country',
      { state: 'squad', change: setTag(ECS_PP, 'Country', undefined) },
    ],
    [
      'auto.create.topics.enable=true',
      {
        state: 'financial',
        change: setProperty('auto.create.topics.enable', 'true'),
      },
    ],
  ])(
    'give payment-processing the same verdicts (%s)',
    async (_name, mutation) => {
      const states = statesOf('payment-processing', mutation);
      const v4 = await evaluateService('payment-processing', states);
      const show = await evaluateService(
        'payment-processing',
        states.map(s => ({ ...s, document: toShowJson(s.document) })),
      );
      const v3 = await evaluateService(
        'payment-processing',
        states.map(s => ({
          ...s,
          document: toFormat3(s.document, format3Modules),
          modulePrefix: s.modulePrefix && 'module.payment_processing',
        })),
      );
      expect(verdicts(show)).toEqual(verdicts(v4));
      expect(verdicts(v3)).toEqual(verdicts(v4));
      // show -json keeps the addresses, so its evidence is the same too, but for the serial,
      // which show -json doesn't print.
      const withoutSerial = (e: ComplianceEvaluation) =>
        failing(e).map(c => ({
          ...c,
          evidence: c.evidence.map(({ serial: _serial, ...rest }) => rest),
        }));
      expect(withoutSerial(show)).toEqual(withoutSerial(v4));
      expect(failing(v3).map(c => c.evidence.length)).toEqual(
        failing(v4).map(c => c.evidence.length),
      );
    },
  );
});
