import { ConfigReader } from '@backstage/config';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ConsulClient } from './ConsulClient';
import { readConsulClientOptions } from './config';
import { ConsulRequestError } from './rawGet';
import { itCorpus } from '../__testUtils__/corpus';
import { corpus, recorded } from './__testUtils__/corpus';

const server = setupServer();
// Not registerMswTestHooks: importing @backstage/backend-test-utils leaves a handle open in the
// jest worker ("failed to exit gracefully"), and these tests must not leak any.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'https://consul.example.test:8501';
const json = (body: unknown, index: number, status = 200) =>
  HttpResponse.json(body as any, {
    status,
    headers: { 'X-Consul-Index': String(index) },
  });

// The intentions and connect recordings were taken for other service names; they are re-keyed
// to the name under test, everything else stays as recorded.
const SERVICE = 'backend';
function intentionsFor(name: string) {
  const match = corpus(recorded.intentionsMatch);
  const list = Object.values<any[]>(match)[0].map(i => ({
    ...i,
    DestinationName: name,
  }));
  return { [name]: list };
}

describe('ConsulClient', () => {
  let client: ConsulClient;
  const seen: URL[] = [];
  const tokens: (string | null)[] = [];

  beforeEach(() => {
    seen.length = 0;
    tokens.length = 0;
    const config = new ConfigReader({
      squadInsights: {
        consul: {
          address: BASE,
          token: 's3cr3t',
          datacenter: 'dc1',
          timeout: '2s',
        },
      },
    });
    client = ConsulClient.create(readConsulClientOptions(config)!);
    server.events.on('request:start', ({ request }) => {
      seen.push(new URL(request.url));
      tokens.push(request.headers.get('x-consul-token'));
    });
  });
  afterEach(() => {
    server.events.removeAllListeners();
    client.close();
  });

  itCorpus(
    'lists services with the index, token and datacenter (via node-consul)',
    async () => {
      const services = corpus(recorded.catalogServices);
      server.use(
        http.get(`${BASE}/v1/catalog/services`, () => json(services, 42)),
      );
      const res = await client.listServices();
      expect(res).toEqual({ body: services, index: 42 });
      expect(seen[0].searchParams.get('dc')).toBe('dc1');
      expect(tokens).toEqual(['s3cr3t']);
    },
  );

  itCorpus('sends index and wait on a blocking read', async () => {
    const entries = corpus(recorded.healthServiceUi);
    server.use(
      http.get(`${BASE}/v1/health/service/${SERVICE}`, () => json(entries, 22)),
    );
    const res = await client.healthService(SERVICE, {
      index: 21,
      waitMs: 5000,
    });
    expect(res.index).toBe(22);
    expect(res.body).toEqual(entries);
    expect(Object.fromEntries(seen[0].searchParams)).toEqual({
      dc: 'dc1',
      index: '21',
      wait: '5s',
    });
  });

  itCorpus(
    'builds the service view from health, connect and intentions',
    async () => {
      const health = corpus(recorded.healthServiceUi);
      const check = corpus(recorded.intentionsCheck);
      const intentions = intentionsFor(SERVICE);
      server.use(
        http.get(`${BASE}/v1/health/service/${SERVICE}`, () =>
          json(health, 21),
        ),
        http.get(`${BASE}/v1/catalog/connect/${SERVICE}`, () =>
          json(corpus(recorded.catalogConnect), 21),
        ),
        http.get(`${BASE}/v1/connect/intentions/match`, () =>
          json(intentions, 12),
        ),
        http.get(`${BASE}/v1/connect/intentions/check`, () => json(check, 12)),
      );
      const view = await client.getServiceView(SERVICE);
      expect(view).toMatchObject({
        name: SERVICE,
        datacenter: health[0].Node.Datacenter,
        index: 21,
        health: 'passing',
        connect: { sidecar: true, native: false },
        intentions: {
          defaultAllow: check.Allowed,
          sources: intentions[SERVICE].map(i => ({
            name: i.SourceName,
            action: i.Action,
          })),
        },
      });
      expect(view!.instances.map(i => i.serviceId)).toEqual(
        health.map((e: any) => e.Service.ID),
      );
      const params = (path: string) =>
        Object.fromEntries(seen.find(u => u.pathname === path)!.searchParams);
      expect(params('/v1/connect/intentions/match')).toEqual({
        by: 'destination',
        name: SERVICE,
        dc: 'dc1',
      });
      expect(params('/v1/connect/intentions/check')).toEqual({
        source: '*',
        destination: SERVICE,
        dc: 'dc1',
      });
      expect(new Set(tokens)).toEqual(new Set(['s3cr3t']));
    },
  );

  itCorpus(
    'still returns the view when the token may not read intentions',
    async () => {
      server.use(
        http.get(`${BASE}/v1/health/service/${SERVICE}`, () =>
          json(corpus(recorded.healthServiceUi), 21),
        ),
        http.get(`${BASE}/v1/catalog/connect/${SERVICE}`, () => json([], 21)),
        http.get(
          `${BASE}/v1/connect/intentions/*`,
          () => new HttpResponse('Permission denied', { status: 403 }),
        ),
      );
      const view = await client.getServiceView(SERVICE);
      expect(view!.intentions).toEqual({
        defaultAllow: undefined,
        sources: [],
        unavailable: expect.stringContaining('403'),
      });
      expect(view!.connect.sidecar).toBe(false);
    },
  );

  it('answers undefined for a service Consul does not know', async () => {
    server.use(
      http.get(`${BASE}/v1/health/service/podcast-ingest`, () => json([], 30)),
    );
    await expect(
      client.getServiceView('podcast-ingest'),
    ).resolves.toBeUndefined();
  });

  it('reports HTTP errors with their status and aborts on the signal', async () => {
    let release = () => {};
    const held = new Promise<void>(r => (release = r)); // a blocking query Consul holds
    server.use(
      http.get(
        `${BASE}/v1/catalog/services`,
        () => new HttpResponse('rpc error', { status: 500 }),
      ),
      http.get(`${BASE}/v1/health/service/slow`, async () => {
        await held;
        return json([], 1);
      }),
    );
    await expect(client.listServices()).rejects.toMatchObject({
      name: 'ConsulRequestError',
      status: 500,
    });
    const controller = new AbortController();
    const pending = client.healthService('slow', {
      index: 1,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(ConsulRequestError);
    release();
  });

  it('reads a host:port address as http on Consul ports', async () => {
    const plain = ConsulClient.create({ address: 'consul.internal:8600' });
    server.use(
      http.get('http://consul.internal:8600/v1/catalog/services', () =>
        json({}, 1),
      ),
    );
    await expect(plain.listServices()).resolves.toEqual({ body: {}, index: 1 });
    plain.close();
  });
});
