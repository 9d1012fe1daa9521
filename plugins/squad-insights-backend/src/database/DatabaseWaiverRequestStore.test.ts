import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseWaiverRequestStore } from './DatabaseWaiverRequestStore';

jest.setTimeout(60_000);

describe('DatabaseWaiverRequestStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps requests and decides each once, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await DatabaseWaiverRequestStore.create({
        database: { getClient: async () => knex },
      });
      const base = {
        entityRef: 'component:default/music-discovery',
        checkId: 'encryption.rds-storage',
        justification: 'January window',
        expiresAt: new Date('2027-01-31T23:00:00Z'),
        requestedBy: 'user:default/erik.johansson',
      };
      const older = await store.insertRequest({
        ...base,
        requestedAt: new Date('2026-11-01T10:00:00Z'),
      });
      const newer = await store.insertRequest({
        ...base,
        checkId: 'backup.rds-retention',
        requestedAt: new Date('2026-11-02T10:00:00Z'),
      });
      expect(older).toMatchObject({
        ...base,
        status: 'requested',
        decidedBy: undefined,
        waiverId: undefined,
      });
      expect((await store.listRequests(base.entityRef)).map(r => r.id)).toEqual(
        [newer.id, older.id],
      );
      expect(await store.listRequests('component:default/other')).toEqual([]);

      const decidedAt = new Date('2026-11-03T09:00:00Z');
      const granted = await store.decideRequest(older.id, {
        status: 'granted',
        decidedBy: 'user:default/karin.nilsson',
        decidedAt,
        waiverId: 'w-1',
      });
      expect(granted).toMatchObject({
        status: 'granted',
        decidedBy: 'user:default/karin.nilsson',
        decidedAt,
        waiverId: 'w-1',
      });
      // A second decision changes nothing.
      expect(
        await store.decideRequest(older.id, {
          status: 'rejected',
          decidedBy: 'user:default/x',
          decidedAt,
        }),
      ).toBeUndefined();
      expect((await store.getRequest(older.id))?.status).toBe('granted');
      expect(
        await store.decideRequest('missing', {
          status: 'rejected',
          decidedBy: 'user:default/x',
          decidedAt,
        }),
      ).toBeUndefined();

      const rejected = await store.decideRequest(newer.id, {
        status: 'rejected',
        decidedBy: 'user:default/karin.nilsson',
        decidedAt,
        decisionReason: 'Fix it',
      });
      expect(rejected).toMatchObject({
        status: 'rejected',
        decisionReason: 'Fix it',
        waiverId: undefined,
      });
    },
  );
});
