import {
  ACCOUNT_ID,
  CANONICAL_USER_ID,
  PROVIDER_REGION,
  PROVIDERS,
  REGION_INFO,
} from '../aws';
import type { ServiceContext } from '../context';
import { jsonencode } from '../json';
import type { Ref } from '../state';
import { iamRoleAttributes } from './iam';
import type { KmsKey } from './kms';

const MODULE = 'module.storage';

type BucketKind = 'data' | 'logs' | 'backup' | 'media';

interface BucketSpec {
  /** Terraform resource name, e.g. `data` or `access_logs`. */
  name: string;
  bucket: string;
  kind: BucketKind;
  provider: string;
  kms: KmsKey;
  /** The access-log bucket (same region) this bucket logs to. */
  logTo?: Ref;
  /** Source buckets whose server access logs (and ALB logs) land here. */
  logSources?: string[];
  /** Filled into the bucket's computed `replication_configuration`. */
  replication?: {
    role: string;
    destinationArn: string;
    replicaKmsKeyArn: string;
  };
}

interface Bucket {
  bucket: Ref;
  versioning: Ref;
}

const TRANSITIONS: Record<
  BucketKind,
  Array<{ days: number; storage_class: string }>
> = {
  data: [
    { days: 90, storage_class: 'STANDARD_IA' },
    { days: 365, storage_class: 'GLACIER_IR' },
  ],
  media: [{ days: 180, storage_class: 'STANDARD_IA' }],
  logs: [{ days: 30, storage_class: 'GLACIER_IR' }],
  backup: [{ days: 30, storage_class: 'GLACIER_IR' }],
};

function lifecycleRules(ctx: ServiceContext, kind: BucketKind) {
  return [
    {
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      expiration: [
        {
          date: '',
          days: ctx.svc.retentionDays,
          expired_object_delete_marker: false,
        },
      ],
      filter: [
        {
          and: [],
          object_size_greater_than: '',
          object_size_less_than: '',
          prefix: '',
          tag: [],
        },
      ],
      id: 'record-retention',
      noncurrent_version_expiration: [
        { newer_noncurrent_versions: '', noncurrent_days: 90 },
      ],
      noncurrent_version_transition: [],
      prefix: '',
      status: 'Enabled',
      transition: TRANSITIONS[kind].map(t => ({ date: '', ...t })),
    },
  ];
}

