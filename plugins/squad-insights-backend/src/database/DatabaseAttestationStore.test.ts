import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseAttestationStore } from './DatabaseAttestationStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'DatabaseAttestationStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseAttestationStore.create({
        database: { getClient: async () => knex },
      });
    }
    const ref = 'component:default/payment-processing';
    const attestation = (checkId: string, attestedAt: string) => ({
      entityRef: ref,
      checkId,
      statement:
        'Erasure requests are executed within 30 days by the erase-user job',
      evidenceUrl: 'https://wiki.example.com/payments/gdpr-erasure',
      attestedBy: 'user:default/dpo',
      attestedAt: new Date(attestedAt),
      expiresAt: new Date('2027-11-25T08:00:00Z'),
    });

    it('stores attestations with their evidence and lists them per entity, newest first', async () => {
      const store = await createStore();
      const older = await store.insertAttestation(
        attestation('gdpr.erasure', '2026-11-25T08:00:00Z'),
      );
      const newer = await store.insertAttestation(
        attestation('gdpr.portability', '2026-11-26T08:00:00Z'),
      );
      expect(older.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(older).toEqual(
        expect.objectContaining({
          checkId: 'gdpr.erasure',
          evidenceUrl: 'https://wiki.example.com/payments/gdpr-erasure',
          attestedBy: 'user:default/dpo',
          revokedAt: undefined,
        }),
      );
      expect(older.attestedAt.toISOString()).toBe('2026-11-25T08:00:00.000Z');
      expect(older.expiresAt.toISOString()).toBe('2027-11-25T08:00:00.000Z');
      expect((await store.listAttestations(ref)).map(a => a.id)).toEqual([
        newer.id,
        older.id,
      ]);
      expect(await store.listAttestations('component:default/other')).toEqual(
        [],
      );
      expect(await store.getAttestation('no-such-id')).toBeUndefined();
    });

    it('revokes an attestation by marking it, keeping the row, once', async () => {
      const store = await createStore();
      const a = await store.insertAttestation(
        attestation('gdpr.erasure', '2026-11-25T08:00:00Z'),
      );
      const revokedAt = new Date('2026-11-26T08:00:00Z');
      const revoked = await store.revokeAttestation(a.id, {
        revokedBy: 'user:default/auditor',
        revokedAt,
        revokeReason: 'The erase-user job was switched off',
      });
      expect(revoked).toEqual(
        expect.objectContaining({
          revokedBy: 'user:default/auditor',
          revokeReason: 'The erase-user job was switched off',
        }),
      );
      expect(revoked!.revokedAt!.toISOString()).toBe(revokedAt.toISOString());
      // A second revocation does not overwrite the first.
      expect(
        await store.revokeAttestation(a.id, {
          revokedBy: 'user:default/x',
          revokedAt: new Date(),
        }),
      ).toBeUndefined();
      const [listed] = await store.listAttestations(ref);
      expect(listed.revokedBy).toBe('user:default/auditor');
      expect(listed.statement).toBe(a.statement);
    });
  },
);
