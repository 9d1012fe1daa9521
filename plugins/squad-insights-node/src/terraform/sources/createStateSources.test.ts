import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createStateSources } from './createStateSources';

const server = setupServer();
registerMswTestHooks(server);

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const config = (sources: JsonObject[], extra: JsonObject = {}) =>
  new ConfigReader({ squadInsights: { terraform: { sources } }, ...extra });

const allTypes = [
  { id: 'disk', type: 'local', root: '/var/lib/terraform' },
  {
    id: 'gitlab',
    type: 'http',
    baseUrl: 'https://gitlab.example.com/api/v4/projects/1/terraform/state',
  },
  { id: 'prod-s3', type: 's3', bucket: 'tfstate', region: 'eu-west-1' },
  { id: 'hcp', type: 'hcp', organization: 'acme', token: 'atlasv1.x' },
  {
    id: 'consul',
    type: 'consul',
    address: 'consul.internal:8500',
    timeout: '5s',
  },
];

describe('createStateSources', () => {
  it('creates one source per configured entry, keyed by id', () => {
    const logger = mockServices.logger.mock();
    const sources = createStateSources(config(allTypes), { logger });
    expect([...sources].map(([id, s]) => [id, s.id, s.type])).toEqual([
      ['disk', 'disk', 'local'],
      ['gitlab', 'gitlab', 'http'],
      ['prod-s3', 'prod-s3', 's3'],
      ['hcp', 'hcp', 'hcp'],
      ['consul', 'consul', 'consul'],
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      'Terraform state source "prod-s3" (s3) configured',
    );
  });

  it('returns no sources when nothing is configured', () => {
    expect(createStateSources(new ConfigReader({})).size).toBe(0);
  });

  it.each([
    [
      [{ id: 'a', root: '/x' }],
      'Missing Terraform state source type at squadInsights.terraform.sources[0].type; expected one of local, http, s3, hcp, consul',
    ],
    [
      [
        { id: 'a', type: 'local', root: '/x' },
        { id: 'b', type: 'ftp' },
      ],
      'Unknown Terraform state source type "ftp" at squadInsights.terraform.sources[1].type; expected one of local, http, s3, hcp, consul',
    ],
    [
      [
        { id: 'a', type: 'local', root: '/x' },
        { id: 'a', type: 'local', root: '/y' },
      ],
      'Duplicate Terraform state source id "a" at squadInsights.terraform.sources[1].id (already used at squadInsights.terraform.sources[0].id)',
    ],
    [
      [{ id: 'no:colons', type: 'local', root: '/x' }],
      'Invalid Terraform state source id "no:colons" at squadInsights.terraform.sources[0].id',
    ],
    [
      [{ type: 'local', root: '/x' }],
      "Missing required config value at 'squadInsights.terraform.sources[0].id'",
    ],
    [
      [{ id: 'a', type: 'local' }],
      "Invalid Terraform state source at squadInsights.terraform.sources[0]: Missing required config value at 'squadInsights.terraform.sources[0].root'",
    ],
    [
      [{ id: 'a', type: 'http', baseUrl: 'ftp://x' }],
      'Invalid Terraform state source at squadInsights.terraform.sources[0]: Terraform state source "a": baseUrl must be an http(s) URL',
    ],
    [
      [{ id: 'a', type: 'consul', address: 'c:8500', scheme: 'tcp' }],
      'scheme must be http or https',
    ],
  ])('refuses bad config %#', (sources, message) => {
    expect(() => createStateSources(config(sources))).toThrow(message);
  });

  it('gives s3 sources the credentials of the configured AWS account', async () => {
    let authorization: string | null = null;
    server.use(
      http.head(
        'https://tfstate.s3.eu-west-1.amazonaws.com/payments.tfstate',
        ({ request }) => {
          authorization = request.headers.get('authorization');
          return new HttpResponse(null, { headers: { ETag: '"abc"' } });
        },
      ),
    );
    const sources = createStateSources(
      config(
        [
          {
            id: 'prod-s3',
            type: 's3',
            bucket: 'tfstate',
            region: 'eu-west-1',
            accountId: '123456789012',
          },
        ],
        {
          aws: {
            accounts: [
              {
                accountId: '123456789012',
                accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
                secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
              },
            ],
          },
        },
      ),
    );
    await expect(
      sources.get('prod-s3')!.marker('payments.tfstate'),
    ).resolves.toBe('"abc"');
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAI44QH8DHBEXAMPLE\//,
    );
  });
});
