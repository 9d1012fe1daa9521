import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseAttestationStore } from './DatabaseAttestationStore';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseComplianceSummaryStore } from './DatabaseComplianceSummaryStore';
import { DatabaseFactsStore } from './DatabaseFactsStore';
import { BATCH_SIZE } from './inBatches';

jest.setTimeout(120_000);

// SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const t0 = Date.parse('2026-11-26T08:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
// More entities than one batch holds, so reads cross a batch boundary.
const ENTITIES = BATCH_SIZE + 7;
const ref = (i: number) => `component:default/service-${i}`;

/** The per-entity reads of every entity, as a map without the entities that have nothing. */
async function oneByOne<T>(read: (entityRef: string) => Promise<T[]>) {
  const found = new Map<string, T[]>();
  for (let i = 0; i < ENTITIES + 2; i++) {
    const list = await read(ref(i));
    if (list.length) found.set(ref(i), list);
  }
  return found;
}
const allRefs = () => Array.from({ length: ENTITIES + 2 }, (_, i) => ref(i));

describe.each(databases.eachSupportedId())(
  'batched reads for the portfolio pass on %s',
  databaseId => {
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });
    const database = () => ({ getClient: async () => knex });

    it('answers entity states and Consul snapshots as the one-by-one reads do', async () => {
      const store = await DatabaseFactsStore.create({ database: database() });
      for (let i = 0; i < ENTITIES; i++) {
        // Written out of order, so the order of the answer is the store's own.
        const states = [`demo:z/${i}`, `demo:a/${i}`].slice(0, 1 + (i % 2));
        if (i % 5 !== 0) await store.setEntityStates(ref(i), states);
      }
      await store.saveConsulView({
        serviceName: 'payments',
        view: { name: 'payments' },
        consulIndex: 42,
        at: at(0),
      });
      await store.recordConsulError('payments', 'consul down', at(1));
      await store.recordConsulError('never-read', 'consul down', at(2));

      const batched = await store.getEntityStatesOf(allRefs());
      expect(batched).toEqual(await oneByOne(r => store.getEntityStates(r)));
      expect(batched.get(ref(1))).toEqual(['demo:a/1', 'demo:z/1']);
      expect(batched.has(ref(0))).toBe(false);

      const consul = await store.getConsulSnapshots([
        'payments',
        'never-read',
        'unknown',
      ]);
      expect([...consul.keys()].sort()).toEqual(['never-read', 'payments']);
      expect(consul.get('payments')).toEqual(
        await store.getConsulSnapshot('payments'),
      );
      expect(consul.get('never-read')).toEqual(
        await store.getConsulSnapshot('never-read'),
      );
      expect(consul.get('payments')).toEqual(
        expect.objectContaining({ consulIndex: 42, lastError: 'consul down' }),
      );
    });

    it('answers waivers, reviews and attestations per entity, in the one-by-one order', async () => {
      const decisions = await DatabaseComplianceStore.create({
        database: database(),
      });
      const attestations = await DatabaseAttestationStore.create({
        database: database(),
      });
      for (let i = 0; i < ENTITIES; i++) {
        if (i % 4 === 3) continue; // some entities have none
        for (const n of [0, 1, 2].slice(0, 1 + (i % 3))) {
          const w = await decisions.insertWaiver({
            entityRef: ref(i),
            checkId: `check-${n}`,
            justification: 'planned',
            grantedBy: 'user:default/carl',
            // Two of them granted at the same moment: the id decides their order.
            grantedAt: at(n === 2 ? 1 : n),
            expiresAt: at(1000),
          });
          if (n === 1) {
            await decisions.revokeWaiver(w.id, {
              revokedBy: 'user:default/dana',
              revokedAt: at(5),
            });
          }
          await decisions.insertReview({
            entityRef: ref(i),
            reviewer: 'user:default/carl',
            decision: n ? 'approved' : 'changes_requested',
            createdAt: at(10 - n),
            snapshot: '{}',
          });
          await attestations.insertAttestation({
            entityRef: ref(i),
            checkId: `check-${n}`,
            statement: 'in place',
            evidenceUrl: 'https://example.com',
            attestedBy: 'user:default/carl',
            attestedAt: at(n),
            expiresAt: at(1000),
          });
        }
      }
      const waivers = await decisions.listWaiversOf(allRefs());
      expect(waivers).toEqual(await oneByOne(r => decisions.listWaivers(r)));
      // Newest first; check-1 and check-2 were granted together.
      const checks = waivers.get(ref(2))!.map(w => w.checkId);
      expect(checks).toHaveLength(3);
      expect(checks[2]).toBe('check-0');
      expect(waivers.has(ref(3))).toBe(false);
      expect(await decisions.listReviewsOf(allRefs())).toEqual(
        await oneByOne(r => decisions.listReviews(r)),
      );
      expect(await attestations.listAttestationsOf(allRefs())).toEqual(
        await oneByOne(r => attestations.listAttestations(r)),
      );
      expect(await decisions.listWaiversOf([])).toEqual(new Map());
    });

    it('writes many summaries in one call as upsert writes each', async () => {
      const store = await DatabaseComplianceSummaryStore.create({
        database: database(),
      });
      const summary = (i: number, failing: boolean) => ({
        entityRef: ref(i),
        name: `service-${i}`,
        squad: 'group:default/squad',
        status: failing ? ('failing' as const) : ('compliant' as const),
        score: failing ? 0.5 : 1,
        failingChecks: failing ? 1 : 0,
        failingCheckIds: failing ? ['check-1'] : [],
        frameworks: [
          {
            id: 'GDPR',
            title: 'GDPR',
            status: failing ? ('failing' as const) : ('compliant' as const),
            score: failing ? 0.5 : 1,
            failed: failing ? 1 : 0,
          },
        ],
        waivers: { active: 0, expiringSoon: 0 },
        attestations: { applicable: 0, current: 0, awaiting: 0, expired: 0 },
        stale: false,
        sources: [`state:demo:${i}`, `state:demo:${i}`],
        computedAt: at(0),
      });
      const result = (i: number) => ({
        result: { entityRef: ref(i), evaluatedAt: at(0).toISOString() } as any,
        validUntil: at(60),
      });
      const n = 230; // rows of every table cross the insert batches
      await store.upsertMany(
        Array.from({ length: n }, (_, i) => ({
          summary: summary(i, true),
          result: i % 2 ? result(i) : undefined,
        })),
      );
      // Again, replacing: each row's old verdicts, sources and result go.
      await store.upsertMany(
        Array.from({ length: n }, (_, i) => ({
          summary: summary(i, i % 3 === 0),
          result: i % 2 ? undefined : result(i),
        })),
      );
      const dump = async () =>
        Promise.all(
          [
            ['si_compliance_summaries', 'entity_ref'],
            ['si_compliance_summary_frameworks', 'entity_ref'],
            ['si_compliance_summary_sources', 'entity_ref'],
            ['si_compliance_summary_failing_checks', 'entity_ref'],
            ['si_compliance_results', 'entity_ref'],
          ].map(([table, order]) => knex(table).orderBy(order)),
        );
      const batched = await dump();
      expect(batched[0]).toHaveLength(n);
      expect(batched[3]).toHaveLength(Math.ceil(n / 3));
      expect(batched[4]).toHaveLength(Math.ceil(n / 2));

      await store.delete(allRefs());
      for (let i = 0; i < n; i++) {
        await store.upsert(summary(i, true), i % 2 ? result(i) : undefined);
        await store.upsert(
          summary(i, i % 3 === 0),
          i % 2 ? undefined : result(i),
        );
      }
      expect(await dump()).toEqual(batched);
    });
  },
);
