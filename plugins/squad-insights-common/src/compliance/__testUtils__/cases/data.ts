import { demo, demoProfile, edit, fromCorpus } from '../service';
import type { Cases } from './types';
import { mskConfiguration } from './streams';

const PP = 'payment-processing';
const topic = (key: string, change: (a: any) => void = () => {}) =>
  edit(demo(PP, 'module.kafka.kafka_topic.this', key), change);
const lbSg = () => demo(PP, 'module.service.aws_security_group.lb');
const alb = () => demo(PP, 'module.service.aws_lb.this');
const sgRule = (port: number, sg: string) =>
  edit(fromCorpus('aws_security_group_rule', 'ingress'), a =>
    Object.assign(a, {
      from_port: port,
      to_port: port,
      protocol: 'tcp',
      security_group_id: sg,
    }),
  );
const PAB = 'module.storage.aws_s3_bucket_public_access_block.data';
const mixes = () =>
  demo('recommendation-engine', 'module.database.aws_dynamodb_table.mixes');
const ownedBy = (squad: string, tribe: string) => ({
  ownership: { squad: `group:default/${squad}`, tribe },
});

/** Event streams, backups, public exposure, ownership and tagging. */
export const DATA_CASES: Cases = {
  'streams.record-retention': {
    pass: [
      { name: '7 Gregorian years', resources: [topic('compliance-events')] },
      {
        name: 'customer topics are not records',
        resources: [topic('customer-events')],
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'subscription-billing compliance-events keeps 1 year',
        resources: [
          edit(
            demo(
              'subscription-billing',
              'module.kafka.kafka_topic.this',
              'compliance-events',
            ),
            () => {},
          ),
        ],
        address: 'module.kafka.kafka_topic.this["compliance-events"]',
      },
    ],
  },
  'streams.customer-data-max-retention': {
    pass: [
      { name: '3 Gregorian years', resources: [topic('customer-events')] },
      {
        name: 'compacted and deleted after 3 years',
        resources: [
          topic(
            'customer-events',
            a => (a.config['cleanup.policy'] = 'compact,delete'),
          ),
        ],
      },
    ],
    fail: [
      {
        name: 'kept forever',
        resources: [
          topic('customer-events', a => (a.config['retention.ms'] = '-1')),
        ],
      },
      {
        name: 'kept 7 years',
        resources: [
          topic(
            'customer-events',
            a => (a.config['retention.ms'] = '220898664000'),
          ),
        ],
      },
      {
        name: 'compacted only: retention.ms deletes nothing',
        resources: [
          topic(
            'customer-events',
            a => (a.config['cleanup.policy'] = 'compact'),
          ),
        ],
        address: 'module.kafka.kafka_topic.this["customer-events"]',
      },
    ],
  },
  'streams.min-insync-replicas': {
    pass: [
      { name: '2', resources: [topic('payment-transactions')] },
      { name: 'broker default 2', resources: [mskConfiguration()] },
    ],
    fail: [
      {
        name: '1',
        resources: [
          topic(
            'payment-transactions',
            a => (a.config['min.insync.replicas'] = '1'),
          ),
        ],
      },
      {
        name: "broker default not set (Kafka's is 1)",
        resources: [mskConfiguration({ 'min.insync.replicas': undefined })],
        address: 'aws_msk_configuration.svenska_financial_config',
      },
    ],
  },
  'streams.replication-factor': {
    pass: [
      { name: '3', resources: [topic('payment-transactions')] },
      { name: 'broker default 3', resources: [mskConfiguration()] },
    ],
    fail: [
      {
        name: '2',
        resources: [
          topic('payment-transactions', a => (a.replication_factor = 2)),
        ],
      },
      {
        name: 'broker default 2',
        resources: [mskConfiguration({ 'default.replication.factor': '2' })],
        address: 'aws_msk_configuration.svenska_financial_config',
      },
    ],
  },
  'streams.unclean-leader-election': {
    pass: [
      { name: 'false', resources: [topic('payment-transactions')] },
      {
        name: "not set: Kafka's default is off",
        resources: [
          topic(
            'payment-transactions',
            a => delete a.config['unclean.leader.election.enable'],
          ),
        ],
      },
      { name: 'broker setting false', resources: [mskConfiguration()] },
    ],
    fail: [
      {
        name: 'true',
        resources: [
          topic(
            'payment-transactions',
            a => (a.config['unclean.leader.election.enable'] = 'true'),
          ),
        ],
      },
      {
        name: "broker setting absent: Amazon MSK's default turns it on",
        resources: [
          mskConfiguration({ 'unclean.leader.election.enable': undefined }),
        ],
        address: 'aws_msk_configuration.svenska_financial_config',
      },
    ],
  },
  'backup.rds-retention': {
    pass: [
      {
        name: '35 days',
        resources: [
          demo('platform-gateway', 'module.database.aws_db_instance.this'),
        ],
      },
      {
        name: 'untagged public-state database is not known to be production',
        resources: [fromCorpus('aws_db_instance', 'default')],
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'no backups',
        resources: [
          edit(
            demo('platform-gateway', 'module.database.aws_db_instance.this'),
            a => (a.backup_retention_period = 0),
          ),
        ],
      },
    ],
  },
  'backup.deletion-protection': {
    pass: [
      {
        name: 'database and table',
        resources: [
          demo('platform-gateway', 'module.database.aws_db_instance.this'),
          mixes(),
        ],
      },
    ],
    fail: [
      {
        name: 'table without protection',
        resources: [
          edit(mixes(), a => (a.deletion_protection_enabled = false)),
        ],
      },
      {
        name: 'cluster without protection',
        resources: [
          edit(
            demo(PP, 'module.database.aws_rds_cluster.this'),
            a => (a.deletion_protection = false),
          ),
        ],
      },
    ],
  },
  'backup.dynamodb-pitr': {
    pass: [{ name: 'PITR on', resources: [mixes()] }],
    fail: [
      {
        name: 'PITR off',
        resources: [
          edit(mixes(), a => (a.point_in_time_recovery[0].enabled = false)),
        ],
      },
    ],
  },
  'backup.elasticache-snapshots': {
    pass: [
      {
        name: '7 snapshots',
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
        name: 'none',
        resources: [
          edit(
            demo(
              'user-identity',
              'module.cache.aws_elasticache_replication_group.this',
            ),
            a => (a.snapshot_retention_limit = 0),
          ),
        ],
      },
    ],
  },
  'exposure.s3-public-access-block': {
    pass: [
      {
        name: 'all four on',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.data'),
          demo(PP, PAB),
        ],
      },
    ],
    fail: [
      {
        name: 'public policies allowed',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.data'),
          edit(demo(PP, PAB), a => (a.block_public_policy = false)),
        ],
      },
      {
        name: 'no block at all (public state)',
        resources: [fromCorpus('aws_s3_bucket', 'bucket')],
      },
    ],
  },
  'exposure.db-not-public': {
    pass: [
      {
        name: 'private',
        resources: [
          demo(PP, 'module.database.aws_rds_cluster_instance.this', 0),
        ],
      },
    ],
    fail: [
      {
        name: 'publicly accessible',
        resources: [
          edit(
            demo('platform-gateway', 'module.database.aws_db_instance.this'),
            a => (a.publicly_accessible = true),
          ),
        ],
      },
    ],
  },
  'exposure.open-ingress': {
    pass: [
      {
        name: '80/443 to the ALB group',
        resources: [
          lbSg(),
          alb(),
          demo(PP, 'module.service.aws_security_group.service'),
        ],
      },
    ],
    fail: [
      {
        name: '80/443 open on a group no load balancer uses',
        resources: [lbSg()],
      },
      {
        name: 'service port open to the internet',
        resources: [
          alb(),
          edit(
            demo(PP, 'module.service.aws_security_group.service'),
            a => (a.ingress[0].cidr_blocks = ['0.0.0.0/0']),
          ),
        ],
      },
    ],
  },
  'exposure.open-ingress-rules': {
    pass: [
      {
        name: '443 on the ALB group',
        resources: [alb(), sgRule(443, alb().attributes.security_groups[0])],
      },
    ],
    fail: [
      {
        name: 'every port open (public state)',
        resources: [fromCorpus('aws_security_group_rule', 'ingress')],
      },
    ],
  },
  'tagging.required-tags': {
    pass: [
      {
        name: 'all eleven tags of the design document',
        resources: [
          demo(PP, 'module.storage.aws_s3_bucket.data'),
          demo(PP, 'module.kafka.kafka_topic.this', 'customer-events'),
        ],
      },
    ],
    fail: [
      {
        name: 'playlist-collaboration data bucket lacks team',
        resources: [
          demo('playlist-collaboration', 'module.storage.aws_s3_bucket.data'),
        ],
        input: demoProfile('playlist-collaboration'),
      },
    ],
  },
  'ownership.team-tag': {
    pass: [
      {
        name: 'payments-squad',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'recommendation-engine table tagged playlist-squad',
        resources: [mixes()],
        input: {
          ...demoProfile('recommendation-engine'),
          ...ownedBy('discovery-squad', 'music-experience-tribe'),
        },
      },
    ],
  },
  'ownership.tribe-tag': {
    pass: [
      {
        name: 'commerce-tribe',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'a tribe the squad is not in',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
        input: ownedBy('payments-squad', 'content-tribe'),
      },
    ],
  },
  'tagging.classification-matches-catalog': {
    pass: [
      {
        name: 'financial',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'tagged internal',
        resources: [
          edit(
            demo(PP, 'module.database.aws_rds_cluster.this'),
            a => (a.tags.DataClassification = 'internal'),
          ),
        ],
      },
    ],
  },
  'tagging.compliance-matches-catalog': {
    pass: [
      {
        name: 'GDPR,PCI_DSS,Svenska_Betaltjänstlagen',
        resources: [demo(PP, 'module.database.aws_rds_cluster.this')],
      },
    ],
    fail: [
      {
        name: 'GDPR only',
        resources: [
          edit(
            demo(PP, 'module.database.aws_rds_cluster.this'),
            a => (a.tags.ComplianceRequirements = 'GDPR'),
          ),
        ],
      },
    ],
  },
};
