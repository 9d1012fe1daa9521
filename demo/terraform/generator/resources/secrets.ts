import { arn, PRIMARY_REGION, PROVIDERS } from '../aws';
import type { ServiceContext } from '../context';
import type { Secret } from '../profiles';
import type { Ref } from '../state';
import type { KmsKey } from './kms';

/** A `random_password` as the hashicorp/random provider stores it (result and bcrypt hash). */
export function randomPassword(
  ctx: ServiceContext,
  name: string,
  opts: { length: number; special: boolean },
): Ref {
  const result = opts.special
    ? ctx.ids.password(`random_password/${name}`, opts.length)
    : ctx.ids.alnum(`random_password/${name}`, opts.length);
  // A well-formed but fake bcrypt hash: $2a$10$ + 53 characters of the bcrypt alphabet.
  const bcrypt = `$2a$10$${ctx.ids.alnum(
    `random_password/${name}/bcrypt`,
    53,
  )}`;
  return ctx.add({
    type: 'random_password',
    name,
    provider: PROVIDERS.random,
    schemaVersion: 3,
    sensitive: ['bcrypt_hash', 'result'],
    attributes: {
      bcrypt_hash: bcrypt,
      id: 'none',
      keepers: null,
      length: opts.length,
      lower: true,
      min_lower: 2,
      min_numeric: 2,
      min_special: opts.special ? 2 : 0,
      min_upper: 2,
      number: true,
      numeric: true,
      override_special: opts.special ? '!#%&*()-_=+[]{}<>:?' : null,
      result,
      special: opts.special,
      upper: true,
    },
  });
}

function secretValue(ctx: ServiceContext, secret: Secret): string {
  switch (secret.kind) {
    case 'api-key':
      return `live_${ctx.ids.alnum(`secret/${secret.name}`, 40)}`;
    case 'passphrase':
      return ctx.ids.password(`secret/${secret.name}`, 24);
    case 'signing-key':
      return ctx.ids.base64(`secret/${secret.name}`, 64);
  }
}

/** A KMS-encrypted SecureString parameter under /acme-music/<service>/. */
export function ssmParameter(
  ctx: ServiceContext,
  opts: {
    name: string;
    description: string;
    value: string;
    kms: KmsKey;
    dependsOn?: Ref[];
  },
): Ref {
  const path = `/acme-music/${ctx.name}/${opts.name}`;
  return ctx.add({
    type: 'aws_ssm_parameter',
    name: opts.name.replace(/-/g, '_'),
    schemaVersion: 0,
    tagged: true,
    sensitive: ['value'],
    attributes: {
      allowed_pattern: '',
      arn: arn('ssm', PRIMARY_REGION, `parameter${path}`),
      data_type: 'text',
      description: opts.description,
      id: path,
      insecure_value: null,
      key_id: opts.kms.alias.a.name,
      name: path,
      overwrite: null,
      tier: 'Standard',
      type: 'SecureString',
      value: opts.value,
      version: ctx.ids.int(`ssm/${opts.name}/version`, 1, 6),
    },
    dependsOn: [opts.kms.key, opts.kms.alias, ...(opts.dependsOn ?? [])],
  });
}

export function serviceSecrets(ctx: ServiceContext, kms: KmsKey): Ref[] {
  return (ctx.profile.secrets ?? []).map(secret =>
    ssmParameter(ctx, {
      name: secret.name,
      description: secret.description,
      value: secretValue(ctx, secret),
      kms,
    }),
  );
}
