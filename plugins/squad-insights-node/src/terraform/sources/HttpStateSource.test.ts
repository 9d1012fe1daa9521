import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createHash } from 'node:crypto';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { HttpStateSource } from './HttpStateSource';
import { StateSourceError } from './StateSourceError';
import { readAll, sampleState } from './testUtils';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'https://tfstate.example.com/api/v4/projects/42/terraform/state';
const state = sampleState(12);

function source(extra: Record<string, unknown> = {}) {
  return HttpStateSource.fromConfig(
    new ConfigReader({
      id: 'gitlab',
      type: 'http',
      baseUrl: `${BASE}/`,
      ...extra,
    }),
  );
}

describe('HttpStateSource', () => {
  it('uses the ETag from a HEAD request as marker and streams the GET body', async () => {
    const seen: string[] = [];
    server.use(
      http.all(`${BASE}/env%3Dprod/payments.tfstate`, ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('authorization')}`);
        return new HttpResponse(request.method === 'HEAD' ? null : state, {
          headers: { ETag: '"v12"', 'Content-Type': 'application/json' },
        });
      }),
    );
    const src = source({
      username: 'gitlab-ci-token',
      password: 'glpat-s3cr3t',
    });
    await expect(src.marker('env=prod/payments.tfstate')).resolves.toBe(
      '"v12"',
    );
    const result = await src.read('env=prod/payments.tfstate');
    expect(result?.marker).toBe('"v12"');
    expect(await readAll(result!.body)).toBe(state);
    const basic = Buffer.from('gitlab-ci-token:glpat-s3cr3t').toString(
      'base64',
    );
    expect(seen).toEqual([`HEAD Basic ${basic}`, `GET Basic ${basic}`]);
  });

  it('falls back to a GET and a sha256 of the body when there is no ETag', async () => {
    const methods: string[] = [];
    server.use(
      http.all(`${BASE}/payments`, ({ request }) => {
        methods.push(request.method);
        return request.method === 'HEAD'
          ? new HttpResponse(null, { status: 405 })
          : HttpResponse.text(state);
      }),
    );
    const sha = `sha256:${createHash('sha256').update(state).digest('hex')}`;
    await expect(
      source({ token: 'bearer-s3cr3t' }).marker('payments'),
    ).resolves.toBe(sha);
    expect(methods).toEqual(['HEAD', 'GET']);
    const result = await source().read('payments');
    expect(result?.marker).toBe(sha);
    expect(await readAll(result!.body)).toBe(state);
  });

  it('sends a bearer token when configured', async () => {
    server.use(
      http.get(`${BASE}/payments`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer bearer-s3cr3t'
          ? HttpResponse.text(state, { headers: { ETag: 'W/"1"' } })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    await expect(
      source({ token: 'bearer-s3cr3t' }).read('payments'),
    ).resolves.toMatchObject({
      marker: 'W/"1"',
    });
  });

  it.each([
    ['404', () => new HttpResponse('Not Found', { status: 404 })],
    ['204', () => new HttpResponse(null, { status: 204 })],
    ['an empty 200', () => new HttpResponse('', { status: 200 })],
  ])('treats %s as no state, like Terraform', async (_name, resolver) => {
    server.use(http.all(`${BASE}/payments`, resolver));
    await expect(source().marker('payments')).resolves.toBeUndefined();
    await expect(source().read('payments')).resolves.toBeUndefined();
  });

  it('turns a server error into a StateSourceError without credentials', async () => {
    server.use(
      http.all(`${BASE}/payments`, ({ request }) =>
        // A body echoing the credentials must not leak into the message.
        HttpResponse.text(`boom ${request.headers.get('authorization')}`, {
          status: 500,
        }),
      ),
    );
    const src = source({ username: 'ci', password: 'p4ssw0rd-s3cr3t' });
    const error = await src.read('payments').catch(e => e);
    expect(error).toBeInstanceOf(StateSourceError);
    expect(error.message).toBe(
      'Terraform state gitlab:payments could not be read: HTTP 500 Internal Server Error',
    );
    expect(error.status).toBe(500);
    await expect(src.marker('payments')).rejects.toThrow('HTTP 500');
  });

  it('times out a server that does not answer', async () => {
    let answered!: () => void;
    const handlerDone = new Promise<void>(resolve => (answered = resolve));
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(150);
        answered();
        return HttpResponse.text(state);
      }),
    );
    await expect(
      source({ timeout: { milliseconds: 50 } }).read('slow'),
    ).rejects.toThrow(
      'Terraform state gitlab:slow could not be read; caused by Error: no answer within 50 ms',
    );
    // Let the mock server finish its (late) answer so no mock socket outlives the test.
    await handlerDone;
  });

  it('aborts a body that stalls mid-download (idle timeout)', async () => {
    let stall!: ReadableStreamDefaultController<Uint8Array>;
    server.use(
      http.get(`${BASE}/stalls`, () => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            stall = controller;
            controller.enqueue(new TextEncoder().encode(state.slice(0, 20)));
          },
        });
        return new HttpResponse(body, { headers: { ETag: '"s"' } });
      }),
    );
    const result = await source({ timeout: '80ms' }).read('stalls');
    await expect(readAll(result!.body)).rejects.toThrow(
      'no answer within 80 ms',
    );
    stall.close();
  });

  it('refuses credentials inside baseUrl and non-http URLs', () => {
    expect(() =>
      HttpStateSource.create({ id: 'x', baseUrl: 'https://u:p@host/' }),
    ).toThrow(/not in baseUrl/);
    expect(() =>
      HttpStateSource.create({ id: 'x', baseUrl: 'file:///etc' }),
    ).toThrow(/http\(s\)/);
  });
});
