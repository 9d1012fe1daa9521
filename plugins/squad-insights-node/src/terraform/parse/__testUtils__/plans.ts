/**
 * `terraform show -json <planfile>` of a first plan of the squad microservice template's infra
 * repository (templates/squad-microservice/skeleton-infra) for a financial service, shaped as
 * Terraform 1.10 with the AWS provider 5.x writes it: values only known after apply (ids, ARNs)
 * are absent from `planned_values`, `sensitive_values` mirrors the values' structure, and the
 * provider configurations take their regions from root variables.
 */

const AWS = 'registry.terraform.io/hashicorp/aws';
// The template's tag block (skeleton-infra/tags.tf): the design document's eleven tags with the
// catalog's display names, applied as provider default_tags.
const TAGS = {
  Squad: 'Payments Squad',
  Tribe: 'Commerce',
  Chapter: 'none',
  Guild: 'none',
  BusinessCapability: 'Royalty Statements',
  DataClassification: 'financial',
  ComplianceRequirements: 'GDPR,PCI_DSS',
  Country: 'Sweden',
  Organization: 'Acme Music AB',
  Environment: 'production',
  ManagedBy: 'Terraform',
};

type Values = Record<string, unknown>;

function resource(
  module: string,
  address: string,
  values: Values,
  extra: Values = {},
) {
  const local = address.replace(/\[.*\]$/, '');
  const data = local.startsWith('data.');
  const [type, name] = local.replace(/^data\./, '').split('.');
  const sensitive: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (value && typeof value === 'object')
      sensitive[key] = Array.isArray(value) ? value.map(() => ({})) : {};
  }
  return {
    address: `${module}.${address}`,
    mode: data ? 'data' : 'managed',
    type,
    name,
    provider_name: AWS,
    schema_version: 0,
    values,
    sensitive_values: sensitive,
    ...extra,
  };
}

const ACCOUNT = '412381764321';

/**
 * The resources of the template's s3-bucket module as planned for a new bucket: the bucket's
 * name is known (the account id comes from a data source read during the plan), its id is
 * not, so neither is the `bucket` of the resources configuring it nor a `target_bucket` that
 * names another new bucket.
 */
function bucket(
  module: string,
  name: string,
  options: { sse: string; logsTo?: boolean },
) {
  return {
    address: module,
    resources: [
      resource(module, 'aws_s3_bucket.this', {
        bucket: `${name}-${ACCOUNT}`,
        force_destroy: false,
        object_lock_enabled: false,
        tags: TAGS,
        tags_all: TAGS,
        timeouts: null,
      }),
      resource(module, 'aws_s3_bucket_public_access_block.this', {
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
      resource(
        module,
        'aws_s3_bucket_server_side_encryption_configuration.this',
        {
          expected_bucket_owner: null,
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { sse_algorithm: options.sse },
              ],
              bucket_key_enabled: options.sse === 'aws:kms',
            },
          ],
        },
      ),
      resource(module, 'aws_s3_bucket_versioning.this', {
        expected_bucket_owner: null,
        mfa: null,
        versioning_configuration: [{ mfa_delete: null, status: 'Enabled' }],
      }),
      ...(options.logsTo
        ? [
            resource(
              module,
              'aws_s3_bucket_logging.this[0]',
              {
                expected_bucket_owner: null,
                target_grant: [],
                target_object_key_format: [],
                target_prefix: `${name}-${ACCOUNT}/`,
              },
              { index: 0 },
            ),
          ]
        : []),
    ],
  };
}

function providerConfig(alias: string | undefined, variable: string) {
  return {
    name: 'aws',
    full_name: AWS,
    ...(alias && { alias }),
    version_constraint: '~> 5.80',
    expressions: { region: { references: [`var.${variable}`] } },
  };
}

function configResource(
  address: string,
  providerConfigKey: string,
  expressions: Record<string, unknown> = {},
) {
  const [type, name] = address.split('.');
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_config_key: providerConfigKey,
    expressions,
    schema_version: 0,
  };
}

const ref = (...references: string[]) => ({ references });
const ofBucket = { bucket: ref('aws_s3_bucket.this.id', 'aws_s3_bucket.this') };

/** The s3-bucket module as `configuration` shows it, called with the given arguments. */
const bucketCall = (key: string, expressions: Record<string, unknown>) => ({
  source: '../s3-bucket',
  expressions: { tags: ref('local.tags'), ...expressions },
  module: {
    outputs: {
      id: {
        description: 'The bucket name.',
        expression: ref('aws_s3_bucket.this.id', 'aws_s3_bucket.this'),
      },
      arn: {
        description: 'The bucket ARN.',
        expression: ref('aws_s3_bucket.this.arn', 'aws_s3_bucket.this'),
      },
    },
    resources: [
      configResource('aws_s3_bucket.this', key, {
        bucket: ref('var.name'),
        tags: ref('var.tags'),
      }),
      configResource('aws_s3_bucket_public_access_block.this', key, {
        ...ofBucket,
        block_public_acls: { constant_value: true },
      }),
      configResource(
        'aws_s3_bucket_server_side_encryption_configuration.this',
        key,
        ofBucket,
      ),
      configResource('aws_s3_bucket_versioning.this', key, ofBucket),
      configResource('aws_s3_bucket_logging.this', key, {
        ...ofBucket,
        target_bucket: ref('var.access_log_bucket'),
        target_prefix: ref('var.name'),
      }),
    ],
    variables: {
      name: { description: 'Bucket name.' },
      access_log_bucket: {
        default: null,
        description: 'Where access logs go; null for a log bucket.',
      },
    },
  },
});

