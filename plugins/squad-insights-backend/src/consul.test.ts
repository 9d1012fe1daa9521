import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startConsulStandIn,
  ConsulStandIn,
} from '../../../demo/consul/standIn';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(30_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rights-ledger', namespace: 'default', annotations: {} },
  spec: { type: 'service', owner: 'group:default/rights-squad' },
};

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('Consul facts through the stand-in', () => {
  let consul: ConsulStandIn;
  beforeEach(async () => {
    consul = await startConsulStandIn({ port: 0 });
  });
  afterEach(async () => {
    await consul.close();
  });

  it('serves the Consul view and follows a change through the watch, not the schedule', async () => {
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              consul: {
                address: consul.url,
                bindings: { templates: ['{name}'] },
              },
              facts: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 1 },
                },
              },
            },
          },
        }),
      ],
    });
    const url =
      '/api/squad-insights/entities/default/component/rights-ledger/facts';
    const health = async () => {
      const res = await request(server).get(url);
      const instances = res.body.consul?.view?.instances as
        | Array<{ health: string }>
        | undefined;
      return instances?.map(i => i.health);
    };

    const before = await eventually(health);
    expect(before).toContain('critical'); // the stand-in's deliberate oddity

    // The scheduled ingestion starts only after an hour (config above), so a change that shows
    // up at all came through the Consul watch: no stopwatch needed to tell the two apart.
    consul.update('rights-ledger', s => {
      for (const instance of s.instances) {
        for (const check of instance.checks) check.status = 'passing';
      }
    });
    await eventually(async () => {
      const now = await health();
      return now && now.every(h => h === 'passing') ? now : undefined;
    });
  });

  it('refuses a service whose Consul meta names another squad, showing none of its view', async () => {
    // The stand-in's recommendation-engine claims team playlist-squad; the catalog says discovery-squad.
    const recommendations = {
      ...entity,
      metadata: {
        name: 'recommendation-engine',
        namespace: 'default',
        annotations: {},
      },
      spec: { type: 'service', owner: 'group:default/discovery-squad' },
    };
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities: [recommendations, entity] }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              consul: {
                address: consul.url,
                bindings: { templates: ['{name}'] },
              },
              facts: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 1 },
                },
              },
            },
          },
        }),
      ],
    });
    const facts = (name: string) =>
      request(server).get(
        `/api/squad-insights/entities/default/component/${name}/facts`,
      );
    // Once the owner's own view is in, the other one has been read too.
    await eventually(
      async () => (await facts('rights-ledger')).body.consul?.view,
    );

    const res = await eventually(async () => {
      const body = (await facts('recommendation-engine')).body;
      return body.bindings?.some((b: any) => !b.allowed) ? body : undefined;
    });
    expect(res.consul).toEqual({
      serviceName: 'recommendation-engine',
      freshness: {
        stale: true,
        lastError: expect.stringMatching(/^Binding refused/),
      },
    });
    expect(res.problems).toEqual([
      expect.stringContaining(
        'Consul says it belongs to "playlist-squad" (Service.Meta "team"), the catalog says group:default/discovery-squad',
      ),
    ]);
    expect(res.bindings[0].howToAllow).toContain(
      'squadInsights.consul.requireMatchingOwner: false',
    );
  });
});
