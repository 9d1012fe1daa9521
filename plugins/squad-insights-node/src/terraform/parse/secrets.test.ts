import {
  c,
  canaries,
  expectNoCanary,
  NAMED_SECRETS,
  secretState,
} from './__testUtils__/secretState';
import { parseState } from './parseState';
import {
  parseBoth,
  TEST_CONTEXT,
  v4Resource,
  v4State,
} from './__testUtils__/states';
import { isSecretAttributeName } from './secrets';

describe('secrets never leave the parser', () => {
  it('drops every kind of secret from a format-4 state, and keeps the rest', async () => {
    const text = JSON.stringify(await parseBoth(secretState()));
    expectNoCanary(text);
    // visible-2 sat inside kube_config, which goes as a whole.
    const kept = [1, ...Array.from({ length: 21 }, (_, i) => i + 3)];
    // visible-19 and -20 sit in a JSON string, scrubbed inside and serialised again.
    for (const i of kept)
      expect(text).toMatch(new RegExp(`"visible-${i}\\\\?"`));
    expect(text).toContain('"db_password":{"sensitive":true}');
  });

  it('drops sensitive_values and sensitive outputs of show -json, and ignores plan variables', async () => {
    const doc = {
      format_version: '1.2',
      variables: { db_password: { value: c() } },
      planned_values: {
        root_module: { resources: [{ values: { password: c() } }] },
      },
      prior_state: {
        format_version: '1.0',
        values: {
          outputs: {
            token: { sensitive: true, value: c() },
            plain: { sensitive: false, value: 'visible' },
          },
          root_module: {
            resources: [
              {
                address: 'aws_instance.a',
                mode: 'managed',
                type: 'aws_instance',
                name: 'a',
                provider_name: 'aws',
                values: { custom: c(), list: [c(), 'visible-a'], api_key: c() },
                sensitive_values: { custom: true, list: [true, false] },
              },
            ],
          },
        },
      },
    };
    const text = JSON.stringify(await parseBoth(doc));
    expectNoCanary(text);
    expect(text).toContain('visible-a');
  });

  it('drops secrets of formats 1–3 and backend configs', async () => {
    const v3 = {
      version: 3,
      modules: [
        {
          path: ['root'],
          outputs: {
            admin_token: { sensitive: false, type: 'string', value: c() },
          },
          resources: {
            'aws_db_instance.db': {
              type: 'aws_db_instance',
              primary: {
                id: 'db',
                attributes: {
                  password: c(),
                  'tags.%': '1',
                  'tags.Secret': c(),
                },
              },
            },
          },
        },
      ],
    };
    const backend = {
      version: 3,
      backend: { type: 's3', config: { secret_key: c(), access_key: c() } },
      modules: [{ path: ['root'], resources: {} }],
    };
    const v1 = {
      version: 1,
      modules: [{ outputs: { private_key: c() }, resources: {} }],
    };
    for (const doc of [v3, backend, v1]) {
      const inventory = await parseBoth(doc);
      expect(inventory.status).not.toBe('no-state');
      expectNoCanary(JSON.stringify(inventory));
    }
  });

  it('keeps what is left around a dropped attribute, in order, at every depth', async () => {
    // Written by hand: a `__proto__` key must stay data, as JSON.parse leaves it, when the
    // object holding it is rebuilt without a secret.
    const provider = '"provider[\\"registry.terraform.io/hashicorp/aws\\"]"';
    const attributes = `{"id":"i-1","password":"${c()}","nested":[{"a":1,"token":"${c()}","b":{"__proto__":{"x":"visible-p"},"secret":"${c()}","z":2}}],"tags":{"Team":"data","api_token":"${c()}"},"arn":"arn:aws:ec2:eu-west-1:1:instance/i-1","user_data":"${c()}"}`;
    const text = `{"version":4,"resources":[{"mode":"managed","type":"aws_instance","name":"a","provider":${provider},"instances":[{"attributes":${attributes},"sensitive_attributes":[[{"type":"get_attr","value":"id"}]]}]}]}`;
    // Both paths, compared as text: Jest's deep equality does not finish on an own
    // `__proto__` key.
    for (const options of [{}, { streamingThresholdBytes: 0 }]) {
      const inventory = await parseState(text, TEST_CONTEXT, options);
      const [instance] = inventory.resources[0].instances;
      expect(JSON.stringify(instance.attributes)).toBe(
        '{"nested":[{"a":1,"b":{"__proto__":{"x":"visible-p"},"z":2}}],"tags":{"Team":"data"},"arn":"arn:aws:ec2:eu-west-1:1:instance/i-1"}',
      );
      const nested = instance.attributes.nested as Array<{ b: object }>;
      expect(Object.getPrototypeOf(nested[0].b)).toBe(Object.prototype);
      expect(JSON.stringify(instance.tags)).toBe('{"Team":"data"}');
      expect(instance.region).toBe('eu-west-1');
      expectNoCanary(JSON.stringify(inventory));
    }
  });

  it('never quotes the state in an error message', async () => {
    const full = JSON.stringify(
      v4State([
        v4Resource({ type: 'aws_db_instance' }, { password: c(), note: c() }),
      ]),
    );
    const broken = [
      full.slice(0, full.indexOf(canaries[canaries.length - 1]) + 8), // truncated inside a secret
      `{"password": "${c()}", ${c()}}`, // garbage right after a secret: V8 would quote it
      JSON.stringify({ version: c() }),
      JSON.stringify({ format_version: c() }),
      JSON.stringify({ encryption_version: 'v0', encrypted_data: c() }),
      JSON.stringify(v4State([{ mode: c(), type: 'x', name: 'y' }])),
      JSON.stringify([c()]),
      c(),
    ];
    for (const text of broken) {
      const error = await parseBoth(text).catch(e => e);
      expect(error.name).toBe('InputError');
      expectNoCanary(
        `${error.message} ${error.stack} ${JSON.stringify(error)}`,
      );
    }
  });
});

