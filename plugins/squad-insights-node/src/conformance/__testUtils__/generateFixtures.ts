/*
 * Writes the conformance states of the design document (seed chapter "Microservices"): the
 * `squad_microservice` module instantiated `for_each` over the squad services map, and the
 * Swedish financial messaging stack (MSK, its configuration, the `kafka_topic` topics and an
 * immutable audit-trail bucket) of the Klarna-style payment service.
 *
 *   PATH=/work/main/.toolchain/node/bin:$PATH node_modules/.bin/tsx \
 *     plugins/squad-insights-node/src/conformance/__testUtils__/generateFixtures.ts
 *
 * What a module "like that would create" is not in the design document; the resources inside
 * each module instance are the demo's (demo/terraform, written as Terraform 1.9.8 with AWS
 * provider v5 writes them), re-homed under `module.squad_microservice["<service>"]`, tagged with
 * the design document's `tags` block and freed of the demo's deliberate deviations. The output
 * is committed; rerun this deliberately (the demo may change under it) and review the diff.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SEED_SERVER_PROPERTIES,
  SEED_SERVICES,
  SEED_TOPICS,
  seedTags,
} from './seed';

const DEMO = path.resolve(__dirname, '../../../../../demo/terraform');
const AWS = 'provider["registry.terraform.io/hashicorp/aws"]';
const ACCOUNT = '123456789012';

type Json = any;

function uuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

function demoState(service: string): Json {
  return JSON.parse(
    fs.readFileSync(path.join(DEMO, service, 'terraform.tfstate'), 'utf8'),
  );
}

// Every tag key of the demo's schemes (old lower-case and new), replaced by the seed's block.
const OWN_TAG_KEYS = new Set([
  'team',
  'tribe',
  'service',
  'data-classification',
  'compliance',
  'environment',
  'managed-by',
  'Service',
  'Squad',
  'Tribe',
  'Chapter',
  'Guild',
  'BusinessCapability',
  'DataClassification',
  'ComplianceRequirements',
  'Country',
  'Organization',
  'Environment',
  'ManagedBy',
]);

/** Keeps a resource's own extra tags (Name, squad-insights:*) and puts `tags` under them. */
function retag(
  attributes: Json,
  tags: Record<string, string>,
  tagsAll = tags,
): void {
  if (!('tags' in attributes) && !('tags_all' in attributes)) return;
  const extra = Object.fromEntries(
    Object.entries(attributes.tags ?? {}).filter(([k]) => !OWN_TAG_KEYS.has(k)),
  );
  const own = sortKeys({ ...tags, ...extra });
  // Provider v5 writes null for a resource without a tags argument, and tags_all regardless.
  attributes.tags = Object.keys(own).length ? own : null;
  attributes.tags_all = sortKeys({ ...tagsAll, ...extra });
}

function sortKeys<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)),
  ) as T;
}

/** `module.x.aws_y.z` / `aws_y.z` → the same under the module instance's config path. */
function prefixDependency(dep: string): string {
  return `module.squad_microservice.${dep}`;
}

function squadServicesState(): Json {
  const resources: Json[] = [];
  for (const service of SEED_SERVICES) {
    const demo = demoState(service.name);
    const tags = seedTags(service);
    for (const r of demo.resources) {
      // The financial messaging of payments lives in its own state (below), as in the book.
      if (r.module === 'module.kafka') continue;
      const moduleKey = `module.squad_microservice["${service.name}"]`;
      const copy: Json = structuredClone(r);
      copy.module = r.module ? `${moduleKey}.${r.module}` : moduleKey;
      for (const i of copy.instances) {
        retag(i.attributes, tags);
        if (i.dependencies)
          i.dependencies = i.dependencies
            .filter((d: string) => !d.startsWith('module.kafka.'))
            .map(prefixDependency)
            .sort();
        if (r.type === 'aws_cloudwatch_log_group')
          // The demo's deliberate deviation (payment DB audit log kept 90 days) is not the book's.
          i.attributes.retention_in_days = service.retentionDays;
        if (r.type === 'aws_ecs_task_definition') {
          // Without its Kafka cluster, the payment task no longer gets bootstrap servers.
          const defs = JSON.parse(i.attributes.container_definitions);
          for (const d of defs)
            d.environment = (d.environment ?? []).filter(
              (e: Json) => !/KAFKA/.test(e.name),
            );
          i.attributes.container_definitions = JSON.stringify(defs);
        }
      }
      resources.push(copy);
    }
  }
  resources.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  return {
    version: 4,
    terraform_version: '1.9.8',
    serial: 57,
    lineage: uuid('conformance squad-services lineage'),
    // Module outputs are not root outputs; the book's root module declares none.
    outputs: {},
    resources,
    check_results: null,
  };
}

