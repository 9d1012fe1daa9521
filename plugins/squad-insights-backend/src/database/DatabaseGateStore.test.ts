import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseGateStore } from './DatabaseGateStore';

jest.setTimeout(60_000);

const PAYMENTS = 'component:default/payment-processing';
const at = (iso: string) => new Date(iso);

describe('DatabaseGateStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps decisions newest first and the latest per entity, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await DatabaseGateStore.create({
        database: { getClient: async () => knex },
      });
      const base = {
        entityRef: PAYMENTS,
        environment: 'production',
        commit: 'abc123',
        caller: 'external:ci',
      };
      const reasons = [
        {
          code: 'check-failing' as const,
          blocking: true,
          checkId: 'logging.log-retention',
          message: 'fails',
        },
      ];
      const denied = await store.insertDecision({
        ...base,
        allowed: false,
        reasons,
        createdAt: at('2026-12-01T10:00:00Z'),
      });
      const allowed = await store.insertDecision({
        ...base,
        allowed: true,
        reasons: [],
        createdAt: at('2026-12-02T10:00:00Z'),
      });
      await store.insertDecision({
        ...base,
        entityRef: 'component:default/other',
        allowed: false,
        reasons,
        createdAt: at('2026-12-03T10:00:00Z'),
      });

      expect(denied).toEqual({
        ...base,
        id: denied.id,
        allowed: false,
        reasons,
        overrideId: undefined,
        createdAt: at('2026-12-01T10:00:00Z'),
      });
      expect((await store.listDecisions(PAYMENTS, 10)).map(d => d.id)).toEqual([
        allowed.id,
        denied.id,
      ]);
      expect((await store.listDecisions(PAYMENTS, 1)).map(d => d.id)).toEqual([
        allowed.id,
      ]);
      const latest = await store.latestDecisions([
        PAYMENTS,
        'component:default/other',
        'component:default/never',
      ]);
      expect(latest.get(PAYMENTS)?.allowed).toBe(true);
      expect(latest.get('component:default/other')?.allowed).toBe(false);
      expect(latest.has('component:default/never')).toBe(false);
      // The portfolio filter goes by the latest decision only: payments' old denial no longer counts.
      expect(await store.entitiesByLastGate('denied')).toEqual([
        'component:default/other',
      ]);
      expect(await store.entitiesByLastGate('allowed')).toEqual([PAYMENTS]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets an override be found until it expires and used once, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await DatabaseGateStore.create({
        database: { getClient: async () => knex },
      });
      const target = {
        entityRef: PAYMENTS,
        environment: 'production',
        commit: 'abc123',
      };
      const override = await store.insertOverride({
        ...target,
        decisionId: 'd-1',
        reason: 'Incident 4711 hotfix',
        grantedBy: 'user:default/karin.nilsson',
        grantedAt: at('2026-12-01T10:00:00Z'),
        expiresAt: at('2026-12-01T14:00:00Z'),
      });
      expect(
        await store.findUsableOverride(target, at('2026-12-01T11:00:00Z')),
      ).toEqual(override);
      expect(
        await store.findUsableOverride(
          { ...target, commit: 'other' },
          at('2026-12-01T11:00:00Z'),
        ),
      ).toBeUndefined();
      expect(
        await store.findUsableOverride(target, at('2026-12-01T14:00:01Z')),
      ).toBeUndefined();

      const used = await store.insertDecision({
        ...target,
        allowed: true,
        reasons: [],
        caller: 'external:ci',
        overrideId: override.id,
        createdAt: at('2026-12-01T11:00:00Z'),
      });
      expect(used.overrideId).toBe(override.id);
      expect(
        await store.findUsableOverride(target, at('2026-12-01T11:00:00Z')),
      ).toBeUndefined();
      expect(await store.listOverrides(PAYMENTS)).toEqual([
        {
          ...override,
          consumedBy: used.id,
          consumedAt: at('2026-12-01T11:00:00Z'),
        },
      ]);
      // A second use is refused and stores nothing.
      await expect(
        store.insertDecision({
          ...target,
          allowed: true,
          reasons: [],
          caller: 'external:ci',
          overrideId: override.id,
          createdAt: at('2026-12-01T11:01:00Z'),
        }),
      ).rejects.toThrow(/already used/);
      expect(await store.listDecisions(PAYMENTS, 10)).toHaveLength(1);
    },
  );
});