describe('isSecretAttributeName', () => {
  it.each(NAMED_SECRETS)('treats %s as secret', name => {
    expect(isSecretAttributeName(name)).toBe(true);
  });

  it.each([
    'id',
    'arn',
    'name',
    'tags',
    'region',
    'key_id',
    'public_key',
    'secret_arn_suffix',
    'keepers',
    'value',
    'data',
    'result',
  ])('keeps %s', name => {
    expect(isSecretAttributeName(name)).toBe(false);
  });
});

describe('secrets found by value', () => {
  const parseOne = async (
    type: string,
    attributes: Record<string, unknown>,
  ) => {
    const inventory = await parseState(
      JSON.stringify(v4State([v4Resource({ type }, attributes)])),
      TEST_CONTEXT,
    );
    return inventory.resources[0].instances[0].attributes;
  };

  it('scrubs inside a JSON string and serialises the rest again for the checks', async () => {
    const secret = c();
    const containers = [
      {
        name: 'web',
        image: 'nginx:1.27',
        readonlyRootFilesystem: true,
        environment: [
          { name: 'API_KEY', value: secret },
          { name: 'PORT', value: '8080' },
        ],
      },
    ];
    const attrs = await parseOne('aws_ecs_task_definition', {
      container_definitions: JSON.stringify(containers),
    });
    expectNoCanary(JSON.stringify(attrs));
    expect(JSON.parse(attrs.container_definitions as string)).toEqual([
      {
        name: 'web',
        image: 'nginx:1.27',
        readonlyRootFilesystem: true,
        environment: [{ name: 'API_KEY' }, { name: 'PORT', value: '8080' }],
      },
    ]);
  });

  it('drops what data sources hand out though their schemas mark nothing sensitive', async () => {
    const [streamKey, apiKey, content] = [c(), c(), c()];
    const inventory = await parseState(
      JSON.stringify(
        v4State([
          v4Resource(
            { type: 'aws_ivs_stream_key', mode: 'data' },
            {
              channel_arn: 'arn:aws:ivs:eu-north-1:1:channel/x',
              value: streamKey,
            },
          ),
          v4Resource(
            { type: 'aws_api_gateway_api_keys', mode: 'data' },
            { id: 'eu-north-1', items: [{ name: 'partner', value: apiKey }] },
          ),
          v4Resource(
            { type: 'google_storage_bucket_object_content', mode: 'data' },
            { bucket: 'config', name: 'app.env', content },
          ),
        ]),
      ),
      TEST_CONTEXT,
    );
    const text = JSON.stringify(inventory);
    expectNoCanary(text);
    // Only the secret goes: what identifies the data source stays.
    expect(text).toContain('arn:aws:ivs:eu-north-1:1:channel/x');
    expect(text).toContain('"bucket":"config"');
  });

  it('keeps what checks read: ARNs, hosts, plain URLs, digests, policies, certificates', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::logs-bucket', 'arn:aws:s3:::logs-bucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    const plain = {
      arn: 'arn:aws:s3:::logs-bucket',
      kms_key_id:
        'arn:aws:kms:eu-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      policy,
      etag: '9b2cf535f27731c974343645a3985328',
      source_code_hash: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
      sha1: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
      bucket_regional_domain_name: 'logs-bucket.s3.eu-north-1.amazonaws.com',
      website: 'https://www.example.com/path?page=2&sort=asc',
      jdbc: 'jdbc:postgresql://db.internal:5432/app?ssl=true',
      owner_email: 'payments-squad@example.com',
      access_key_alone: 'AKIAIOSFODNN7EXAMPLE',
      config: { 'retention.ms': '604800000', 'cleanup.policy': 'delete' },
      certificate_body:
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n',
      description: 'Note: rotated every 90 days by the platform squad',
      user_name: 'eyJ-not-a-token',
    };
    expect(await parseOne('aws_s3_bucket', plain)).toEqual(plain);
  });

  it.each([
    ['a URL password', 'mongodb+srv://svc:S3cr3t-pass@cluster0.example.net/db'],
    ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    [
      'a JWT',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    ],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
    ],
    ['a KEY=value pair', 'export DB_PASSWORD=hunter2-hunter2 && ./run.sh'],
    [
      'a key: value line',
      'users:\n- name: ci\n  user:\n    client-key-data: abcdefabcdef\n',
    ],
  ])('drops %s whatever the attribute is called', async (_what, value) => {
    const attrs = await parseOne('aws_instance', {
      note: value,
      list: [value, 'kept-1'],
    });
    expect(attrs).toEqual({ list: [null, 'kept-1'] });
  });
});