/**
 * The plan; `backupRegion` is the value of `var.backup_region`, `dataSse` the data bucket's
 * default encryption algorithm.
 */
export function templatePlan(
  options: { backupRegion?: string; dataSse?: string } = {},
) {
  const backupRegion = options.backupRegion ?? 'eu-west-1';
  return {
    format_version: '1.2',
    terraform_version: '1.10.5',
    variables: {
      service: { value: 'royalty-statements' },
      team: { value: 'payments-squad' },
      tribe: { value: 'commerce-tribe' },
      region: { value: 'eu-north-1' },
      backup_region: { value: backupRegion },
      data_classification: { value: 'financial' },
      compliance_requirements: { value: ['GDPR', 'PCI_DSS'] },
      record_retention_years: { value: 7 },
      log_retention_days: { value: 2557 },
    },
    planned_values: {
      outputs: {
        data_bucket: { sensitive: false, value: 'royalty-statements-data' },
        log_group: { sensitive: false, value: '/squad/royalty-statements' },
      },
      root_module: {
        child_modules: [
          {
            address: 'module.service',
            resources: [
              resource('module.service', 'aws_cloudwatch_log_group.this', {
                log_group_class: 'STANDARD',
                name: '/squad/royalty-statements',
                retention_in_days: 2557,
                skip_destroy: false,
                tags: TAGS,
                tags_all: TAGS,
              }),
              resource('module.service', 'aws_kms_key.backup', {
                bypass_policy_lockout_safety_check: false,
                customer_master_key_spec: 'SYMMETRIC_DEFAULT',
                description: 'royalty-statements: backups',
                enable_key_rotation: true,
                is_enabled: true,
                key_usage: 'ENCRYPT_DECRYPT',
                tags: TAGS,
                tags_all: TAGS,
              }),
              resource('module.service', 'aws_kms_key.this', {
                bypass_policy_lockout_safety_check: false,
                customer_master_key_spec: 'SYMMETRIC_DEFAULT',
                description: 'royalty-statements: data and logs',
                enable_key_rotation: true,
                is_enabled: true,
                key_usage: 'ENCRYPT_DECRYPT',
                tags: TAGS,
                tags_all: TAGS,
              }),
              resource('module.service', 'data.aws_caller_identity.current', {
                account_id: '412381764321',
                arn: 'arn:aws:sts::412381764321:assumed-role/terraform-plan/GitHubActions',
                id: '412381764321',
                user_id: 'AROAW3MD6KXQEXAMPLE:GitHubActions',
              }),
            ],
            child_modules: [
              bucket(
                'module.service.module.access_logs',
                'royalty-statements-access-logs',
                { sse: 'AES256' },
              ),
              bucket(
                'module.service.module.backup',
                'royalty-statements-backup',
                { sse: 'aws:kms', logsTo: true },
              ),
              bucket(
                'module.service.module.backup_access_logs',
                'royalty-statements-backup-access-logs',
                { sse: 'AES256' },
              ),
              bucket('module.service.module.data', 'royalty-statements-data', {
                sse: options.dataSse ?? 'aws:kms',
                logsTo: true,
              }),
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'module.service.aws_kms_key.this',
        module_address: 'module.service',
        mode: 'managed',
        type: 'aws_kms_key',
        name: 'this',
        provider_name: AWS,
        change: {
          actions: ['create'],
          before: null,
          after_unknown: { arn: true, id: true, key_id: true, policy: true },
        },
      },
    ],
    configuration: {
      provider_config: {
        aws: providerConfig(undefined, 'region'),
        'aws.dr': providerConfig('dr', 'backup_region'),
      },
      root_module: {
        module_calls: {
          service: {
            source: './modules/squad-service',
            module: {
              resources: [
                configResource('aws_cloudwatch_log_group.this', 'aws'),
                configResource('aws_kms_key.backup', 'aws.dr'),
                {
                  ...configResource('aws_caller_identity.current', 'aws'),
                  address: 'data.aws_caller_identity.current',
                  mode: 'data',
                },
                configResource('aws_kms_key.this', 'aws', {
                  enable_key_rotation: { constant_value: true },
                }),
              ],
              // Passed configurations are resolved to the root ones they came from.
              module_calls: {
                access_logs: bucketCall('aws', {
                  name: ref('var.service', 'local.account_id'),
                }),
                data: bucketCall('aws', {
                  name: ref('var.service', 'local.account_id'),
                  access_log_bucket: ref(
                    'module.access_logs.id',
                    'module.access_logs',
                  ),
                  kms_key_arn: ref('aws_kms_key.this.arn', 'aws_kms_key.this'),
                }),
                backup_access_logs: bucketCall('aws.dr', {
                  name: ref('var.service', 'local.account_id'),
                }),
                backup: bucketCall('aws.dr', {
                  name: ref('var.service', 'local.account_id'),
                  access_log_bucket: ref(
                    'module.backup_access_logs.id',
                    'module.backup_access_logs',
                  ),
                  kms_key_arn: ref(
                    'aws_kms_key.backup.arn',
                    'aws_kms_key.backup',
                  ),
                }),
              },
            },
          },
        },
      },
    },
    timestamp: '2026-11-26T09:12:44Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
