import { v4Resource, v4State } from './states';

// Test helpers only (not exported from the package).

// Every secret below carries its own canary; none may reach an inventory or an error message.
export const canaries: string[] = [];
export const c = () => {
  const value = `CANARY-${String(canaries.length + 1).padStart(5, '0')}`;
  canaries.push(value);
  return value;
};
/** Registers a secret whose shape leaves no room for the `CANARY-` prefix (an AWS key). */
export const registerCanary = (value: string) => {
  canaries.push(value);
  return value;
};
export const expectNoCanary = (text: string) => {
  const leaked = canaries.filter(canary => text.includes(canary));
  expect(leaked).toEqual([]);
};

const attr = (name: string) => ({ type: 'get_attr', value: name });
const index = (value: string | number) => ({
  type: 'index',
  value: { value, type: typeof value === 'number' ? 'number' : 'string' },
});

/** Attribute names that must always be dropped, at any depth and in any case style. */
export const NAMED_SECRETS = [
  'password master_password admin_password Password DB_PASSWORD secret secret_key ',
  'secret_access_key access_key private_key private_key_pem private_key_openssh token ',
  'auth_token access_token sas_token client_secret clientSecret Client-Secret api_key ',
  'API_KEY apiKey connection_string primary_access_key secondary_access_key ',
  'primary_connection_string sas kube_config_raw kube_admin_config_raw ',
  'ses_smtp_password_v4 encrypted_secret password_data plaintext ciphertext_blob ',
  'secret_string secret_binary user_data custom_data bcrypt_hash client_key',
]
  .join('')
  .split(' ');

/** A format-4 state holding every kind of secret, each with its own canary. */
export function secretState() {
  const named: Record<string, unknown> = { keep_top: 'visible-1' };
  for (const name of NAMED_SECRETS) named[name] = c();
  named.connection_strings = [{ name: 'db', value: c() }];
  named.kube_config = [
    {
      host: 'dropped-with-the-whole-kubeconfig',
      password: c(),
      client_key: c(),
      token: c(),
    },
  ];
  named.nested = {
    deeper: [{ password: c(), keep: 'visible-3' }],
    settings: { connectionString: c() },
  };
  named.tags = { Team: 'visible-4', api_token: c() };
  named.config = { access_key: c(), bucket: 'visible-5' };

  const marked = {
    schema_version: 0,
    attributes: {
      keep: 'visible-6',
      custom_field: c(),
      blocks: [{ note: c(), keep: 'visible-7' }],
      settings: { api: c(), other: 'visible-8' },
      rules: [{ cidr: c() }],
    },
    sensitive_attributes: [
      [attr('custom_field')],
      [attr('blocks'), index(0), attr('note')],
      [attr('settings'), index('api')],
      // An index into a set is keyed by value: the whole set must go.
      [attr('rules'), index(c())],
    ],
    private: Buffer.from(c()).toString('base64'),
  };
  return v4State(
    [
      v4Resource({ type: 'aws_db_instance', name: 'named' }, named),
      v4Resource({ type: 'aws_instance', name: 'marked', instances: [marked] }),
      v4Resource({
        type: 'aws_instance',
        name: 'odd_marks',
        instances: [
          {
            attributes: { x: c() },
            sensitive_attributes: [[{ type: 'future_step', value: c() }]],
          },
        ],
      }),
      v4Resource({
        type: 'aws_rds_cluster',
        name: 'flat',
        instances: [
          {
            attributes_flat: {
              id: 'visible-9',
              master_password: c(),
              'user.#': '1',
              'user.0.password': c(),
              'tags.%': '1',
              'tags.token': c(),
            },
          },
        ],
      }),
      v4Resource({
        type: 'aws_instance',
        name: 'replaced',
        instances: [
          { attributes: { id: 'visible-10' } },
          { deposed: '00000001', attributes: { id: c() } },
        ],
      }),
      v4Resource(
        { type: 'aws_ssm_parameter', name: 'secure' },
        { type: 'SecureString', value: c(), name: 'visible-11' },
      ),
      v4Resource(
        { type: 'aws_ssm_parameter', name: 'plain' },
        // The AWS schema marks `value` sensitive whatever the type; `insecure_value` is not.
        { type: 'String', value: c(), insecure_value: 'visible-12' },
      ),
      v4Resource(
        { type: 'random_password', name: 'db' },
        { result: c(), length: 32 },
      ),
      v4Resource(
        { type: 'azuread_application_password', name: 'app' },
        { value: c(), key_id: 'visible-13' },
      ),
      v4Resource(
        { type: 'azurerm_key_vault_secret', name: 's' },
        { value: c(), name: 'visible-14' },
      ),
      v4Resource(
        { type: 'kubernetes_secret', name: 's' },
        {
          data: { any_key: c() },
          binary_data: { b: c() },
          metadata: [{ name: 'visible-15' }],
        },
      ),
      ...valueSecretResources(),
      v4Resource(
        { type: 'vault_generic_secret', name: 's' },
        {
          data_json: JSON.stringify({ k: c() }),
          data: { k: c() },
          path: 'visible-16',
        },
      ),
    ],
    {
      outputs: {
        marked: { value: c(), type: 'string', sensitive: true },
        db_password: { value: c(), type: 'string' },
        endpoint: {
          value: { host: 'visible-17', password: c() },
          type: ['object', {}],
        },
        db_url: {
          value: `postgres://app:${c()}@db.internal:5432/app`,
          type: 'string',
        },
      },
    },
  );
}

