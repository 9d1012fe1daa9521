import { demo, demoProfile, edit, fromCorpus } from '../service';
import type { Cases } from './types';

const PP = 'payment-processing';
const ebs = (encrypted: boolean) => ({
  type: 'aws_ebs_volume',
  name: 'data',
  attributes: {
    arn: 'arn:aws:ec2:eu-north-1:123456789012:volume/vol-0c1e5e2a3b4d5f607',
    availability_zone: 'eu-north-1a',
    encrypted,
    final_snapshot: false,
    id: 'vol-0c1e5e2a3b4d5f607',
    iops: 3000,
    kms_key_id: encrypted
      ? 'arn:aws:kms:eu-north-1:123456789012:key/d045879b-0d98-499a-8797-b72c499c345a'
      : '',
    multi_attach_enabled: false,
    size: 100,
    snapshot_id: '',
    tags: {},
    tags_all: {},
    throughput: 125,
    type: 'gp3',
  },
});
const replication = () => [
  demo(PP, 'module.storage.aws_s3_bucket_replication_configuration.data'),
  demo(PP, 'module.storage.aws_s3_bucket.backup'),
];

/** Residency, encryption at rest and in transit, audit logging. */
export const INFRA_CASES: Cases = {
  'residency.eu-regions': {
    pass: [
      {
        name: 'Aurora in eu-north-1, DR bucket in eu-west-1',
        resources: [
          demo(PP, 'module.database.aws_rds_cluster.this'),
          demo(PP, 'module.storage.aws_s3_bucket.backup'),
        ],
      },
    ],
    fail: [
      {
        name: 'podcast media bucket in us-east-1',
        resources: [
          demo('podcast-ingest', 'module.storage.aws_s3_bucket.media'),
        ],
        address: 'module.storage.aws_s3_bucket.media',
      },
      {
        name: 'public-state Aurora cluster in us-east-1',
        resources: [fromCorpus('aws_rds_cluster', 'postgresql')],
      },
    ],
  },
  'residency.swedish-regions': {
    pass: [
      {
        name: 'primary and DR buckets',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.data'),
          demo(PP, 'module.storage.aws_s3_bucket.backup'),
        ],
      },
    ],
    fail: [
      {
        name: 'EU but not Swedish: database in eu-west-3',
        resources: [fromCorpus('aws_db_instance', 'default')],
      },
    ],
  },
  'residency.primary-region': {
    pass: [
      {
        name: 'Aurora in eu-north-1',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
      },
      {
        name: 'a read replica in the DR region is not a primary',
        resources: [
          edit(
            fromCorpus('aws_db_instance', 'default'),
            a =>
              (a.replicate_source_db =
                'arn:aws:rds:eu-north-1:123456789012:db:main'),
          ),
        ],
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'primary database in eu-west-3',
        resources: [fromCorpus('aws_db_instance', 'default')],
      },
    ],
  },
  'residency.backup-in-eu': {
    pass: [
      {
        name: 'replication to the eu-west-1 backup bucket',
        resources: replication(),
      },
      {
        name: 'destination outside the states read',
        resources: [replication()[0]],
        status: 'unknown',
      },
    ],
    fail: [
      {
        name: 'replication to a bucket in us-east-2',
        resources: [
          replication()[0],
          edit(replication()[1], a => (a.region = 'us-east-2')),
        ],
      },
    ],
  },
  'residency.dynamodb-replicas-in-eu': {
    pass: [
      {
        name: 'table without replicas',
        resources: [
          demo(
            'recommendation-engine',
            'module.database.aws_dynamodb_table.mixes',
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'global table replicated to us-east-2 and us-west-2',
        resources: [fromCorpus('aws_dynamodb_table', 'example')],
      },
    ],
  },
  'encryption.rds-storage': {
    pass: [
      {
        name: 'encrypted PostgreSQL',
        resources: [
          demo('platform-gateway', 'module.database.aws_db_instance.this'),
        ],
      },
    ],
    fail: [
      {
        name: 'rights-ledger database',
        resources: [
          demo('rights-ledger', 'module.database.aws_db_instance.this'),
        ],
        address: 'module.database.aws_db_instance.this',
      },
    ],
  },
  'encryption.s3-default': {
    pass: [
      {
        name: 'inline (computed) encryption',
        resources: [demo(PP, 'module.storage.aws_s3_bucket.data')],
      },
      {
        name: 'separate encryption resource linked by bucket',
        resources: [
          edit(
            demo(PP, 'module.storage.aws_s3_bucket.data'),
            a => (a.server_side_encryption_configuration = []),
          ),
          demo(
            PP,
            'module.storage.aws_s3_bucket_server_side_encryption_configuration.data',
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'public-state bucket without encryption',
        resources: [fromCorpus('aws_s3_bucket', 'bucket')],
      },
    ],
  },
  'encryption.ebs': {
    pass: [{ name: 'encrypted gp3', resources: [ebs(true)] }],
    fail: [{ name: 'unencrypted gp3', resources: [ebs(false)] }],
  },
  'encryption.instance-volumes': {
    pass: [
      {
        name: 'encrypted root volume',
        resources: [
          edit(
            fromCorpus('aws_instance', 'test'),
            a => (a.root_block_device[0].encrypted = true),
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'public-state instance with an unencrypted root volume',
        resources: [fromCorpus('aws_instance', 'test')],
      },
    ],
  },
  'encryption.msk-at-rest': {
    pass: [
      {
        name: 'customer KMS key',
        resources: [demo(PP, 'module.kafka.aws_msk_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'AWS-managed key',
        resources: [
          edit(
            demo(PP, 'module.kafka.aws_msk_cluster.this'),
            a => (a.encryption_info[0].encryption_at_rest_kms_key_arn = ''),
          ),
        ],
      },
    ],
  },
  'encryption.elasticache-at-rest': {
    pass: [
      {
        name: 'Redis 7.1',
        resources: [
          demo(
            'user-identity',
            'module.cache.aws_elasticache_replication_group.this',
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'at rest off',
        resources: [
          edit(
            demo(
              'user-identity',
              'module.cache.aws_elasticache_replication_group.this',
            ),
            a => (a.at_rest_encryption_enabled = false),
          ),
        ],
      },
    ],
  },
  'encryption.dynamodb-kms': {
    pass: [
      {
        name: 'SSE-KMS',
        resources: [
          demo(
            'recommendation-engine',
            'module.database.aws_dynamodb_table.mixes',
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'AWS-owned key (public state)',
        resources: [fromCorpus('aws_dynamodb_table', 'example')],
      },
    ],
  },
  'encryption.kms-rotation': {
    pass: [
      {
        name: 'rotating symmetric key',
        resources: [demo(PP, 'aws_kms_key.main')],
      },
      {
        name: 'asymmetric keys cannot rotate',
        resources: [fromCorpus('aws_kms_key', 'bar')],
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'symmetric key without rotation (public state)',
        resources: [fromCorpus('aws_kms_key', 'baz')],
      },
    ],
  },
  'transit.msk-tls': {
    pass: [
      {
        name: 'TLS and in-cluster',
        resources: [demo(PP, 'module.kafka.aws_msk_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'TLS_PLAINTEXT',
        resources: [
          edit(
            demo(PP, 'module.kafka.aws_msk_cluster.this'),
            a =>
              (a.encryption_info[0].encryption_in_transit[0].client_broker =
                'TLS_PLAINTEXT'),
          ),
        ],
      },
    ],
  },
  'transit.elasticache': {
    pass: [
      {
        name: 'transit encryption',
        resources: [
          demo(
            'user-identity',
            'module.cache.aws_elasticache_replication_group.this',
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'plain Redis',
        resources: [
          edit(
            demo(
              'user-identity',
              'module.cache.aws_elasticache_replication_group.this',
            ),
            a => (a.transit_encryption_enabled = false),
          ),
        ],
      },
    ],
  },
  'transit.lb-listeners': {
    pass: [
      {
        name: 'TLS 1.3 policy and a redirecting port 80',
        resources: [
          demo(PP, 'module.service.aws_lb_listener.https'),
          demo(PP, 'module.service.aws_lb_listener.http'),
        ],
      },
    ],
    fail: [
      {
        name: 'ELBSecurityPolicy-2016-08',
        resources: [
          demo('platform-gateway', 'module.service.aws_lb_listener.https'),
        ],
      },
      {
        name: 'port 80 forwarding',
        resources: [
          demo('platform-gateway', 'module.service.aws_lb_listener.http'),
        ],
      },
      {
        name: 'public-state HTTP listener',
        resources: [fromCorpus('aws_lb_listener', 'front_end')],
      },
    ],
  },
  'logging.log-groups-exist': {
    pass: [
      {
        name: 'ECS log group',
        resources: [demo(PP, 'module.service.aws_cloudwatch_log_group.this')],
      },
    ],
    fail: [
      {
        name: 'a bucket only',
        resources: [demo(PP, 'module.storage.aws_s3_bucket.data')],
      },
    ],
  },
  'logging.log-retention': {
    pass: [
      {
        name: '2557 days',
        resources: [demo(PP, 'module.service.aws_cloudwatch_log_group.this')],
      },
      {
        name: 'never expires',
        resources: [
          edit(
            demo(PP, 'module.service.aws_cloudwatch_log_group.this'),
            a => (a.retention_in_days = 0),
          ),
        ],
      },
      {
        name: '1096 days for a 3-year service',
        resources: [
          demo('user-identity', 'module.service.aws_cloudwatch_log_group.this'),
        ],
        input: demoProfile('user-identity'),
      },
    ],
    fail: [
      {
        name: 'subscription-billing /ecs keeps 365 days',
        resources: [
          demo(
            'subscription-billing',
            'module.service.aws_cloudwatch_log_group.this',
          ),
        ],
      },
    ],
  },
  'logging.s3-access-logs': {
    pass: [
      {
        name: 'data bucket logs',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.data'),
          demo(PP, 'module.storage.aws_s3_bucket_logging.data'),
        ],
      },
      {
        name: 'the log bucket itself is exempt',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.access_logs'),
          demo(PP, 'module.storage.aws_s3_bucket_logging.data'),
        ],
      },
    ],
    fail: [
      {
        name: 'public-state bucket without logging',
        resources: [fromCorpus('aws_s3_bucket', 'bucket')],
      },
    ],
  },
  'logging.rds-log-exports': {
    pass: [
      {
        name: 'postgresql export',
        resources: [
          demo('platform-gateway', 'module.database.aws_db_instance.this'),
        ],
      },
    ],
    fail: [
      {
        name: 'no export (public state)',
        resources: [fromCorpus('aws_db_instance', 'default')],
      },
    ],
  },
  'logging.msk-broker-logs': {
    pass: [
      {
        name: 'CloudWatch',
        resources: [demo(PP, 'module.kafka.aws_msk_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'all off',
        resources: [
          edit(
            demo(PP, 'module.kafka.aws_msk_cluster.this'),
            a =>
              (a.logging_info[0].broker_logs[0].cloudwatch_logs[0].enabled =
                false),
          ),
        ],
      },
    ],
  },
};
