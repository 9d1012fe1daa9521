import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'DatabaseComplianceStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseComplianceStore.create({
        database: { getClient: async () => knex },
      });
    }
    const ref = 'component:default/rights-ledger';

    it('revokes a waiver by marking it, keeping the row, once', async () => {
      const store = await createStore();
      const grantedAt = new Date('2026-11-25T08:00:00Z');
      const expiresAt = new Date('2026-12-25T08:00:00Z');
      const w = await store.insertWaiver({
        entityRef: ref,
        checkId: 'encryption.rds-storage',
        justification: 'Migration to an encrypted instance is planned',
        grantedBy: 'user:default/ciso',
        grantedAt,
        expiresAt,
      });
      expect(w.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(w.expiresAt.toISOString()).toBe(expiresAt.toISOString());
      expect(w.revokedAt).toBeUndefined();

      const revokedAt = new Date('2026-11-26T08:00:00Z');
      const revoked = await store.revokeWaiver(w.id, {
        revokedBy: 'user:default/auditor',
        revokedAt,
        revokeReason: 'done',
      });
      expect(revoked).toEqual(
        expect.objectContaining({
          revokedBy: 'user:default/auditor',
          revokeReason: 'done',
        }),
      );
      expect(revoked!.revokedAt!.toISOString()).toBe(revokedAt.toISOString());
      // A second revocation does not overwrite the first.
      expect(
        await store.revokeWaiver(w.id, {
          revokedBy: 'user:default/x',
          revokedAt: new Date(),
        }),
      ).toBeUndefined();
      const list = await store.listWaivers(ref);
      expect(list).toHaveLength(1);
      expect(list[0].revokedBy).toBe('user:default/auditor');
      expect(await store.listWaivers('component:default/other')).toEqual([]);
    });

    it('stores reviews with their snapshot verbatim, newest first', async () => {
      const store = await createStore();
      const snapshot = JSON.stringify({
        checks: [{ checkId: 'a', status: 'fail' }],
      });
      await store.insertReview({
        entityRef: ref,
        reviewer: 'user:default/a',
        decision: 'changes_requested',
        createdAt: new Date('2026-11-25T08:00:00Z'),
        snapshot,
      });
      await store.insertReview({
        entityRef: ref,
        reviewer: 'user:default/b',
        decision: 'approved',
        comment: 'ok',
        createdAt: new Date('2026-11-26T08:00:00Z'),
        snapshot: '{}',
      });
      const reviews = await store.listReviews(ref);
      expect(reviews.map(r => r.decision)).toEqual([
        'approved',
        'changes_requested',
      ]);
      expect(reviews[1].snapshot).toBe(snapshot);
      expect(reviews[1].comment).toBeUndefined();
      expect(reviews[0].createdAt.toISOString()).toBe(
        '2026-11-26T08:00:00.000Z',
      );
    });
  },
);
