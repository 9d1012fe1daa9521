import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  createPortfolioWorld,
  worldService,
} from './__testUtils__/portfolioWorld';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const now = new Date('2026-11-26T08:00:00Z');

/** Every stored row of the portfolio, in a stable order: what both passes must agree on. */
async function storedPortfolio(knex: Knex) {
  const tables = {
    si_compliance_summaries: ['entity_ref'],
    si_compliance_summary_frameworks: ['entity_ref', 'framework_id'],
    si_compliance_summary_sources: ['entity_ref', 'source'],
    si_compliance_summary_failing_checks: ['entity_ref', 'check_id'],
    si_compliance_results: ['entity_ref'],
  };
  const dump: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    dump[table] = (await knex(table).orderBy(order)).map(row => ({
      ...row,
      // The stored evaluation compared as data, not as JSON text.
      ...(row.result && { result: JSON.parse(row.result) }),
    }));
  }
  return dump;
}

async function clearPortfolio(knex: Knex) {
  for (const table of [
    'si_compliance_summaries',
    'si_compliance_summary_frameworks',
    'si_compliance_summary_sources',
    'si_compliance_summary_failing_checks',
    'si_compliance_results',
  ]) {
    await knex(table).delete();
  }
}

describe.each(databases.eachSupportedId())(
  'the bulk portfolio pass on %s',
  databaseId => {
    it('stores exactly the rows and results of the per-entity path, in a few round trips', async () => {
      const knex = await databases.init(databaseId);
      const services = 60;
      const world = await createPortfolioWorld(knex, { services, now });

      // The reference: every service refreshed alone, as an event would.
      const single = world.portfolio({ bulk: false });
      for (let i = 0; i < services; i++) {
        await single.refresh(`component:default/service-${i}`);
      }
      const expected = await storedPortfolio(knex);
      // The world is varied enough to mean something: every kind of row occurs.
      const summaries = expected.si_compliance_summaries as Array<
        Record<string, any>
      >;
      expect(summaries).toHaveLength(services);
      const results = (
        expected.si_compliance_results as Array<{ result: any }>
      ).map(r => r.result);
      // (The default policy leaves none of these generated services compliant.)
      expect(new Set(summaries.map(s => s.status))).toEqual(
        new Set(['failing', 'unknown']),
      );
      expect(summaries.some(s => s.waivers_active > 0)).toBe(true);
      expect(summaries.some(s => s.last_review_at !== null)).toBe(true);
      expect(summaries.some(s => s.attestations_current > 0)).toBe(true);
      expect(summaries.some(s => s.attestations_expired > 0)).toBe(true);
      expect(summaries.some(s => s.squad_ref === null)).toBe(true); // user-owned
      expect(summaries.some(s => s.chapter_ref !== null)).toBe(true);
      expect(summaries.some(s => Boolean(s.stale))).toBe(true);
      const problems = results.flatMap(r => r.problems as string[]);
      expect(problems.some(p => /separation of duties/.test(p))).toBe(true);
      expect(problems.some(p => /not a User or Group/.test(p))).toBe(true);
      expect(
        results.some(r => r.bindings?.some((b: any) => b.allowed === false)),
      ).toBe(true);

      // The bulk pass over an empty portfolio, in pages smaller than the catalog.
      await clearPortfolio(knex);
      world.catalog.calls.clear();
      const bulk = world.portfolio({ bulk: true, batchSize: 16 });
      const summary = await bulk.refreshAll();
      expect(summary).toEqual({ refreshed: services, removed: 0, failed: [] });
      expect(await storedPortfolio(knex)).toEqual(expected);
      // A handful of catalog reads per pass, however many services: never one per service.
      expect(world.catalog.calls.get('getEntityByRef') ?? 0).toBe(0);
      const total = [...world.catalog.calls.values()].reduce((a, b) => a + b);
      expect(total).toBeLessThan(services / 4);

      // And over rows that exist, as the scheduled pass finds them.
      expect(await bulk.refreshAll()).toEqual({
        refreshed: services,
        removed: 0,
        failed: [],
      });
      expect(await storedPortfolio(knex)).toEqual(expected);
    });

    it('refreshes named services and drops refs that are no longer services', async () => {
      const knex = await databases.init(databaseId);
      const world = await createPortfolioWorld(knex, { services: 12, now });
      const bulk = world.portfolio({ bulk: true, batchSize: 5 });
      await bulk.refreshAll();
      world.catalog.remove('component:default/service-3');
      world.catalog.add(worldService(40));
      const single = world.portfolio({ bulk: false });

      expect(
        await bulk.refreshEntities([
          'component:default/service-3',
          'component:default/service-40',
          'component:default/service-12', // the website: not a service
        ]),
      ).toEqual({ refreshed: 1, removed: 2, failed: [] });
      const refs = await world.summaries.listEntityRefs();
      expect(refs).toContain('component:default/service-40');
      expect(refs).not.toContain('component:default/service-3');
      expect(refs).not.toContain('component:default/service-12');
      // Its row is the one a single refresh stores.
      const row = await world.summaries.getResult(
        'component:default/service-40',
      );
      await single.refresh('component:default/service-40');
      expect(
        await world.summaries.getResult('component:default/service-40'),
      ).toEqual(row);
    });
  },
);
