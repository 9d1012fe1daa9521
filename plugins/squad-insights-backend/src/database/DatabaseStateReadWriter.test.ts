import { TestDatabases } from '@backstage/backend-test-utils';
import type { InventoryResource } from '@squad-insights/backstage-plugin-squad-insights-common';
import { DatabaseFactsStore } from './DatabaseFactsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const resource = (i: number): InventoryResource => ({
  address: `aws_s3_bucket.b${i}`,
  mode: 'managed',
  type: 'aws_s3_bucket',
  name: `b${i}`,
  provider: 'registry.terraform.io/hashicorp/aws',
  instances: [
    {
      address: `aws_s3_bucket.b${i}`,
      tags: {},
      attributes: { bucket: `bucket-${i}` },
    },
  ],
});
const summary = {
  status: 'ok' as const,
  format: 'v4' as const,
  serial: 7,
  outputs: {},
};

describe.each(databases.eachSupportedId())(
  'streamed state reads on %s',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseFactsStore.create({
        database: { getClient: async () => knex },
      });
      return { knex, store };
    }

    async function stream(
      store: DatabaseFactsStore,
      count: number,
      marker: string,
      at: Date,
    ) {
      const writer = store.startStateRead('demo:big');
      for (let i = 0; i < count; i++) await writer.add(resource(i));
      await writer.commit({ marker, inventory: summary, at });
    }

    it('stores resources in chunks and reads them back whole and in order', async () => {
      const { knex, store } = await setUp();
      await stream(store, 4500, 'm1', new Date(1000));
      const chunks = await knex('si_state_resource_chunks').count({ n: '*' });
      expect(Number(chunks[0].n)).toBeGreaterThan(1);
      const [snapshot] = await store.getStateSnapshots(['demo:big']);
      expect(snapshot.inventory.resources).toHaveLength(4500);
      expect(snapshot.inventory.resources.map(r => r.name).slice(0, 3)).toEqual(
        ['b0', 'b1', 'b2'],
      );
      expect(snapshot.inventory.resources[4499]).toEqual(resource(4499));
      expect(snapshot.inventory).toMatchObject({
        serial: 7,
        status: 'ok',
        outputs: {},
      });

      // The same content again: no history row, and no second copy of the chunks.
      await stream(store, 4500, 'm1', new Date(2000));
      expect(await store.getStateHistory('demo:big')).toHaveLength(1);
      expect(
        (await knex('si_state_resource_chunks').count({ n: '*' }))[0].n,
      ).toEqual(chunks[0].n);
      expect((await store.getStateSnapshots(['demo:big']))[0].readAt).toEqual(
        new Date(2000),
      );

      // Changed content: a history row, and the history keeps both inventories' chunks.
      await stream(store, 10, 'm2', new Date(3000));
      expect(
        (await store.getStateHistory('demo:big')).map(h => h.resourceCount),
      ).toEqual([10, 4500]);
      expect(
        (await store.getStateSnapshots(['demo:big']))[0].inventory.resources,
      ).toHaveLength(10);
    });

    it('never shows an aborted read, and discards its chunks', async () => {
      const { knex, store } = await setUp();
      await stream(store, 3, 'm1', new Date(1000));
      const before = await knex('si_state_resource_chunks').count({ n: '*' });
      const writer = store.startStateRead('demo:big');
      for (let i = 0; i < 2500; i++) await writer.add(resource(100 + i));
      await writer.abort();
      expect(
        (await knex('si_state_resource_chunks').count({ n: '*' }))[0].n,
      ).toEqual(before[0].n);
      const [snapshot] = await store.getStateSnapshots(['demo:big']);
      expect(snapshot.inventory.resources.map(r => r.name)).toEqual([
        'b0',
        'b1',
        'b2',
      ]);
    });

    it('reads rows stored before resources were chunked', async () => {
      const { knex, store } = await setUp();
      await knex('si_state_snapshots').insert({
        reference: 'demo:old',
        marker: 'm0',
        status: 'ok',
        serial: 1,
        inventory: JSON.stringify({ ...summary, resources: [resource(1)] }),
        read_at: new Date(1000),
        checked_at: new Date(1000),
      });
      const [snapshot] = await store.getStateSnapshots(['demo:old']);
      expect(snapshot.inventory.resources).toEqual([resource(1)]);
    });
  },
);
