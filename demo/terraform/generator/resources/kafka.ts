import { arn, PRIMARY_REGION, PRIVATE_SUBNETS, PROVIDERS } from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';
import type { KmsKey } from './kms';
import { securityGroup } from './network';

const MODULE = 'module.kafka';
/** One Gregorian year (365.2425 days) in milliseconds: 7 years = 220898664000. */
export const YEAR_MS = 31_556_952_000;

/** MSK cluster (3 × kafka.m5.large, TLS only, KMS at rest) and the service's topics. */
export function kafka(
  ctx: ServiceContext,
  deps: { kms: KmsKey; serviceSg: Ref },
) {
  const spec = ctx.profile.kafka;
  if (!spec) return undefined;
  const sg = securityGroup(ctx, {
    module: MODULE,
    tfName: 'this',
    name: `${ctx.name}-msk`,
    description: `MSK brokers for ${ctx.name}; TLS only from its tasks`,
    ingress: [
      {
        description: 'Kafka TLS from the service',
        port: 9094,
        fromGroup: deps.serviceSg,
      },
    ],
  });
  const logGroupName = `/msk/${ctx.name}`;
  const logGroup = ctx.add({
    module: MODULE,
    type: 'aws_cloudwatch_log_group',
    name: 'broker',
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: arn('logs', PRIMARY_REGION, `log-group:${logGroupName}`),
      id: logGroupName,
      kms_key_id: deps.kms.key.a.arn,
      log_group_class: 'STANDARD',
      name: logGroupName,
      name_prefix: '',
      retention_in_days: ctx.svc.retentionDays,
      skip_destroy: false,
    },
    dependsOn: [deps.kms.key],
  });

  const name = ctx.name;
  const clusterUuid = `${ctx.ids.uuid('msk')}-${ctx.ids.int(
    'msk-suffix',
    10,
    25,
  )}`;
  const clusterArn = arn(
    'kafka',
    PRIMARY_REGION,
    `cluster/${name}/${clusterUuid}`,
  );
  const dns = `${name}.${ctx.ids.lower('msk-dns', 6)}.c${ctx.ids.int(
    'msk-cell',
    2,
    9,
  )}.kafka.${PRIMARY_REGION}.amazonaws.com`;
  const brokers = (port: number) =>
    [1, 2, 3].map(i => `b-${i}.${dns}:${port}`).join(',');
  const zookeeper = (port: number) =>
    [1, 2, 3].map(i => `z-${i}.${dns}:${port}`).join(',');
  const cluster = ctx.add({
    module: MODULE,
    type: 'aws_msk_cluster',
    name: 'this',
    schemaVersion: 0,
    tagged: true,
    timeouts: { create: 120, update: 120, delete: 120 },
    attributes: {
      arn: clusterArn,
      bootstrap_brokers: '',
      bootstrap_brokers_public_sasl_iam: '',
      bootstrap_brokers_public_sasl_scram: '',
      bootstrap_brokers_public_tls: '',
      bootstrap_brokers_sasl_iam: '',
      bootstrap_brokers_sasl_scram: '',
      bootstrap_brokers_tls: brokers(9094),
      bootstrap_brokers_vpc_connectivity_sasl_iam: '',
      bootstrap_brokers_vpc_connectivity_sasl_scram: '',
      bootstrap_brokers_vpc_connectivity_tls: '',
      broker_node_group_info: [
        {
          az_distribution: 'DEFAULT',
          client_subnets: PRIVATE_SUBNETS,
          connectivity_info: [
            {
              public_access: [{ type: 'DISABLED' }],
              vpc_connectivity: [
                {
                  client_authentication: [
                    { sasl: [{ iam: false, scram: false }], tls: false },
                  ],
                },
              ],
            },
          ],
          instance_type: 'kafka.m5.large',
          security_groups: [sg.a.id],
          storage_info: [
            {
              ebs_storage_info: [
                { provisioned_throughput: [], volume_size: 1000 },
              ],
            },
          ],
        },
      ],
      client_authentication: [
        {
          sasl: [{ iam: true, scram: false }],
          tls: [],
          unauthenticated: false,
        },
      ],
      cluster_name: name,
      cluster_uuid: clusterUuid,
      configuration_info: [],
      current_version: `K${ctx.ids.upper('msk-version', 13)}`,
      encryption_info: [
        {
          encryption_at_rest_kms_key_arn: deps.kms.key.a.arn,
          encryption_in_transit: [{ client_broker: 'TLS', in_cluster: true }],
        },
      ],
      enhanced_monitoring: 'PER_BROKER',
      id: clusterArn,
      kafka_version: '3.6.0',
      logging_info: [
        {
          broker_logs: [
            {
              cloudwatch_logs: [{ enabled: true, log_group: logGroupName }],
              firehose: [{ delivery_stream: '', enabled: false }],
              s3: [{ bucket: '', enabled: false, prefix: '' }],
            },
          ],
        },
      ],
      number_of_broker_nodes: 3,
      open_monitoring: [
        {
          prometheus: [
            {
              jmx_exporter: [{ enabled_in_broker: true }],
              node_exporter: [{ enabled_in_broker: true }],
            },
          ],
        },
      ],
      storage_mode: 'LOCAL',
      timeouts: null,
      zookeeper_connect_string: zookeeper(2181),
      zookeeper_connect_string_tls: zookeeper(2182),
    },
    dependsOn: [deps.kms.key, sg, logGroup, 'data.aws_subnets.private'],
  });

  const overrides = ctx.deviations.topicRetentionYears ?? {};
  for (const topic of spec.topics) {
    const years = overrides[topic.name] ?? topic.retentionYears;
    ctx.add({
      module: MODULE,
      type: 'kafka_topic',
      name: 'this',
      provider: PROVIDERS.kafka,
      indexKey: topic.name,
      schemaVersion: 0,
      attributes: {
        config: {
          'cleanup.policy': 'delete',
          'min.insync.replicas': '2',
          'retention.ms': String(years * YEAR_MS),
          'unclean.leader.election.enable': 'false',
        },
        id: topic.name,
        name: topic.name,
        partitions: topic.partitions,
        replication_factor: 3,
      },
      dependsOn: [cluster],
    });
  }
  return { cluster, bootstrap: cluster.a.bootstrap_brokers_tls as string };
}