/** Terraform writes resources sorted by module, mode, type and name. */
function order(r: Json): string {
  return [r.module ?? '', r.mode, r.type, r.name].join('\u0000');
}

// --- The financial messaging state ------------------------------------------------------------

const FIN = 'svenska-financial';

function financialState(): Json {
  const payments = SEED_SERVICES.find(s => s.name === 'payment-processing')!;
  const defaultTags = seedTags(payments);
  // The book's MSK tags, beside the module's tags block that provider default_tags apply to every
  // resource (tags_all). Its `Organization = "Svenska Financial AB"` is left out: one
  // organisation owns the catalog here, and a second value would be a (tested) deviation.
  const mskTags = {
    Name: 'Svenska Financial Messaging Cluster',
    Environment: 'production',
    DataClassification: 'financial',
    ComplianceFrameworks: 'GDPR,PCI-DSS,Finansinspektionen',
    AuditRetention: '7-years',
    DataResidency: 'Sweden',
    BusinessContinuity: 'critical',
  };
  const demo = demoState('payment-processing');
  const find = (module: string | undefined, type: string, name: string) =>
    structuredClone(
      demo.resources.find(
        (r: Json) => r.module === module && r.type === type && r.name === name,
      ),
    );
  // New key ids, so that the two states of the service don't manage the same keys.
  let text = JSON.stringify(demo);
  for (const name of ['main', 'dr']) {
    const key = find(undefined, 'aws_kms_key', name).instances[0].attributes
      .key_id;
    text = text.split(key).join(uuid(`${FIN} kms ${name}`));
  }
  text = text
    .split('acme-music-payment-processing')
    .join(`${FIN}-audit`)
    .split('payment-processing-s3-replication')
    .join(`${FIN}-audit-replication`)
    .split('alias/payment-processing')
    .join(`alias/${FIN}`);
  const src = JSON.parse(text);
  const pick = (module: string | undefined, type: string, name: string) =>
    structuredClone(
      src.resources.find(
        (r: Json) => r.module === module && r.type === type && r.name === name,
      ),
    );
  const kmsMain = pick(undefined, 'aws_kms_key', 'main');
  const kmsArn: string = kmsMain.instances[0].attributes.arn;
  kmsMain.name = 'svenska_financial_encryption';
  kmsMain.instances[0].attributes.description =
    'Svenska financial messaging and audit trail (eu-north-1)';
  const kmsDr = pick(undefined, 'aws_kms_key', 'dr');
  kmsDr.instances[0].attributes.description =
    'Svenska financial audit trail, disaster-recovery copy (eu-west-1)';
  const aliasMain = pick(undefined, 'aws_kms_alias', 'main');
  aliasMain.name = 'svenska_financial_encryption';
  aliasMain.instances[0].dependencies = [
    'aws_kms_key.svenska_financial_encryption',
  ];
  const aliasDr = pick(undefined, 'aws_kms_alias', 'dr');

  const logGroup = pick('module.kafka', 'aws_cloudwatch_log_group', 'broker');
  delete logGroup.module;
  logGroup.name = 'svenska_kafka_logs';
  Object.assign(logGroup.instances[0].attributes, {
    arn: `arn:aws:logs:eu-north-1:${ACCOUNT}:log-group:/msk/${FIN}-kafka`,
    id: `/msk/${FIN}-kafka`,
    name: `/msk/${FIN}-kafka`,
    retention_in_days: 2557,
  });
  logGroup.instances[0].dependencies = [
    'aws_kms_key.svenska_financial_encryption',
  ];

  const sg = pick('module.kafka', 'aws_security_group', 'this');
  delete sg.module;
  sg.name = 'svenska_kafka';
  Object.assign(sg.instances[0].attributes, {
    description:
      'MSK brokers of svenska-financial-kafka; TLS only from the payment tasks',
    name: `${FIN}-kafka`,
  });
  sg.instances[0].attributes.tags = { Name: `${FIN}-kafka` };

  const configArn = `arn:aws:kafka:eu-north-1:${ACCOUNT}:configuration/${FIN}-kafka-config/${uuid(
    `${FIN} msk configuration`,
  )}-7`;
  const configuration = {
    mode: 'managed',
    type: 'aws_msk_configuration',
    name: 'svenska_financial_config',
    provider: AWS,
    instances: [
      {
        schema_version: 0,
        attributes: {
          arn: configArn,
          description: 'Kafka configuration för svenska financial services',
          id: configArn,
          kafka_versions: ['3.4.0'],
          latest_revision: 1,
          name: `${FIN}-kafka-config`,
          server_properties: SEED_SERVER_PROPERTIES,
        },
        sensitive_attributes: [],
      },
    ],
  };

  const firehoseArn = `arn:aws:firehose:eu-north-1:${ACCOUNT}:deliverystream/${FIN}-logs`;
  const auditBucketArn = `arn:aws:s3:::${FIN}-audit-data-eun1`;
  const firehose = {
    mode: 'managed',
    type: 'aws_kinesis_firehose_delivery_stream',
    name: 'svenska_financial_logs',
    provider: AWS,
    instances: [
      {
        schema_version: 1,
        attributes: {
          arn: firehoseArn,
          destination: 'extended_s3',
          destination_id: 'destinationId-000000000001',
          elasticsearch_configuration: [],
          extended_s3_configuration: [
            {
              bucket_arn: auditBucketArn,
              buffering_interval: 300,
              buffering_size: 5,
              cloudwatch_logging_options: [
                { enabled: false, log_group_name: '', log_stream_name: '' },
              ],
              compression_format: 'GZIP',
              custom_time_zone: 'UTC',
              data_format_conversion_configuration: [],
              dynamic_partitioning_configuration: [],
              error_output_prefix: 'errors/',
              file_extension: '',
              kms_key_arn: kmsArn,
              prefix: 'msk-broker-logs/',
              processing_configuration: [],
              role_arn: `arn:aws:iam::${ACCOUNT}:role/${FIN}-firehose`,
              s3_backup_configuration: [],
              s3_backup_mode: 'Disabled',
            },
          ],
          http_endpoint_configuration: [],
          iceberg_configuration: [],
          id: firehoseArn,
          kinesis_source_configuration: [],
          msk_source_configuration: [],
          name: `${FIN}-logs`,
          opensearch_configuration: [],
          opensearchserverless_configuration: [],
          redshift_configuration: [],
          server_side_encryption: [
            {
              enabled: true,
              key_arn: kmsArn,
              key_type: 'CUSTOMER_MANAGED_CMK',
            },
          ],
          snowflake_configuration: [],
          splunk_configuration: [],
          tags: {},
          tags_all: {},
          timeouts: null,
          version_id: '1',
        },
        sensitive_attributes: [],
        private: 'eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==',
        dependencies: [
          'aws_kms_key.svenska_financial_encryption',
          'module.audit_trail.aws_s3_bucket.data',
        ],
      },
    ],
  };

  const cluster = pick('module.kafka', 'aws_msk_cluster', 'this');
  delete cluster.module;
  cluster.name = 'svenska_financial_messaging';
  const clusterArn = `arn:aws:kafka:eu-north-1:${ACCOUNT}:cluster/${FIN}-kafka/${uuid(
    `${FIN} msk cluster`,
  )}-5`;
  const ca = cluster.instances[0].attributes;
  const brokerHosts = (port: number) =>
    Array.from(
      { length: 6 },
      (_, i) =>
        `b-${
          i + 1
        }.${FIN}-kafka.k7q2xw.c3.kafka.eu-north-1.amazonaws.com:${port}`,
    ).join(',');
  Object.assign(ca, {
    arn: clusterArn,
    id: clusterArn,
    cluster_name: `${FIN}-kafka`,
    cluster_uuid: clusterArn.split('/').pop(),
    kafka_version: '3.4.0',
    number_of_broker_nodes: 6,
    bootstrap_brokers_tls: brokerHosts(9094),
    // The book's cluster has no client_authentication block: ssl.client.auth=required in its
    // configuration asks clients for certificates.
    client_authentication: [],
    configuration_info: [{ arn: configArn, revision: 1 }],
  });
  const group = ca.broker_node_group_info[0];
  group.instance_type = 'kafka.m5.2xlarge';
  group.security_groups = [sg.instances[0].attributes.id];
  group.storage_info[0].ebs_storage_info[0].provisioned_throughput = [
    { enabled: true, volume_throughput: 250 },
  ];
  ca.logging_info[0].broker_logs[0].cloudwatch_logs[0].log_group = `/msk/${FIN}-kafka`;
  ca.logging_info[0].broker_logs[0].firehose = [
    { delivery_stream: `${FIN}-logs`, enabled: true },
  ];
  ca.zookeeper_connect_string = '';
  ca.zookeeper_connect_string_tls = '';
  cluster.instances[0].dependencies = [
    'aws_cloudwatch_log_group.svenska_kafka_logs',
    'aws_kinesis_firehose_delivery_stream.svenska_financial_logs',
    'aws_kms_key.svenska_financial_encryption',
    'aws_msk_configuration.svenska_financial_config',
    'aws_security_group.svenska_kafka',
  ];
  retag(ca, mskTags, { ...defaultTags, ...mskTags });

  const topics = {
    mode: 'managed',
    type: 'kafka_topic',
    name: 'svenska_financial_topics',
    provider: 'provider["registry.terraform.io/mongey/kafka"]',
    instances: Object.entries(SEED_TOPICS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, t]) => ({
        index_key: name,
        schema_version: 0,
        attributes: {
          // config is map(string): Terraform converts the book's numbers to strings.
          config: sortKeys({
            'retention.ms': String(t.retention_ms),
            'segment.ms': String(t.segment_ms),
            'min.insync.replicas': String(t.min_insync_replicas),
            // The one departure from the book's map: customer-events is "compact" there, which
            // keeps every key's latest event forever despite retention.ms (GDPR storage
            // limitation); the conformance suite tests the book's value as a deviation.
            'cleanup.policy':
              name === 'customer-events' ? 'compact,delete' : t.cleanup_policy,
            'compression.type': 'snappy',
            'max.message.bytes': '10485760',
          }),
          id: name,
          name,
          partitions: t.partitions,
          replication_factor: t.replication_factor,
        },
        sensitive_attributes: [],
        dependencies: ['aws_msk_cluster.svenska_financial_messaging'],
      })),
  };

  // The immutable audit trail: the demo's storage module, renamed, with S3 Object Lock in
  // compliance mode for 7 years and no lifecycle expiration (no automatic deletion).
  const audit: Json[] = src.resources
    .filter((r: Json) => r.module === 'module.storage')
    .map((r: Json) => {
      const copy = structuredClone(r);
      copy.module = 'module.audit_trail';
      for (const i of copy.instances) {
        if (i.dependencies)
          i.dependencies = i.dependencies
            .map((d: string) =>
              d
                .replace(/^module\.storage\./, 'module.audit_trail.')
                .replace(
                  /^aws_kms_key\.main$/,
                  'aws_kms_key.svenska_financial_encryption',
                ),
            )
            .sort();
        const a = i.attributes;
        if (r.type === 'aws_s3_bucket' && ['data', 'backup'].includes(r.name)) {
          a.object_lock_enabled = true;
          a.object_lock_configuration = [
            {
              object_lock_enabled: 'Enabled',
              rule: [
                {
                  default_retention: [
                    { days: 0, mode: 'COMPLIANCE', years: 7 },
                  ],
                },
              ],
            },
          ];
        }
        if (
          ['data', 'backup'].includes(r.name) &&
          (r.type === 'aws_s3_bucket' ||
            r.type === 'aws_s3_bucket_lifecycle_configuration')
        ) {
          const rules = r.type === 'aws_s3_bucket' ? a.lifecycle_rule : a.rule;
          for (const rule of rules) rule.expiration = [];
        }
        if (r.type === 'aws_s3_bucket_lifecycle_configuration')
          for (const rule of a.rule)
            rule.id = rule.expiration.length ? rule.id : 'archive';
        if (r.type === 'aws_s3_bucket' && a.lifecycle_rule)
          for (const rule of a.lifecycle_rule)
            rule.id = rule.expiration.length ? rule.id : 'archive';
        retag(a, {}, defaultTags);
      }
      return copy;
    });
  for (const name of ['data', 'backup']) {
    const bucket = audit.find(
      r => r.type === 'aws_s3_bucket' && r.name === name,
    );
    const b = bucket.instances[0].attributes.bucket;
    audit.push({
      module: 'module.audit_trail',
      mode: 'managed',
      type: 'aws_s3_bucket_object_lock_configuration',
      name,
      provider: bucket.provider,
      instances: [
        {
          schema_version: 0,
          attributes: {
            bucket: b,
            expected_bucket_owner: '',
            id: b,
            object_lock_enabled: 'Enabled',
            request_payer: '',
            rule: [
              {
                default_retention: [{ days: 0, mode: 'COMPLIANCE', years: 7 }],
              },
            ],
            token: null,
          },
          sensitive_attributes: [[{ type: 'get_attr', value: 'token' }]],
          dependencies: [`module.audit_trail.aws_s3_bucket.${name}`],
        },
      ],
    });
  }

  for (const r of [kmsMain, kmsDr, aliasMain, aliasDr, logGroup, sg, firehose])
    for (const i of r.instances) retag(i.attributes, {}, defaultTags);
  const resources = [
    kmsMain,
    kmsDr,
    aliasMain,
    aliasDr,
    logGroup,
    sg,
    firehose,
    configuration,
    cluster,
    topics,
    ...audit,
  ];
  resources.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  return {
    version: 4,
    terraform_version: '1.9.8',
    serial: 23,
    lineage: uuid('conformance svenska-financial lineage'),
    outputs: {
      kafka_bootstrap_brokers_tls: {
        value: ca.bootstrap_brokers_tls,
        type: 'string',
      },
    },
    resources,
    check_results: null,
  };
}

function write(name: string, state: Json): void {
  fs.writeFileSync(
    path.join(__dirname, '../__fixtures__', name),
    `${JSON.stringify(state, null, 2)}\n`,
  );
}

write('squad-services.tfstate', squadServicesState());
write('svenska-financial.tfstate', financialState());
