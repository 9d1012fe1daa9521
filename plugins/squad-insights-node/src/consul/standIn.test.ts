import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The demo's stand-in is no package of its own; its test lives here, where jest runs.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  ConsulStandIn,
  startConsulStandIn,
} from '../../../../demo/consul/standIn';
import { ConsulClient } from './ConsulClient';
import { itCorpus } from '../__testUtils__/corpus';
import { corpus, recorded } from './__testUtils__/corpus';
import type { ConsulServiceView } from './types';
import { watchService } from './watch';

// The stand-in and the client talk real HTTP on an ephemeral loopback port.
const dataDir = resolve(__dirname, '../../../../demo/consul/data');
const spec = JSON.parse(
  readFileSync(resolve(dataDir, 'services.json'), 'utf8'),
);
const catalogYaml = readFileSync(
  resolve(__dirname, '../../../../demo/catalog/services.yaml'),
  'utf8',
);
const catalogNames = [...catalogYaml.matchAll(/consul-service: (\S+)/g)].map(
  m => m[1],
);
const keys = (o: object) => Object.keys(o).sort();

describe('Consul stand-in (demo) with the client', () => {
  let standIn: ConsulStandIn;
  let client: ConsulClient;

  beforeEach(async () => {
    standIn = await startConsulStandIn({
      port: 0,
      dataDir,
      token: 'demo-token',
    });
    client = ConsulClient.create({ address: standIn.url, token: 'demo-token' });
  });
  afterEach(async () => {
    client.close();
    await standIn.close();
  });

  itCorpus('answers in the recorded shapes of real Consul', async () => {
    // Every field a recording has is served, and every served field is in some recording
    // (the dev-agent recording has no TaggedAddresses, the docs sample no Proxy/Connect).
    const recordings = [
      corpus(recorded.healthServiceUi)[0],
      corpus(recorded.healthService)[0],
    ];
    const [served] = (await client.healthService('playlist-management'))
      .body as any[];
    for (const part of ['Node', 'Service'] as const) {
      expect(keys(served[part])).toEqual(
        expect.arrayContaining(keys(recordings[0][part])),
      );
      const known = new Set(recordings.flatMap(r => keys(r[part])));
      expect(keys(served[part]).filter(k => !known.has(k))).toEqual([]);
    }
    expect(keys(served.Checks[0])).toEqual(keys(recordings[0].Checks[0]));
    const [realProxy] = corpus(recorded.catalogConnect);
    const [proxy] = (await client.connectNodes('payment-processing'))
      .body as any[];
    expect(keys(proxy)).toEqual(keys(realProxy));
    expect(keys(proxy.ServiceProxy)).toEqual(keys(realProxy.ServiceProxy));
  });

  it('serves every demo service but the one left out of Consul', async () => {
    const { body: services, index } = await client.listServices();
    expect(index).toBeGreaterThan(0);
    const registered = spec.services.map((s: { name: string }) => s.name);
    expect(catalogNames.filter(n => !registered.includes(n))).toEqual([
      'podcast-ingest',
    ]);
    expect(keys(services)).toEqual(
      [
        ...registered,
        'consul',
        ...spec.services
          .filter((s: any) => s.sidecar)
          .map((s: any) => `${s.name}-sidecar-proxy`),
      ].sort(),
    );

    const views = new Map<string, ConsulServiceView | undefined>();
    for (const name of catalogNames)
      views.set(name, await client.getServiceView(name));
    expect(views.get('podcast-ingest')).toBeUndefined();
    for (const s of spec.services) {
      const view = views.get(s.name)!;
      expect(view.meta).toMatchObject({
        team: s.meta.team,
        tribe: s.meta.tribe,
        dataClassification: s.meta['data-classification'],
      });
      expect(view.instances).toHaveLength(s.instances ?? 3);
      expect(view.connect.sidecar).toBe(!!s.sidecar);
      expect(view.datacenter).toBe(spec.datacenter);
    }
    const worstOverride = (s: any) =>
      s.overrides?.find((o: any) => o.status)?.status ?? 'passing';
    expect(
      Object.fromEntries(
        spec.services.map((s: any) => [s.name, views.get(s.name)!.health]),
      ),
    ).toEqual(
      Object.fromEntries(
        spec.services.map((s: any) => [s.name, worstOverride(s)]),
      ),
    );
    const payments = views.get('payment-processing')!;
    expect(payments.intentions.defaultAllow).toBe(false);
    expect(
      payments.intentions.sources.find(x => x.name === 'music-discovery')
        ?.action,
    ).toBe('deny');
  });

  // Waits for an event of the stand-in (a query held), never for a stretch of wall-clock time.
  const untilHeld = async (count: number) => {
    while (standIn.heldQueries() !== count)
      await new Promise(r => setImmediate(r));
  };

  it('holds a blocking query until the wait expires, then answers with the same index', async () => {
    const first = await client.healthService('user-identity');
    const again = client.healthService('user-identity', {
      index: first.index,
      waitMs: 1000,
    });
    await untilHeld(1); // held, not answered at once
    const answer = await again;
    expect(answer.index).toBe(first.index);
    expect(standIn.heldQueries()).toBe(0);
  });

  it('wakes a watcher blocked on the index when update() changes the service', async () => {
    const views: ConsulServiceView[] = [];
    let watch: { stop(): unknown } | undefined;
    const changed = new Promise<void>(resolveChange => {
      // A 10-minute wait: only the change itself can answer the held query before jest gives up.
      watch = watchService(
        'user-identity',
        view => {
          views.push(view!);
          if (views.length === 2) resolveChange();
        },
        { client, waitMs: 600_000 },
      );
    });
    await untilHeld(1); // the watcher has its first view and is now blocked on the index
    expect(views).toHaveLength(1);
    standIn.update('user-identity', s => {
      s.instances[0].checks[0].status = 'critical';
      s.instances[0].checks[0].output =
        'HTTP GET /health: 503 Service Unavailable';
    });
    await changed;
    await watch!.stop();
    expect([views[0].health, views[1].health]).toEqual(['passing', 'critical']);
    expect(views[1].index).toBeGreaterThan(views[0].index);
  });

  it('refuses requests without the token and unusable indexes', async () => {
    const anonymous = ConsulClient.create({ address: standIn.url });
    await expect(anonymous.listServices()).rejects.toMatchObject({
      status: 403,
    });
    anonymous.close();
    await expect(
      client.read('/v1/catalog/services', { index: 'x' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