function bucketPolicy(spec: BucketSpec, bucketArn: string): string {
  const statements: unknown[] = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ];
  if (spec.logSources?.length) {
    statements.push(
      {
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucketArn}/s3-access/*`,
        Condition: {
          ArnLike: {
            'aws:SourceArn': spec.logSources.map(b => `arn:aws:s3:::${b}`),
          },
          StringEquals: { 'aws:SourceAccount': ACCOUNT_ID },
        },
      },
      {
        Sid: 'LoadBalancerAccessLogs',
        Effect: 'Allow',
        Principal: {
          Service: 'logdelivery.elasticloadbalancing.amazonaws.com',
        },
        Action: 's3:PutObject',
        Resource: `${bucketArn}/alb/AWSLogs/${ACCOUNT_ID}/*`,
      },
    );
  }
  return jsonencode({ Version: '2012-10-17', Statement: statements });
}

/** A bucket with encryption, public access block, versioning, lifecycle, logging and policy. */
function bucket(ctx: ServiceContext, spec: BucketSpec): Bucket {
  const region = PROVIDER_REGION[spec.provider];
  const bucketArn = `arn:aws:s3:::${spec.bucket}`;
  const sseRule = {
    apply_server_side_encryption_by_default: [
      { kms_master_key_id: spec.kms.key.a.arn, sse_algorithm: 'aws:kms' },
    ],
    bucket_key_enabled: true,
  };
  const logPrefix = `s3-access/${spec.bucket}/`;
  const lifecycle = lifecycleRules(ctx, spec.kind);
  const common = { module: MODULE, provider: spec.provider };

  const b = ctx.add({
    ...common,
    type: 'aws_s3_bucket',
    name: spec.name,
    schemaVersion: 0,
    tagged: true,
    attributes: {
      acceleration_status: '',
      acl: null,
      arn: bucketArn,
      bucket: spec.bucket,
      bucket_domain_name: `${spec.bucket}.s3.amazonaws.com`,
      bucket_prefix: '',
      bucket_regional_domain_name: `${spec.bucket}.s3.${region}.amazonaws.com`,
      cors_rule: [],
      force_destroy: false,
      grant: [
        {
          id: CANONICAL_USER_ID,
          permissions: ['FULL_CONTROL'],
          type: 'CanonicalUser',
          uri: '',
        },
      ],
      hosted_zone_id: REGION_INFO[region].s3ZoneId,
      id: spec.bucket,
      // Computed mirrors of the separate configuration resources, as refreshes fill them in.
      lifecycle_rule: lifecycle.map(r => ({
        abort_incomplete_multipart_upload_days: 7,
        enabled: true,
        expiration: [
          {
            date: '',
            days: r.expiration[0].days,
            expired_object_delete_marker: false,
          },
        ],
        id: r.id,
        noncurrent_version_expiration: [{ days: 90 }],
        noncurrent_version_transition: [],
        prefix: '',
        tags: {},
        transition: r.transition,
      })),
      logging: spec.logTo
        ? [{ target_bucket: spec.logTo.a.bucket, target_prefix: logPrefix }]
        : [],
      object_lock_configuration: [],
      object_lock_enabled: false,
      policy: bucketPolicy(spec, bucketArn),
      // aws_s3_bucket is the one provider-v5 resource with a computed `region` attribute.
      region,
      replication_configuration: spec.replication
        ? [
            {
              role: spec.replication.role,
              rules: [
                {
                  delete_marker_replication_status: 'Enabled',
                  destination: [
                    {
                      access_control_translation: [],
                      account_id: '',
                      bucket: spec.replication.destinationArn,
                      metrics: [{ minutes: 15, status: 'Enabled' }],
                      replica_kms_key_id: spec.replication.replicaKmsKeyArn,
                      replication_time: [{ minutes: 15, status: 'Enabled' }],
                      storage_class: 'STANDARD_IA',
                    },
                  ],
                  filter: [{ prefix: '', tags: {} }],
                  id: 'disaster-recovery',
                  prefix: '',
                  priority: 1,
                  source_selection_criteria: [
                    { sse_kms_encrypted_objects: [{ enabled: true }] },
                  ],
                  status: 'Enabled',
                },
              ],
            },
          ]
        : [],
      request_payer: 'BucketOwner',
      server_side_encryption_configuration: [{ rule: [sseRule] }],
      timeouts: null,
      versioning: [{ enabled: true, mfa_delete: false }],
      website: [],
      website_domain: null,
      website_endpoint: null,
    },
  });

  ctx.add({
    ...common,
    type: 'aws_s3_bucket_server_side_encryption_configuration',
    name: spec.name,
    schemaVersion: 0,
    attributes: {
      bucket: spec.bucket,
      expected_bucket_owner: '',
      id: spec.bucket,
      rule: [sseRule],
    },
    dependsOn: [b, spec.kms.key],
  });
  ctx.add({
    ...common,
    type: 'aws_s3_bucket_public_access_block',
    name: spec.name,
    schemaVersion: 0,
    attributes: {
      block_public_acls: true,
      block_public_policy: true,
      bucket: spec.bucket,
      id: spec.bucket,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    },
    dependsOn: [b],
  });
  const versioning = ctx.add({
    ...common,
    type: 'aws_s3_bucket_versioning',
    name: spec.name,
    schemaVersion: 0,
    attributes: {
      bucket: spec.bucket,
      expected_bucket_owner: '',
      id: spec.bucket,
      mfa: null,
      versioning_configuration: [{ mfa_delete: '', status: 'Enabled' }],
    },
    dependsOn: [b],
  });
  ctx.add({
    ...common,
    type: 'aws_s3_bucket_lifecycle_configuration',
    name: spec.name,
    schemaVersion: 1,
    attributes: {
      bucket: spec.bucket,
      expected_bucket_owner: '',
      id: spec.bucket,
      rule: lifecycle,
      timeouts: null,
      transition_default_minimum_object_size: 'all_storage_classes_128K',
    },
    dependsOn: [b, versioning],
  });
  ctx.add({
    ...common,
    type: 'aws_s3_bucket_policy',
    name: spec.name,
    schemaVersion: 0,
    attributes: { bucket: spec.bucket, id: spec.bucket, policy: b.a.policy },
    dependsOn: [b],
  });
  if (spec.logTo) {
    ctx.add({
      ...common,
      type: 'aws_s3_bucket_logging',
      name: spec.name,
      schemaVersion: 0,
      attributes: {
        bucket: spec.bucket,
        expected_bucket_owner: '',
        id: spec.bucket,
        target_bucket: spec.logTo.a.bucket,
        target_grant: [],
        target_object_key_format: [],
        target_prefix: logPrefix,
      },
      dependsOn: [b, spec.logTo],
    });
  }
  return { bucket: b, versioning };
}

function bucketName(
  ctx: ServiceContext,
  purpose: string,
  provider: string,
): string {
  return `acme-music-${ctx.name}-${purpose}-${
    REGION_INFO[PROVIDER_REGION[provider]].short
  }`;
}

/**
 * Primary data bucket and its access-log bucket in eu-north-1, replicated to a backup bucket
 * (with its own access-log bucket) in eu-west-1 through the `dr` provider.
 */
export function storage(
  ctx: ServiceContext,
  keys: { primary: KmsKey; dr: KmsKey },
) {
  const names = {
    data: bucketName(ctx, 'data', PROVIDERS.aws),
    logs: bucketName(ctx, 'access-logs', PROVIDERS.aws),
    backup: bucketName(ctx, 'backup', PROVIDERS.dr),
    backupLogs: bucketName(ctx, 'backup-access-logs', PROVIDERS.dr),
  };

  const backupLogs = bucket(ctx, {
    name: 'backup_access_logs',
    bucket: names.backupLogs,
    kind: 'logs',
    provider: PROVIDERS.dr,
    kms: keys.dr,
    logSources: [names.backup],
  });
  const backup = bucket(ctx, {
    name: 'backup',
    bucket: names.backup,
    kind: 'backup',
    provider: PROVIDERS.dr,
    kms: keys.dr,
    logTo: backupLogs.bucket,
  });
  const logs = bucket(ctx, {
    name: 'access_logs',
    bucket: names.logs,
    kind: 'logs',
    provider: PROVIDERS.aws,
    kms: keys.primary,
    logSources: [names.data],
  });

  const dataArn = `arn:aws:s3:::${names.data}`;
  const replicationPolicy = {
    name: 'replicate-to-dr',
    policy: jsonencode({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
          Resource: dataArn,
        },
        {
          Effect: 'Allow',
          Action: [
            's3:GetObjectVersionForReplication',
            's3:GetObjectVersionAcl',
            's3:GetObjectVersionTagging',
          ],
          Resource: `${dataArn}/*`,
        },
        {
          Effect: 'Allow',
          Action: [
            's3:ReplicateObject',
            's3:ReplicateDelete',
            's3:ReplicateTags',
          ],
          Resource: `${backup.bucket.a.arn}/*`,
        },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: keys.primary.key.a.arn,
        },
        { Effect: 'Allow', Action: 'kms:Encrypt', Resource: keys.dr.key.a.arn },
      ],
    }),
  };
  const roleName = `${ctx.name}-s3-replication`;
  const role = ctx.add({
    module: MODULE,
    type: 'aws_iam_role',
    name: 'replication',
    schemaVersion: 0,
    tagged: true,
    attributes: iamRoleAttributes(ctx, {
      name: roleName,
      servicePrincipal: 's3.amazonaws.com',
      description: 'Replicates the data bucket to eu-west-1',
      inlinePolicies: [replicationPolicy],
    }),
  });

  const data = bucket(ctx, {
    name: 'data',
    bucket: names.data,
    kind: 'data',
    provider: PROVIDERS.aws,
    kms: keys.primary,
    logTo: logs.bucket,
    replication: {
      role: role.a.arn,
      destinationArn: backup.bucket.a.arn,
      replicaKmsKeyArn: keys.dr.key.a.arn,
    },
  });

  ctx.add({
    module: MODULE,
    type: 'aws_iam_role_policy',
    name: 'replication',
    schemaVersion: 0,
    attributes: {
      id: `${roleName}:${replicationPolicy.name}`,
      name: replicationPolicy.name,
      name_prefix: '',
      policy: replicationPolicy.policy,
      role: roleName,
    },
    dependsOn: [
      role,
      data.bucket,
      backup.bucket,
      keys.primary.key,
      keys.dr.key,
    ],
  });

  const r = data.bucket.a.replication_configuration[0].rules[0];
  ctx.add({
    module: MODULE,
    type: 'aws_s3_bucket_replication_configuration',
    name: 'data',
    schemaVersion: 0,
    sensitive: ['token'],
    attributes: {
      bucket: names.data,
      id: names.data,
      role: role.a.arn,
      rule: [
        {
          delete_marker_replication: [{ status: 'Enabled' }],
          destination: [
            {
              access_control_translation: [],
              account: '',
              bucket: backup.bucket.a.arn,
              encryption_configuration: [
                { replica_kms_key_id: keys.dr.key.a.arn },
              ],
              metrics: [
                { event_threshold: [{ minutes: 15 }], status: 'Enabled' },
              ],
              replication_time: [
                { status: 'Enabled', time: [{ minutes: 15 }] },
              ],
              storage_class: 'STANDARD_IA',
            },
          ],
          existing_object_replication: [],
          filter: [{ and: [], prefix: '', tag: [] }],
          id: r.id,
          prefix: '',
          priority: 1,
          source_selection_criteria: [
            {
              replica_modifications: [],
              sse_kms_encrypted_objects: [{ status: 'Enabled' }],
            },
          ],
          status: 'Enabled',
        },
      ],
      token: null,
    },
    dependsOn: [
      data.bucket,
      data.versioning,
      backup.bucket,
      backup.versioning,
      role,
      keys.dr.key,
    ],
  });

  return { data: data.bucket, logs: logs.bucket, backup: backup.bucket };
}

/**
 * podcast-ingest only: a media bucket (plus its log bucket and KMS key) in us-east-1 through
 * the `us` provider — data stored outside the EU, on purpose.
 */
export function usMediaBucket(ctx: ServiceContext, kms: KmsKey) {
  const media = bucketName(ctx, 'media', PROVIDERS.us);
  const mediaLogs = bucketName(ctx, 'media-access-logs', PROVIDERS.us);
  const logs = bucket(ctx, {
    name: 'media_access_logs',
    bucket: mediaLogs,
    kind: 'logs',
    provider: PROVIDERS.us,
    kms,
    logSources: [media],
  });
  return bucket(ctx, {
    name: 'media',
    bucket: media,
    kind: 'media',
    provider: PROVIDERS.us,
    kms,
    logTo: logs.bucket,
  }).bucket;
}
