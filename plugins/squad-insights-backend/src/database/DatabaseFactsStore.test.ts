import { TestDatabases } from '@backstage/backend-test-utils';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { DatabaseFactsStore } from './DatabaseFactsStore';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set
// (the README's test command points it at 127.0.0.1:5432).
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function inventory(serial: number, names: string[]): StateInventory {
  return {
    status: 'ok',
    format: 'v4',
    serial,
    resources: names.map(name => ({
      address: `aws_s3_bucket.${name}`,
      mode: 'managed',
      type: 'aws_s3_bucket',
      name,
      provider: 'registry.terraform.io/hashicorp/aws',
      instances: [
        {
          address: `aws_s3_bucket.${name}`,
          tags: {},
          attributes: { bucket: name },
        },
      ],
    })),
    outputs: {},
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseFactsStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseFactsStore.create({
        database: { getClient: async () => knex },
      });
    }

    it('keeps the last good inventory when a later read fails', async () => {
      const store = await createStore();
      const t1 = new Date('2026-11-25T08:00:00Z');
      const t2 = new Date('2026-11-25T09:00:00Z');
      await store.saveStateRead({
        reference: 'demo:a',
        marker: 'm1',
        inventory: inventory(1, ['logs']),
        at: t1,
      });
      await store.recordStateError('demo:a', 'source demo is down', t2);

      const [snap] = await store.getStateSnapshots(['demo:a']);
      expect(snap.inventory.resources.map(r => r.name)).toEqual(['logs']);
      expect(snap.readAt.toISOString()).toBe(t1.toISOString());
      expect(snap.lastError).toBe('source demo is down');
      expect(snap.lastErrorAt?.toISOString()).toBe(t2.toISOString());

      // A successful check clears the error without touching the inventory.
      expect(await store.getStateMarkers(['demo:a', 'demo:none'])).toEqual(
        new Map([['demo:a', 'm1']]),
      );
      await store.markStatesChecked(
        ['demo:a'],
        new Date('2026-11-25T10:00:00Z'),
      );
      const [after] = await store.getStateSnapshots(['demo:a']);
      expect(after.lastError).toBeUndefined();
      expect(after.inventory.resources).toHaveLength(1);
    });

    it('reads the resource chunks of a stored read once, and a new read at once', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseFactsStore.create({
        database: { getClient: async () => knex },
      });
      const queries: string[] = [];
      knex.on('query', (q: { sql: string }) => queries.push(q.sql));
      const chunkReads = () =>
        queries.filter(sql => /select .*si_state_resource_chunks/i.test(sql))
          .length;
      const names = async () =>
        (await store.getStateSnapshots(['demo:c']))[0].inventory.resources.map(
          r => r.name,
        );
      const at = new Date('2026-11-25T08:00:00Z');
      await store.saveStateRead({
        reference: 'demo:c',
        marker: 'm1',
        inventory: inventory(1, ['logs', 'assets']),
        at,
      });
      expect(await names()).toEqual(['logs', 'assets']);
      const afterFirst = chunkReads();
      expect(afterFirst).toBeGreaterThan(0);
      expect(await names()).toEqual(['logs', 'assets']);
      expect(chunkReads()).toBe(afterFirst);

      await store.saveStateRead({
        reference: 'demo:c',
        marker: 'm2',
        inventory: inventory(2, ['logs']),
        at,
      });
      expect(await names()).toEqual(['logs']);
      expect(chunkReads()).toBeGreaterThan(afterFirst);
    });

    it('records history for changes only', async () => {
      const store = await createStore();
      const at = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
      await store.saveStateRead({
        reference: 'demo:b',
        marker: 'm1',
        inventory: inventory(1, ['x']),
        at: at(1),
      });
      await store.saveStateRead({
        reference: 'demo:b',
        marker: 'm1',
        inventory: inventory(1, ['x']),
        at: at(2),
      });
      await store.saveStateRead({
        reference: 'demo:b',
        marker: 'm2',
        inventory: inventory(2, ['x', 'y']),
        at: at(3),
      });
      const history = await store.getStateHistory('demo:b');
      expect(history.map(h => [h.marker, h.serial, h.resourceCount])).toEqual([
        ['m2', 2, 2],
        ['m1', 1, 1],
      ]);
    });

    it('remembers an error for a state never read successfully', async () => {
      const store = await createStore();
      await store.recordStateError(
        'demo:c',
        'not found',
        new Date('2026-11-25T08:00:00Z'),
      );
      const [snap] = await store.getStateSnapshots(['demo:c']);
      expect(snap.status).toBe('no-state');
      expect(snap.lastError).toBe('not found');
    });

    it('pages entities with their state references', async () => {
      const store = await createStore();
      for (const name of ['c', 'a', 'b']) {
        await store.setEntityStates(`component:default/${name}`, [
          `demo:${name}/1`,
          `demo:${name}/2`,
        ]);
      }
      await store.setEntityStates('component:default/b', ['demo:b/3']);
      const page = await store.listEntities({ offset: 1, limit: 1 });
      expect(page).toEqual({
        totalCount: 3,
        items: [{ entityRef: 'component:default/b', references: ['demo:b/3'] }],
      });
    });

    it('keeps the last Consul view when Consul fails', async () => {
      const store = await createStore();
      await store.saveConsulView({
        serviceName: 'payments',
        view: { instances: 3 },
        consulIndex: 42,
        at: new Date('2026-11-25T08:00:00Z'),
      });
      await store.recordConsulError(
        'payments',
        'connect ECONNREFUSED',
        new Date('2026-11-25T08:05:00Z'),
      );
      expect(await store.getConsulSnapshot('payments')).toEqual({
        serviceName: 'payments',
        view: { instances: 3 },
        consulIndex: 42,
        readAt: new Date('2026-11-25T08:00:00Z'),
        lastError: 'connect ECONNREFUSED',
        lastErrorAt: new Date('2026-11-25T08:05:00Z'),
      });
    });
  },
);