/**
 * Secrets that only their value gives away (or a provider schema marks sensitive), in
 * attributes whose names say nothing. Keeps visible-18 to visible-23.
 */
function valueSecretResources() {
  const jwt = `eyJhbGciOiJIUzI1NiJ9.${c()}.c2lnbmF0dXJlLXBhcnQ`;
  const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${c()}\n-----END RSA PRIVATE KEY-----\n`;
  // PKCS#12 in base64: SEQUENCE { INTEGER 3, ... }.
  const p12 = `MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBM8GCSqGSIb3DQEHBqCCBMAwggS8AgEA${c()}MIIEtQYJKoZIhvcNAQcBMBwGCiqGSIb3DQEMAQYwDgQI`;
  const containers = [
    {
      name: 'web',
      image: 'visible-19',
      environment: [
        { name: 'DB_PASSWORD', value: c() },
        { name: 'REDIS_URL', value: `redis://:${c()}@cache.internal:6379` },
        { name: 'LOG_LEVEL', value: 'visible-20' },
      ],
      command: ['serve', `--token=${c()}`],
    },
  ];
  return [
    v4Resource(
      { type: 'aws_api_gateway_api_key', name: 'k' },
      { value: c(), name: 'visible-18' },
    ),
    v4Resource(
      { type: 'datadog_api_key', name: 'k' },
      { key: c(), name: 'dd' },
    ),
    v4Resource(
      { type: 'azurerm_application_insights', name: 'ai' },
      { instrumentation_key: c(), app_id: 'visible-23' },
    ),
    v4Resource(
      { type: 'google_redis_instance', name: 'cache' },
      { auth_string: c(), host: '10.0.0.3' },
    ),
    v4Resource(
      { type: 'azurerm_eventhub_namespace', name: 'bus' },
      { default_primary_connection_string_alias: c(), sku: 'Standard' },
    ),
    v4Resource(
      { type: 'acme_certificate', name: 'c' },
      {
        certificate_p12: c(),
        bundle: p12,
        certificate_url: 'https://acme.example/cert/1',
      },
    ),
    v4Resource(
      { type: 'kind_cluster', name: 'k' },
      {
        kubeconfig: `apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: ${c()}\n`,
      },
    ),
    v4Resource(
      { type: 'aws_lambda_function', name: 'f' },
      {
        environment: [
          {
            variables: {
              DATABASE_URL: `postgres://app:${c()}@db.internal:5432/app`,
              AUTH_HEADER: jwt,
              GH: `ghp_${c()}abcdefghijklmnopqrstuvwx`,
              SLACK: `xoxb-${c()}-1234567890`,
              STRIPE: `sk_live_${c()}abcdef`,
              SIGNING: pem,
              AWS_ACCESS_KEY_ID: registerCanary('AKIAIOSFODNN7EXAMPLE'),
              AWS_SK: registerCanary(
                'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
              ),
              SETTINGS: `mode=fast API_TOKEN=${c()} retries=3`,
              LOG_LEVEL: 'visible-21',
            },
          },
        ],
      },
    ),
    v4Resource(
      { type: 'aws_ecs_task_definition', name: 't' },
      { container_definitions: JSON.stringify(containers), family: 'web' },
    ),
    v4Resource(
      { type: 'helm_release', name: 'h' },
      {
        set: [
          { name: 'auth.password', value: c() },
          { name: 'replicaCount', value: 'visible-22' },
        ],
        repository: `https://robot:${c()}@charts.example.com/stable`,
      },
    ),
  ];
}
