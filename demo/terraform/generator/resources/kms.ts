import { ACCOUNT_ID, arn, iamArn, PROVIDER_REGION, PROVIDERS } from '../aws';
import type { ServiceContext } from '../context';
import { jsonencode } from '../json';
import type { Ref } from '../state';

export interface KmsKey {
  key: Ref;
  alias: Ref;
}

function keyPolicy(region: string): string {
  return jsonencode({
    Version: '2012-10-17',
    Id: 'key-policy',
    Statement: [
      {
        Sid: 'AccountAdministration',
        Effect: 'Allow',
        Principal: { AWS: iamArn('root') },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'CloudWatchLogs',
        Effect: 'Allow',
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: [
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:Describe*',
        ],
        Resource: '*',
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${ACCOUNT_ID}:*`,
          },
        },
      },
    ],
  });
}

/** A customer-managed key with yearly rotation and its alias, in the provider's region. */
export function kmsKey(
  ctx: ServiceContext,
  opts: { name: string; provider: string; alias: string; description: string },
): KmsKey {
  const region = PROVIDER_REGION[opts.provider];
  const keyId = ctx.ids.uuid(`kms/${opts.name}`);
  const keyArn = arn('kms', region, `key/${keyId}`);
  const key = ctx.add({
    type: 'aws_kms_key',
    name: opts.name,
    provider: opts.provider,
    schemaVersion: 0,
    tagged: true,
    attributes: {
      arn: keyArn,
      bypass_policy_lockout_safety_check: false,
      custom_key_store_id: '',
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      deletion_window_in_days: 30,
      description: opts.description,
      enable_key_rotation: true,
      id: keyId,
      is_enabled: true,
      key_id: keyId,
      key_usage: 'ENCRYPT_DECRYPT',
      multi_region: false,
      policy: keyPolicy(region),
      rotation_period_in_days: 365,
      timeouts: null,
      xks_key_id: '',
    },
  });
  const aliasName = `alias/${opts.alias}`;
  const alias = ctx.add({
    type: 'aws_kms_alias',
    name: opts.name,
    provider: opts.provider,
    schemaVersion: 0,
    attributes: {
      arn: arn('kms', region, aliasName),
      id: aliasName,
      name: aliasName,
      name_prefix: '',
      target_key_arn: keyArn,
      target_key_id: keyId,
    },
    dependsOn: [key],
  });
  return { key, alias };
}

export function serviceKeys(ctx: ServiceContext) {
  return {
    primary: kmsKey(ctx, {
      name: 'main',
      provider: PROVIDERS.aws,
      alias: ctx.name,
      description: `${ctx.name}: data, logs and secrets (eu-north-1)`,
    }),
    dr: kmsKey(ctx, {
      name: 'dr',
      provider: PROVIDERS.dr,
      alias: `${ctx.name}-dr`,
      description: `${ctx.name}: disaster-recovery copies (eu-west-1)`,
    }),
  };
}
