import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { FootprintDay, FootprintStore } from '../database/FootprintStore';
import type { EntityFacts } from './FactsService';
import { FootprintService } from './FootprintService';

// One always-on EC2 instance: enough for a positive footprint without a real state.
const inventory: StateInventory = {
  status: 'ok',
  format: 'v4',
  resources: [
    {
      address: 'aws_instance.api',
      mode: 'managed',
      type: 'aws_instance',
      name: 'api',
      provider: 'registry.terraform.io/hashicorp/aws',
      instances: [
        {
          address: 'aws_instance.api',
          tags: {},
          region: 'eu-north-1',
          attributes: { instance_type: 'm5.large', instance_state: 'running' },
        },
      ],
    },
  ],
  outputs: {},
} as StateInventory;

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/a' },
});

function memoryStore(): FootprintStore & { rows: FootprintDay[] } {
  const rows: FootprintDay[] = [];
  return {
    rows,
    async upsertDay(day) {
      const i = rows.findIndex(
        r => r.entityRef === day.entityRef && r.day === day.day,
      );
      if (i >= 0) rows[i] = day;
      else rows.push(day);
    },
    async getHistory(entityRef) {
      return rows.filter(r => r.entityRef === entityRef);
    },
  };
}

/** The facts service over `get`, versioned as FactsService does: by what was read, and when. */
function versionedFacts(get: (ref: { name: string }) => Promise<EntityFacts>) {
  return {
    async getVersionedEntityFacts(ref: { name: string }) {
      const facts = await get(ref);
      return {
        facts,
        version: JSON.stringify(
          facts.states.map(st => [st.reference, st.freshness]),
        ),
      };
    },
  };
}

describe('FootprintService.snapshot', () => {
  it('writes one row per service and day, skips unknown services and keeps going', async () => {
    const facts = {
      async getEntityFacts(ref: { name: string }): Promise<EntityFacts> {
        if (ref.name === 'broken') throw new Error('boom');
        const read = ref.name === 'api';
        return {
          entityRef: `component:default/${ref.name}`,
          problems: [],
          bindings: [],
          states: [
            {
              reference: `demo:${ref.name}`,
              freshness: read
                ? { stale: false, readAt: '2026-11-26T08:00:00Z' }
                : { stale: true },
              inventory: read
                ? inventory
                : ({
                    status: 'no-state',
                    format: 'empty',
                    resources: [],
                    outputs: {},
                  } as any),
            },
          ],
        };
      },
    };
    const history = memoryStore();
    const service = FootprintService.create({
      catalog: catalogServiceMock({
        entities: ['api', 'unread', 'broken'].map(component),
      }),
      facts: versionedFacts(facts.getEntityFacts),
      history,
      options: {},
      now: () => new Date('2026-11-26T23:30:00Z'),
    });
    const refs = [
      'component:default/api',
      'component:default/unread',
      'component:default/broken',
    ];
    const credentials = mockCredentials.service();
    expect(await service.snapshot(refs, { credentials })).toEqual({
      written: 1,
      unknown: 1,
      failed: ['component:default/broken: boom'],
    });
    await service.snapshot(refs, { credentials });
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/api',
        day: '2026-11-26',
      }),
    );
    expect(history.rows[0].kwhPerDay).toBeGreaterThan(0);
  });
});

