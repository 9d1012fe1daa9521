import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { S3StateSource } from './S3StateSource';
import { StateSourceError } from './StateSourceError';
import { readAll, sampleState } from './testUtils';

const server = setupServer();
registerMswTestHooks(server);

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const state = sampleState(21);
const etag = '"9b2cf535f27731c974343645a3985328"';
const HOST = 'https://tfstate-bucket.s3.eu-west-1.amazonaws.com';

// The REST error body exactly as AWS documents it (Amazon S3 API Reference, "Error responses").
const noSuchKey = (resource: string) =>
  new HttpResponse(
    `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>${resource}</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>`,
    { status: 404, headers: { 'Content-Type': 'application/xml' } },
  );

function objectHandlers(url: string) {
  const seen: string[] = [];
  server.use(
    http.head(url, ({ request }) => {
      seen.push(`HEAD ${request.headers.get('authorization')}`);
      return new HttpResponse(null, {
        headers: {
          ETag: etag,
          'Content-Length': String(state.length),
          'Content-Type': 'application/json',
        },
      });
    }),
    http.get(url, ({ request }) => {
      seen.push(`GET ${request.headers.get('authorization')}`);
      return new HttpResponse(state, {
        headers: { ETag: etag, 'Content-Type': 'application/json' },
      });
    }),
  );
  return seen;
}

describe('S3StateSource', () => {
  const source = (extra: Record<string, unknown> = {}) =>
    S3StateSource.create({
      id: 'prod-s3',
      bucket: 'tfstate-bucket',
      prefix: '/terraform/',
      region: 'eu-west-1',
      credentials,
      ...extra,
    });

  it('reads marker (HeadObject ETag) and body (GetObject) from a virtual-hosted bucket, signed', async () => {
    const seen = objectHandlers(
      `${HOST}/terraform/env%3Dprod/payments.tfstate`,
    );
    await expect(source().marker('env=prod/payments.tfstate')).resolves.toBe(
      etag,
    );
    const result = await source().read('env=prod/payments.tfstate');
    expect(result?.marker).toBe(etag);
    expect(await readAll(result!.body)).toBe(state);
    expect(seen).toEqual([
      expect.stringMatching(
        /^HEAD AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request/,
      ),
      expect.stringMatching(
        /^GET AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//,
      ),
    ]);
  });

  it('uses path-style URLs against an S3-compatible endpoint', async () => {
    objectHandlers(
      'http://minio.internal:9000/tfstate-bucket/payments.tfstate',
    );
    const minio = source({
      prefix: undefined,
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
    });
    await expect(minio.marker('payments.tfstate')).resolves.toBe(etag);
    expect(await readAll((await minio.read('payments.tfstate'))!.body)).toBe(
      state,
    );
  });

  it('reports NoSuchKey / NotFound as no state', async () => {
    server.use(
      http.head(
        `${HOST}/terraform/missing.tfstate`,
        () => new HttpResponse(null, { status: 404 }),
      ),
      http.get(`${HOST}/terraform/missing.tfstate`, () =>
        noSuchKey('/tfstate-bucket/terraform/missing.tfstate'),
      ),
    );
    await expect(source().marker('missing.tfstate')).resolves.toBeUndefined();
    await expect(source().read('missing.tfstate')).resolves.toBeUndefined();
  });

  it('turns AccessDenied into a StateSourceError without the secret key', async () => {
    server.use(
      http.get(
        `${HOST}/terraform/payments.tfstate`,
        () =>
          new HttpResponse(
            `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>656c76696e6727732072657175657374</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>`,
            { status: 403, headers: { 'Content-Type': 'application/xml' } },
          ),
      ),
    );
    const error = await source()
      .read('payments.tfstate')
      .catch(e => e);
    expect(error).toBeInstanceOf(StateSourceError);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'Terraform state prod-s3:payments.tfstate could not be read from S3: HTTP 403 Forbidden; caused by AccessDenied: Access Denied',
    );
    expect(error.message).not.toContain(credentials.secretAccessKey);
  });

  it('takes credentials from the AWS credentials manager for the configured account', async () => {
    objectHandlers(`${HOST}/payments.tfstate`);
    const getCredentialProvider = jest.fn(async () => ({
      sdkCredentialProvider: async () => credentials,
    }));
    const configured = S3StateSource.fromConfig(
      new ConfigReader({
        id: 'prod-s3',
        type: 's3',
        bucket: 'tfstate-bucket',
        region: 'eu-west-1',
        accountId: '123456789012',
      }),
      { credentialsManager: { getCredentialProvider } },
    );
    await expect(configured.marker('payments.tfstate')).resolves.toBe(etag);
    expect(getCredentialProvider).toHaveBeenCalledWith({
      accountId: '123456789012',
    });
  });
});
