import { TestDatabases } from '@backstage/backend-test-utils';
import { resolve as resolvePath } from 'node:path';
import type {
  ComplianceSummary,
  StoredComplianceResult,
  SummaryQuery,
} from './ComplianceSummaryStore';
import { DatabaseComplianceSummaryStore } from './DatabaseComplianceSummaryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const now = new Date('2026-11-26T08:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const PAYMENTS = 'group:default/payments-tribe';
const MEDIA = 'group:default/media-tribe';
const BACKEND = 'group:default/backend-engineering-chapter';
const DATA_GUILD = 'group:default/data-engineering-guild';
const SECURITY_GUILD = 'group:default/security-engineering-guild';

function summary(
  name: string,
  overrides: Partial<ComplianceSummary> = {},
): ComplianceSummary {
  return {
    entityRef: `component:default/${name}`,
    name,
    status: 'compliant',
    score: 1,
    failingChecks: 0,
    frameworks: [],
    waivers: { active: 0, expiringSoon: 0 },
    attestations: { applicable: 0, current: 0, awaiting: 0, expired: 0 },
    stale: false,
    sources: [`state:demo:${name}/terraform.tfstate`],
    failingCheckIds: [],
    computedAt: now,
    ...overrides,
  };
}

const pci = (status: 'compliant' | 'failing' | 'unknown', failed = 0) => ({
  id: 'PCI_DSS',
  title: 'PCI DSS',
  status,
  score: status === 'failing' ? 0.25 : 1,
  failed,
});
const gdpr = {
  id: 'GDPR',
  title: 'GDPR',
  status: 'compliant' as const,
  score: 1,
  failed: 0,
};

const fixtures: ComplianceSummary[] = [
  summary('payment-processing', {
    title: 'Payment Processing',
    squad: 'group:default/checkout-squad',
    tribe: PAYMENTS,
    chapter: BACKEND,
    guild: SECURITY_GUILD,
    status: 'failing',
    score: 0.25,
    failingChecks: 3,
    frameworks: [pci('failing', 3), gdpr],
    waivers: { active: 1, expiringSoon: 1, nextExpiry: days(5) },
    lastReview: {
      at: new Date('2026-11-20T10:00:00Z'),
      reviewer: 'user:default/carl',
      decision: 'changes_requested',
    },
  }),
  summary('fraud-detection', {
    squad: 'group:default/risk-squad',
    tribe: PAYMENTS,
    chapter: BACKEND,
    guild: DATA_GUILD,
    frameworks: [pci('compliant'), gdpr],
    score: 0.9,
    waivers: { active: 1, expiringSoon: 0, nextExpiry: days(40) },
  }),
  summary('rights-ledger', {
    title: 'Rättighetsliggaren',
    squad: 'group:default/rights-squad',
    tribe: MEDIA,
    guild: DATA_GUILD,
    status: 'unknown',
    score: null,
    frameworks: [gdpr],
  }),
  summary('legacy-batch'),
];

const base: SummaryQuery = {
  sort: 'service',
  order: 'asc',
  offset: 0,
  limit: 100,
  now,
};