describe('FootprintService.getEntityFootprint', () => {
  it('analyses a service once per version of its facts, again when a state is read anew', async () => {
    let readAt = '2026-11-26T08:00:00Z';
    let instanceType = 'm5.large';
    const facts = {
      async getEntityFacts(): Promise<EntityFacts> {
        const resource = inventory.resources[0];
        return {
          entityRef: 'component:default/api',
          problems: [],
          bindings: [],
          states: [
            {
              reference: 'demo:api',
              freshness: { stale: false, readAt, marker: readAt },
              inventory: {
                ...inventory,
                resources: [
                  {
                    ...resource,
                    instances: [
                      {
                        ...resource.instances[0],
                        attributes: {
                          instance_type: instanceType,
                          instance_state: 'running',
                        },
                      },
                    ],
                  },
                ],
              } as StateInventory,
            },
          ],
        };
      },
    };
    const service = FootprintService.create({
      catalog: catalogServiceMock({ entities: [component('api')] }),
      facts: versionedFacts(facts.getEntityFacts),
      history: memoryStore(),
      options: {},
      now: () => new Date('2026-11-26T09:00:00Z'),
    });
    const ref = { kind: 'component', namespace: 'default', name: 'api' };
    const credentials = mockCredentials.user();
    const first = await service.getEntityFootprint(ref, { credentials });
    // The same facts: the remembered analysis (the very same object), not a new one.
    instanceType = 'm5.4xlarge'; // not seen while the state's version is unchanged
    const second = await service.getEntityFootprint(ref, { credentials });
    expect(second.footprint).toBe(first.footprint);
    // A new read of the state: analysed again, from the new inventory.
    readAt = '2026-11-26T08:30:00Z';
    const third = await service.getEntityFootprint(ref, { credentials });
    expect(third.footprint).not.toBe(first.footprint);
    expect(third.footprint!.kwhPerDay).toBeGreaterThan(
      first.footprint!.kwhPerDay,
    );
  });
});

describe('FootprintService.getVersionedEntityFootprintWithHistory', () => {
  it('keeps its version while nothing in the answer changed, and moves it with each input', async () => {
    let readAt = '2026-11-26T08:00:00Z';
    let now = new Date('2026-11-26T09:10:00Z');
    let usageVersion = 'usage-1';
    const facts = versionedFacts(async () => ({
      entityRef: 'component:default/api',
      problems: [],
      bindings: [],
      states: [
        {
          reference: 'demo:api',
          freshness: { stale: false, readAt, marker: readAt },
          inventory,
        },
      ],
    }));
    const history = memoryStore();
    const service = FootprintService.create({
      catalog: catalogServiceMock({ entities: [component('api')] }),
      facts,
      history,
      options: {},
      usage: {
        inputsFor: async () => ({ intensity: {}, version: usageVersion }),
      },
      now: () => now,
    });
    const ref = { kind: 'component', namespace: 'default', name: 'api' };
    const credentials = mockCredentials.user();
    const read = () =>
      service.getVersionedEntityFootprintWithHistory(ref, { credentials });
    const seen = new Set<string | undefined>();
    const changed = async () => {
      const { version, footprint } = await read();
      expect(version).toBeDefined();
      expect(seen.has(version)).toBe(false);
      seen.add(version);
      return footprint;
    };

    const first = await changed();
    expect((await read()).version).toBe([...seen][0]);
    // Later in the same hour: the same answer.
    now = new Date('2026-11-26T09:50:00Z');
    expect((await read()).footprint).toEqual(first);
    expect(seen.has((await read()).version)).toBe(true);

    usageVersion = 'usage-2'; // measured usage or grid intensity read anew
    await changed();
    readAt = '2026-11-26T09:30:00Z'; // a new read of the state
    expect((await changed()).states[0].freshness.readAt).toBe(readAt);
    now = new Date('2026-11-26T10:00:00Z'); // the analysis is valid for an hour
    await changed();
    await service.snapshot(['component:default/api'], { credentials }); // a day of history
    expect((await changed()).history).toHaveLength(1);
  });

  it('names no version when the facts have none', async () => {
    const service = FootprintService.create({
      catalog: catalogServiceMock({ entities: [component('api')] }),
      facts: {
        getVersionedEntityFacts: async () => ({
          facts: {
            entityRef: 'component:default/api',
            problems: [],
            bindings: [],
            states: [
              {
                reference: 'demo:api',
                freshness: { stale: false, readAt: '2026-11-26T08:00:00Z' },
                inventory,
              },
            ],
          },
        }),
      },
      history: memoryStore(),
      options: {},
      now: () => new Date('2026-11-26T09:00:00Z'),
    });
    const answer = await service.getVersionedEntityFootprintWithHistory(
      { kind: 'component', namespace: 'default', name: 'api' },
      { credentials: mockCredentials.user() },
    );
    expect(answer.version).toBeUndefined();
    expect(answer.footprint.footprint!.kwhPerDay).toBeGreaterThan(0);
  });
});
