import { c, expectNoCanary } from './__testUtils__/secretState';
import { parseBoth, v4Resource, v4State } from './__testUtils__/states';
import { PROVIDER_SENSITIVE } from './providerSensitive';
import { isSecretAttributeName } from './secrets';

/**
 * Attributes the provider schemas mark sensitive whose names say nothing: only the table keeps
 * them out of an inventory. Each resource also keeps a plain attribute, so a scrubber that
 * dropped everything would not pass.
 */
const UNNAMED: Array<[type: string, secret: string, kept: string]> = [
  ['azurerm_application_insights', 'instrumentation_key', 'app_id'],
  [
    'azurerm_eventhub_namespace',
    'default_primary_connection_string_alias',
    'sku',
  ],
  [
    'azurerm_container_app',
    'custom_domain_verification_id',
    'latest_revision_fqdn',
  ],
  ['google_redis_instance', 'auth_string', 'host'],
  ['google_sql_ssl_cert', 'server_ca_cert', 'common_name'],
  ['aws_appsync_api_key', 'key', 'api_id'],
  ['aws_ssm_parameter', 'value', 'name'],
  ['github_actions_environment_secret', 'value_encrypted', 'secret_name'],
  ['kubernetes_secret_v1', 'binary_data', 'type'],
  ['random_bytes', 'hex', 'length'],
  // From the npm join (Pulumi secret outputs, CDKTF names), not read by hand.
  ['azurerm_key_vault_secret', 'value', 'content_type'],
  ['aws_vpn_connection', 'tunnel1_preshared_key', 'tunnel1_address'],
  ['azurerm_new_relic_monitor', 'ingestion_key', 'location'],
];

/** One entry per provider the issue names, and data sources read from their own schema. */
const REPRESENTATIVE: Array<[type: string, attribute: string]> = [
  ['aws_db_instance', 'password'],
  ['aws_iam_access_key', 'secret'],
  ['google_sql_user', 'password'],
  ['google_service_account_key', 'private_key'],
  ['azurerm_storage_account', 'primary_access_key'],
  ['azurerm_kubernetes_cluster', 'kube_config_raw'],
  ['kubernetes_secret_v1', 'data'],
  ['kubernetes_token_request_v1', 'token'],
  ['helm_release', 'set_sensitive.value'],
  ['tls_private_key', 'private_key_pem'],
  ['tls_private_key', 'private_key_pem_pkcs8'],
  ['random_password', 'result'],
  ['github_actions_secret', 'plaintext_value'],
  ['github_actions_environment_secret', 'value_encrypted'],
  // data sources with no resource of the same name
  ['aws_eks_cluster_auth', 'token'],
  ['google_client_config', 'access_token'],
  ['azurerm_storage_account_sas', 'sas'],
  ['azurerm_function_app_host_keys', 'default_function_key'],
  ['google_secret_manager_secret_version_access', 'secret_data'],
  ['helm_template', 'set_sensitive.value'],
  ['aws_ssm_parameters_by_path', 'values'],
];

describe('PROVIDER_SENSITIVE', () => {
  it.each(REPRESENTATIVE)('lists %s.%s', (type, attribute) => {
    expect(PROVIDER_SENSITIVE[type]).toContain(attribute);
  });

  it('covers the eight providers beyond a hand-picked few', () => {
    const count = (prefix: string) =>
      Object.keys(PROVIDER_SENSITIVE).filter(t => t.startsWith(prefix)).length;
    expect(count('aws_')).toBeGreaterThan(50);
    expect(count('azurerm_')).toBeGreaterThan(100);
    expect(count('google_')).toBeGreaterThan(25);
    for (const prefix of ['github_', 'tls_', 'random_', 'kubernetes_', 'helm_'])
      expect(count(prefix)).toBeGreaterThan(0);
  });

  it('lists no attribute that is not sensitive in the schema (label copies Pulumi adds)', () => {
    for (const attrs of Object.values(PROVIDER_SENSITIVE)) {
      expect(attrs).not.toContain('pulumi_labels');
      expect(attrs).not.toContain('effective_labels');
    }
  });

  it.each(UNNAMED)(
    'lists %s.%s, which the name rules would keep',
    (type, secret) => {
      expect(PROVIDER_SENSITIVE[type]).toContain(secret);
      expect(isSecretAttributeName(secret)).toBe(false);
    },
  );

  it('keeps those values out of the inventory, on both parse paths', async () => {
    const resources = UNNAMED.map(([type, secret, kept]) =>
      v4Resource(
        { type, name: 'x' },
        { [secret]: c(), [kept]: `kept-${type}` },
      ),
    );
    const text = JSON.stringify(await parseBoth(v4State(resources)));
    expectNoCanary(text);
    for (const [type] of UNNAMED) expect(text).toContain(`"kept-${type}"`);
  });

  it('keeps the secrets data sources read out of the inventory, lists included', async () => {
    const text = JSON.stringify(
      await parseBoth(
        v4State([
          // Every parameter under a path, decrypted: the schema marks `values` sensitive.
          v4Resource(
            { type: 'aws_ssm_parameters_by_path', name: 'app', mode: 'data' },
            {
              path: '/payments/',
              names: ['/payments/db-url', '/payments/api-key'],
              values: [c(), c()],
            },
          ),
          // Unmarked in the schema; its name gives it away.
          v4Resource(
            {
              type: 'aws_secretsmanager_random_password',
              name: 'db',
              mode: 'data',
            },
            { exclude_punctuation: true, random_password: c() },
          ),
        ]),
      ),
    );
    expectNoCanary(text);
    expect(text).toContain('/payments/api-key');
    expect(text).toContain('"exclude_punctuation":true');
  });

  it('keeps a sensitive field inside a block out (helm_release set_sensitive[].value), and the rest of the block', async () => {
    expect(PROVIDER_SENSITIVE.helm_release).toContain('set_sensitive.value');
    expect(isSecretAttributeName('value')).toBe(false);
    const release = v4Resource(
      { type: 'helm_release', name: 'x' },
      {
        name: 'payments',
        set_sensitive: [
          { name: 'db.host', value: c(), type: 'string' },
          { name: 'replicaCount', value: c(), type: 'string' },
        ],
        set: [{ name: 'image.tag', value: 'kept-1.4.2', type: 'string' }],
      },
    );
    const text = JSON.stringify(await parseBoth(v4State([release])));
    expectNoCanary(text);
    expect(text).toContain('"replicaCount"'); // the block's other fields stay
    expect(text).toContain('"kept-1.4.2"'); // a plain `set` value stays
  });

  it('names attributes as the scrubber reads them: lower-case words, dotted when nested', () => {
    const types = Object.keys(PROVIDER_SENSITIVE);
    expect(types.length).toBeGreaterThan(300);
    for (const type of types) {
      expect(type).toMatch(/^[a-z0-9]+_[a-z0-9_]+$/);
      expect(PROVIDER_SENSITIVE[type].length).toBeGreaterThan(0);
      for (const attr of PROVIDER_SENSITIVE[type]) {
        expect(attr).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
      }
    }
  });
});