describe.each(databases.eachSupportedId())(
  'DatabaseComplianceSummaryStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseComplianceSummaryStore.create({
        database: { getClient: async () => knex },
      });
      for (const s of fixtures) await store.upsert(s);
      return store;
    }
    const names = (r: { items: Array<{ name: string }> }) =>
      r.items.map(i => i.name);

    it('round-trips a summary, and replaces it on the next upsert', async () => {
      const store = await createStore();
      const { items } = await store.query({ ...base, q: 'payment-processing' });
      const { sources, failingCheckIds, ...expected } = fixtures[0];
      expect(items).toEqual([expected]);

      await store.upsert({
        ...fixtures[0],
        status: 'compliant',
        frameworks: [gdpr],
        sources: ['consul:payments'],
      });
      expect(
        (
          await store.query({
            ...base,
            framework: 'PCI_DSS',
            status: 'failing',
          })
        ).items,
      ).toEqual([]);
      expect(
        await store.entitiesForSources(['consul:payments', sources[0]]),
      ).toEqual(['component:default/payment-processing']);
    });

    it('keeps the full result beside the summary until the next upsert or delete', async () => {
      const store = await createStore();
      const entityRef = 'component:default/rights-ledger';
      // As the endpoint answers for the demo's rights ledger: evidence with state serial.
      const result: StoredComplianceResult['result'] = {
        entityRef,
        evaluatedAt: '2026-11-26T07:59:58.123Z',
        stale: false,
        problems: [],
        policy: { name: 'squad-insights-default', version: '1' },
        parameters: {} as StoredComplianceResult['result']['parameters'],
        frameworks: [],
        score: {
          score: 0.5,
          passed: 1,
          failed: 1,
          waived: 0,
          unknown: 0,
          notApplicable: 0,
        },
        checks: [
          {
            checkId: 'encryption.rds-storage',
            title: 'RDS and Aurora storage is encrypted at rest',
            severity: 'critical',
            controls: ['PCI_DSS:3.5.1', 'GDPR:Art.32'],
            frameworks: ['PCI_DSS', 'GDPR'],
            status: 'fail',
            remediation:
              'Set storage_encrypted = true with a customer managed KMS key.',
            evidence: [
              {
                source: 'demo:rights-ledger/terraform.tfstate',
                address: 'module.database.aws_db_instance.this',
                attribute: 'storage_encrypted',
                actual: false,
                expected: 'true',
                serial: 42,
              },
            ],
            waiver: {
              expiresAt: days(3).toISOString(),
              reason: 'Rättighetsdata migreras i Q1',
            },
          },
        ],
      };
      expect(await store.getResult(entityRef)).toBeUndefined();
      await store.upsert(fixtures[2], { result, validUntil: days(3) });
      expect(await store.getResult(entityRef)).toEqual({
        result,
        validUntil: days(3),
      });

      const later = { ...result, evaluatedAt: days(1).toISOString() };
      await store.upsert(fixtures[2], { result: later });
      expect(await store.getResult(entityRef)).toEqual({ result: later });
      // A summary written without its result must not leave the older result to be served.
      await store.upsert(fixtures[2]);
      expect(await store.getResult(entityRef)).toBeUndefined();
      await store.upsert(fixtures[2], { result });
      await store.delete([entityRef]);
      expect(await store.getResult(entityRef)).toBeUndefined();
    });

    it('filters by a failing check, and forgets the check once it no longer fails', async () => {
      const store = await createStore();
      await store.upsert(
        summary('payment-processing', {
          failingCheckIds: ['encryption.rds', 'logging.retention'],
        }),
      );
      await store.upsert(
        summary('fraud-detection', { failingCheckIds: ['logging.retention'] }),
      );
      await store.upsert(summary('playlist-management'));
      const refs = async (check: string) =>
        (await store.query({ ...base, check, sort: 'service' })).items.map(
          i => i.name,
        );
      expect(await refs('logging.retention')).toEqual([
        'fraud-detection',
        'payment-processing',
      ]);
      expect(await refs('encryption.rds')).toEqual(['payment-processing']);
      expect(await refs('no.such-check')).toEqual([]);
      await store.upsert(
        summary('payment-processing', {
          failingCheckIds: ['logging.retention'],
        }),
      );
      expect(await refs('encryption.rds')).toEqual([]);
      await store.delete(['component:default/fraud-detection']);
      expect(await refs('logging.retention')).toEqual(['payment-processing']);
    });

    it('filters by tribe, squad, overall status and per-framework status', async () => {
      const store = await createStore();
      expect(names(await store.query({ ...base, tribe: PAYMENTS }))).toEqual([
        'fraud-detection',
        'payment-processing',
      ]);
      expect(
        names(
          await store.query({ ...base, squad: 'group:default/rights-squad' }),
        ),
      ).toEqual(['rights-ledger']);
      expect(names(await store.query({ ...base, status: 'unknown' }))).toEqual([
        'rights-ledger',
      ]);
      expect(
        names(await store.query({ ...base, framework: 'PCI_DSS' })),
      ).toEqual(['fraud-detection', 'payment-processing']);
      expect(
        names(
          await store.query({
            ...base,
            tribe: PAYMENTS,
            framework: 'PCI_DSS',
            status: 'compliant',
          }),
        ),
      ).toEqual(['fraud-detection']);
      const none = await store.query({
        ...base,
        framework: 'NO_SUCH_FRAMEWORK',
      });
      expect(none).toEqual({ items: [], totalCount: 0 });
    });

    it('filters by chapter and guild, alone and with the other filters', async () => {
      const store = await createStore();
      expect(names(await store.query({ ...base, chapter: BACKEND }))).toEqual([
        'fraud-detection',
        'payment-processing',
      ]);
      expect(names(await store.query({ ...base, guild: DATA_GUILD }))).toEqual([
        'fraud-detection',
        'rights-ledger',
      ]);
      expect(
        names(
          await store.query({ ...base, chapter: BACKEND, guild: DATA_GUILD }),
        ),
      ).toEqual(['fraud-detection']);
      expect(
        names(
          await store.query({
            ...base,
            guild: DATA_GUILD,
            tribe: MEDIA,
            status: 'unknown',
          }),
        ),
      ).toEqual(['rights-ledger']);
      expect(
        await store.query({ ...base, chapter: 'group:default/sre-chapter' }),
      ).toEqual({ items: [], totalCount: 0 });
      // A service that leaves its guild leaves the guild's list on its next upsert.
      await store.upsert({ ...fixtures[1], guild: undefined });
      expect(names(await store.query({ ...base, guild: DATA_GUILD }))).toEqual([
        'rights-ledger',
      ]);
    });

    it('migrates chapter and guild in and out again', async () => {
      const knex = await databases.init(databaseId);
      const directory = resolvePath(__dirname, '../../migrations');
      await DatabaseComplianceSummaryStore.create({
        database: { getClient: async () => knex },
      });
      expect(
        await knex.schema.hasColumn('si_compliance_summaries', 'guild_ref'),
      ).toBe(true);
      const name = '20261203_compliance_summary_affiliations.js';
      const [, undone] = await knex.migrate.down({ directory, name });
      expect(undone).toEqual([name]);
      expect(
        await knex.schema.hasColumn('si_compliance_summaries', 'chapter_ref'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('si_compliance_summaries', 'guild_ref'),
      ).toBe(false);
      await knex.migrate.latest({ directory });
      expect(
        await knex.schema.hasColumn('si_compliance_summaries', 'chapter_ref'),
      ).toBe(true);
    });

    it('round-trips attestation counts and filters by awaiting, expired and expiring attestations', async () => {
      const store = await createStore();
      const attested = (
        current: number,
        awaiting: number,
        expired: number,
        nextExpiry?: Date,
      ) => ({
        applicable: current + awaiting + expired,
        current,
        awaiting,
        expired,
        nextExpiry,
      });
      await store.upsert({
        ...fixtures[0],
        attestations: attested(2, 0, 0, days(20)),
      });
      await store.upsert({
        ...fixtures[1],
        attestations: attested(1, 1, 0, days(45)),
      });
      await store.upsert({ ...fixtures[2], attestations: attested(0, 0, 1) });
      // legacy-batch keeps no attested check at all.
      const [payment] = (
        await store.query({ ...base, q: 'payment-processing' })
      ).items;
      expect(payment.attestations).toEqual(attested(2, 0, 0, days(20)));
      const [legacy] = (await store.query({ ...base, q: 'legacy-batch' }))
        .items;
      expect(legacy.attestations).toEqual({
        applicable: 0,
        current: 0,
        awaiting: 0,
        expired: 0,
        nextExpiry: undefined,
      });

      const filter = async (
        attestation: 'awaiting' | 'expired' | 'expiring',
        at = now,
      ) => names(await store.query({ ...base, attestation, now: at }));
      expect(await filter('awaiting')).toEqual(['fraud-detection']);
      expect(await filter('expired')).toEqual(['rights-ledger']);
      // Within 30 days of now: 20 days is, 45 days is not.
      expect(await filter('expiring')).toEqual(['payment-processing']);
      // Twenty-five days on, the first has lapsed since its row was computed and counts as
      // expired; the second is now within the window.
      expect(await filter('expiring', days(25))).toEqual(['fraud-detection']);
      expect(await filter('expired', days(25))).toEqual([
        'payment-processing',
        'rights-ledger',
      ]);
      // Combined with the other filters, as any filter is.
      expect(
        names(
          await store.query({ ...base, attestation: 'expired', tribe: MEDIA }),
        ),
      ).toEqual(['rights-ledger']);
      expect(
        names(
          await store.query({ ...base, attestation: 'awaiting', tribe: MEDIA }),
        ),
      ).toEqual([]);
    });

    it('migrates the attestation columns in and out again', async () => {
      const knex = await databases.init(databaseId);
      const directory = resolvePath(__dirname, '../../migrations');
      const store = await DatabaseComplianceSummaryStore.create({
        database: { getClient: async () => knex },
      });
      await store.upsert({
        ...fixtures[0],
        attestations: {
          applicable: 2,
          current: 2,
          awaiting: 0,
          expired: 0,
          nextExpiry: days(9),
        },
      });
      const name = '20261204_compliance_summary_attestations.js';
      const [, undone] = await knex.migrate.down({ directory, name });
      expect(undone).toEqual([name]);
      for (const column of [
        'attested_checks',
        'attestations_awaiting',
        'next_attestation_expiry',
      ]) {
        expect(
          await knex.schema.hasColumn('si_compliance_summaries', column),
        ).toBe(false);
      }
      // A row written before the migration counts no attested check until it is refreshed.
      await knex.migrate.latest({ directory });
      const [row] = (await store.query(base)).items;
      expect(row.attestations).toEqual({
        applicable: 0,
        current: 0,
        awaiting: 0,
        expired: 0,
        nextExpiry: undefined,
      });
    });

    it('finds waivers expiring within N days of now, and searches case-insensitively beyond ASCII', async () => {
      const store = await createStore();
      expect(
        names(await store.query({ ...base, expiringWithinDays: 30 })),
      ).toEqual(['payment-processing']);
      expect(
        names(await store.query({ ...base, expiringWithinDays: 60 })),
      ).toEqual(['fraud-detection', 'payment-processing']);
      // Ten days on, the first waiver has expired and the second is within 30 days.
      expect(
        names(
          await store.query({ ...base, expiringWithinDays: 30, now: days(10) }),
        ),
      ).toEqual(['fraud-detection']);
      expect(names(await store.query({ ...base, q: 'RÄTTIGHET' }))).toEqual([
        'rights-ledger',
      ]);
      expect(names(await store.query({ ...base, q: 'media-TRIBE' }))).toEqual([
        'rights-ledger',
      ]);
      // A LIKE wildcard in the search is a literal character, not "anything".
      expect(names(await store.query({ ...base, q: '%' }))).toEqual([]);
    });

    it('sorts with nulls last in both directions and the entity ref breaking ties, and pages', async () => {
      const store = await createStore();
      expect(names(await store.query({ ...base, sort: 'status' }))).toEqual([
        'payment-processing',
        'rights-ledger',
        'fraud-detection',
        'legacy-batch',
      ]);
      expect(
        names(await store.query({ ...base, sort: 'score', order: 'desc' })),
      ).toEqual([
        'legacy-batch',
        'fraud-detection',
        'payment-processing',
        'rights-ledger',
      ]);
      expect(
        names(await store.query({ ...base, sort: 'score', order: 'asc' })),
      ).toEqual([
        'payment-processing',
        'fraud-detection',
        'legacy-batch',
        'rights-ledger',
      ]);
      expect(
        names(await store.query({ ...base, sort: 'tribe', order: 'desc' })),
      ).toEqual([
        'fraud-detection',
        'payment-processing',
        'rights-ledger',
        'legacy-batch',
      ]);
      expect(
        names(await store.query({ ...base, sort: 'nextWaiverExpiry' })),
      ).toEqual([
        'payment-processing',
        'fraud-detection',
        'legacy-batch',
        'rights-ledger',
      ]);
      const page = await store.query({
        ...base,
        sort: 'status',
        offset: 1,
        limit: 2,
      });
      expect(page).toEqual(expect.objectContaining({ totalCount: 4 }));
      expect(names(page)).toEqual(['rights-ledger', 'fraud-detection']);
    });

    it('reads the facets over all rows once per write, from any store on the client', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseComplianceSummaryStore.create({
        database: { getClient: async () => knex },
      });
      const other = await DatabaseComplianceSummaryStore.create({
        database: { getClient: async () => knex, migrations: { skip: true } },
      });
      await store.upsert(fixtures[0]);
      const queries: string[] = [];
      const onQuery = (q: { sql: string }) => queries.push(q.sql);
      knex.on('query', onQuery);
      try {
        const first = await store.facets();
        const read = queries.length;
        expect(read).toBeGreaterThan(0);
        expect(await store.facets()).toEqual(first);
        expect(queries).toHaveLength(read);

        // A write through another store on the same client shows at once.
        await other.upsert(fixtures[2]);
        queries.length = 0;
        expect((await store.facets()).tribes).toEqual([MEDIA, PAYMENTS]);
        expect(queries.length).toBeGreaterThan(0);
        await other.delete([fixtures[2].entityRef]);
        expect((await store.facets()).tribes).toEqual([PAYMENTS]);

        // A caller who sees only some services gets facets read for them, every time.
        queries.length = 0;
        const visibleEntityRefs = [fixtures[0].entityRef];
        await store.facets({ visibleEntityRefs });
        const restricted = queries.length;
        expect(restricted).toBeGreaterThan(0);
        await store.facets({ visibleEntityRefs });
        expect(queries).toHaveLength(2 * restricted);
      } finally {
        knex.removeListener('query', onQuery);
      }
    });

    it('reports facets over all rows and deletes summaries', async () => {
      const store = await createStore();
      expect(await store.facets()).toEqual({
        tribes: [MEDIA, PAYMENTS],
        squads: [
          'group:default/checkout-squad',
          'group:default/rights-squad',
          'group:default/risk-squad',
        ],
        chapters: [BACKEND],
        guilds: [DATA_GUILD, SECURITY_GUILD],
        frameworks: [
          { id: 'GDPR', title: 'GDPR' },
          { id: 'PCI_DSS', title: 'PCI DSS' },
        ],
        oldestComputedAt: now,
      });
      await store.delete([
        'component:default/payment-processing',
        'component:default/fraud-detection',
      ]);
      expect(await store.listEntityRefs()).toEqual([
        'component:default/legacy-batch',
        'component:default/rights-ledger',
      ]);
      expect((await store.facets()).frameworks).toEqual([
        { id: 'GDPR', title: 'GDPR' },
      ]);
      expect(
        await store.entitiesForSources([
          'state:demo:payment-processing/terraform.tfstate',
        ]),
      ).toEqual([]);
    });
  },
);
