import { demo, demoProfile, edit, RawResource } from '../service';
import type { Cases } from './types';

const CONFIG_ARN =
  'arn:aws:kafka:eu-north-1:123456789012:configuration/svenska-financial-kafka-config/2b4f1c9e-5d1a-4a5e-9e57-0c1f3f6d8a21-2';

/** The design document's broker configuration, comments and all (seed, "svenska_financial_config"). */
export const SEED_SERVER_PROPERTIES = `# Svenska financial transaction requirements
auto.create.topics.enable=false
delete.topic.enable=false
log.retention.hours=61320  # 7 years för financial record retention
log.retention.bytes=1073741824000  # 1TB per partition
log.segment.bytes=536870912  # 512MB segments för better management

# Security för svenska financial compliance
security.inter.broker.protocol=SSL
ssl.endpoint.identification.algorithm=HTTPS
ssl.client.auth=required

# Replication för high availability
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false
`;

/**
 * An `aws_msk_configuration` as AWS provider v5 writes it, with the design document's
 * properties; `set` replaces (or with `undefined`, removes) single lines.
 */
export function mskConfiguration(
  set: Record<string, string | undefined> = {},
): RawResource {
  let text = SEED_SERVER_PROPERTIES;
  for (const [key, value] of Object.entries(set)) {
    const line = new RegExp(`^${key.replace(/\./g, '\\.')}=.*\\n`, 'm');
    const next = value === undefined ? '' : `${key}=${value}\n`;
    text = line.test(text) ? text.replace(line, next) : text + next;
  }
  return {
    type: 'aws_msk_configuration',
    name: 'svenska_financial_config',
    attributes: {
      arn: CONFIG_ARN,
      description: 'Kafka configuration för svenska financial services',
      id: CONFIG_ARN,
      kafka_versions: ['3.4.0'],
      latest_revision: 1,
      name: 'svenska-financial-kafka-config',
      server_properties: text,
    },
  };
}

/** The demo payments cluster, changed to the design document's: no client_authentication block, the configuration above. */
export function seedCluster(change: (a: any) => void = () => {}): RawResource {
  return edit(
    demo('payment-processing', 'module.kafka.aws_msk_cluster.this'),
    a => {
      a.client_authentication = [];
      a.configuration_info = [{ arn: CONFIG_ARN, revision: 1 }];
      change(a);
    },
  );
}

const CONFIG = 'aws_msk_configuration.svenska_financial_config';
const CLUSTER = 'module.kafka.aws_msk_cluster.this';

/** Broker-level Kafka settings read from `server_properties` text. */
export const STREAM_CASES: Cases = {
  'streams.no-auto-create-topics': {
    pass: [
      {
        name: 'false, as in the design document',
        resources: [mskConfiguration()],
      },
    ],
    fail: [
      {
        name: 'true',
        resources: [mskConfiguration({ 'auto.create.topics.enable': 'true' })],
        address: CONFIG,
      },
      {
        name: 'not set',
        resources: [
          mskConfiguration({ 'auto.create.topics.enable': undefined }),
        ],
        address: CONFIG,
      },
    ],
  },
  'streams.no-topic-deletion': {
    pass: [
      { name: 'false', resources: [mskConfiguration()] },
      {
        name: 'services without financial data may delete topics',
        resources: [mskConfiguration({ 'delete.topic.enable': 'true' })],
        input: demoProfile('music-discovery'),
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: "not set: Kafka's default allows deletion",
        resources: [mskConfiguration({ 'delete.topic.enable': undefined })],
        address: CONFIG,
      },
      {
        name: 'true with a trailing comment',
        resources: [
          mskConfiguration({
            'delete.topic.enable': 'true  # cleanup in test',
          }),
        ],
        address: CONFIG,
      },
    ],
  },
  'streams.client-authentication': {
    pass: [
      {
        name: 'IAM authentication on the cluster (the demo cluster)',
        resources: [demo('payment-processing', CLUSTER)],
      },
      {
        name: 'ssl.client.auth=required in the configuration (the design document)',
        resources: [seedCluster(), mskConfiguration()],
      },
    ],
    fail: [
      {
        name: 'no client authentication anywhere',
        resources: [
          seedCluster(),
          mskConfiguration({ 'ssl.client.auth': 'requested' }),
        ],
        address: CLUSTER,
      },
      {
        name: 'the cluster also admits unauthenticated clients',
        resources: [
          seedCluster(a => {
            a.client_authentication = [
              {
                sasl: [{ iam: true, scram: false }],
                tls: [],
                unauthenticated: true,
              },
            ];
          }),
          mskConfiguration(),
        ],
        address: CLUSTER,
      },
      {
        name: 'no configuration of the cluster in the state',
        resources: [seedCluster()],
        address: CLUSTER,
      },
    ],
  },
};
