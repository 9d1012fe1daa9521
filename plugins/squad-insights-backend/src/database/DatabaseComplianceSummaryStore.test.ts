import { TestDatabases } from '@backstage/backend-test-utils';
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

function summary(name: string, overrides: Partial<ComplianceSummary> = {}): ComplianceSummary {
  return {
    entityRef: `component:default/${name}`,
    name,
    status: 'compliant',
    score: 1,
    failingChecks: 0,
    frameworks: [],
    waivers: { active: 0, expiringSoon: 0 },
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
const gdpr = { id: 'GDPR', title: 'GDPR', status: 'compliant' as const, score: 1, failed: 0 };

const fixtures: ComplianceSummary[] = [
  summary('payment-processing', {
    title: 'Payment Processing',
    squad: 'group:default/checkout-squad',
    tribe: PAYMENTS,
    status: 'failing',
    score: 0.25,
    failingChecks: 3,
    frameworks: [pci('failing', 3), gdpr],
    waivers: { active: 1, expiringSoon: 1, nextExpiry: days(5) },
    lastReview: { at: new Date('2026-11-20T10:00:00Z'), reviewer: 'user:default/carl', decision: 'changes_requested' },
  }),
  summary('fraud-detection', {
    squad: 'group:default/risk-squad',
    tribe: PAYMENTS,
    frameworks: [pci('compliant'), gdpr],
    score: 0.9,
    waivers: { active: 1, expiringSoon: 0, nextExpiry: days(40) },
  }),
  summary('rights-ledger', {
    title: 'Rättighetsliggaren',
    squad: 'group:default/rights-squad',
    tribe: MEDIA,
    status: 'unknown',
    score: null,
    frameworks: [gdpr],
  }),
  summary('legacy-batch'),
];

const base: SummaryQuery = { sort: 'service', order: 'asc', offset: 0, limit: 100, now };

describe.each(databases.eachSupportedId())('DatabaseComplianceSummaryStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    const store = await DatabaseComplianceSummaryStore.create({ database: { getClient: async () => knex } });
    for (const s of fixtures) await store.upsert(s);
    return store;
  }
  const names = (r: { items: Array<{ name: string }> }) => r.items.map(i => i.name);

  it('round-trips a summary, and replaces it on the next upsert', async () => {
    const store = await createStore();
    const { items } = await store.query({ ...base, q: 'payment-processing' });
    const { sources, failingCheckIds, ...expected } = fixtures[0];
    expect(items).toEqual([expected]);

    await store.upsert({ ...fixtures[0], status: 'compliant', frameworks: [gdpr], sources: ['consul:payments'] });
    expect((await store.query({ ...base, framework: 'PCI_DSS', status: 'failing' })).items).toEqual([]);
    expect(await store.entitiesForSources(['consul:payments', sources[0]])).toEqual(['component:default/payment-processing']);
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
      score: { score: 0.5, passed: 1, failed: 1, waived: 0, unknown: 0, notApplicable: 0 },
      checks: [
        {
          checkId: 'encryption.rds-storage',
          title: 'RDS and Aurora storage is encrypted at rest',
          severity: 'critical',
          controls: ['PCI_DSS:3.5.1', 'GDPR:Art.32'],
          frameworks: ['PCI_DSS', 'GDPR'],
          status: 'fail',
          remediation: 'Set storage_encrypted = true with a customer managed KMS key.',
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
          waiver: { expiresAt: days(3).toISOString(), reason: 'Rättighetsdata migreras i Q1' },
        },
      ],
    };
    expect(await store.getResult(entityRef)).toBeUndefined();
    await store.upsert(fixtures[2], { result, validUntil: days(3) });
    expect(await store.getResult(entityRef)).toEqual({ result, validUntil: days(3) });

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
    await store.upsert(summary('payment-processing', { failingCheckIds: ['encryption.rds', 'logging.retention'] }));
    await store.upsert(summary('fraud-detection', { failingCheckIds: ['logging.retention'] }));
    await store.upsert(summary('playlist-management'));
    const refs = async (check: string) => (await store.query({ ...base, check, sort: 'service' })).items.map(i => i.name);
    expect(await refs('logging.retention')).toEqual(['fraud-detection', 'payment-processing']);
    expect(await refs('encryption.rds')).toEqual(['payment-processing']);
    expect(await refs('no.such-check')).toEqual([]);
    await store.upsert(summary('payment-processing', { failingCheckIds: ['logging.retention'] }));
    expect(await refs('encryption.rds')).toEqual([]);
    await store.delete(['component:default/fraud-detection']);
    expect(await refs('logging.retention')).toEqual(['payment-processing']);
  });

  it('filters by tribe, squad, overall status and per-framework status', async () => {
    const store = await createStore();
    expect(names(await store.query({ ...base, tribe: PAYMENTS }))).toEqual(['fraud-detection', 'payment-processing']);
    expect(names(await store.query({ ...base, squad: 'group:default/rights-squad' }))).toEqual(['rights-ledger']);
    expect(names(await store.query({ ...base, status: 'unknown' }))).toEqual(['rights-ledger']);
    expect(names(await store.query({ ...base, framework: 'PCI_DSS' }))).toEqual(['fraud-detection', 'payment-processing']);
    expect(names(await store.query({ ...base, tribe: PAYMENTS, framework: 'PCI_DSS', status: 'compliant' }))).toEqual(['fraud-detection']);
    const none = await store.query({ ...base, framework: 'NO_SUCH_FRAMEWORK' });
    expect(none).toEqual({ items: [], totalCount: 0 });
  });

  it('finds waivers expiring within N days of now, and searches case-insensitively beyond ASCII', async () => {
    const store = await createStore();
    expect(names(await store.query({ ...base, expiringWithinDays: 30 }))).toEqual(['payment-processing']);
    expect(names(await store.query({ ...base, expiringWithinDays: 60 }))).toEqual(['fraud-detection', 'payment-processing']);
    // Ten days on, the first waiver has expired and the second is within 30 days.
    expect(names(await store.query({ ...base, expiringWithinDays: 30, now: days(10) }))).toEqual(['fraud-detection']);
    expect(names(await store.query({ ...base, q: 'RÄTTIGHET' }))).toEqual(['rights-ledger']);
    expect(names(await store.query({ ...base, q: 'media-TRIBE' }))).toEqual(['rights-ledger']);
    // A LIKE wildcard in the search is a literal character, not "anything".
    expect(names(await store.query({ ...base, q: '%' }))).toEqual([]);
  });

  it('sorts with nulls last in both directions and the entity ref breaking ties, and pages', async () => {
    const store = await createStore();
    expect(names(await store.query({ ...base, sort: 'status' }))).toEqual([
      'payment-processing', 'rights-ledger', 'fraud-detection', 'legacy-batch',
    ]);
    expect(names(await store.query({ ...base, sort: 'score', order: 'desc' }))).toEqual([
      'legacy-batch', 'fraud-detection', 'payment-processing', 'rights-ledger',
    ]);
    expect(names(await store.query({ ...base, sort: 'score', order: 'asc' }))).toEqual([
      'payment-processing', 'fraud-detection', 'legacy-batch', 'rights-ledger',
    ]);
    expect(names(await store.query({ ...base, sort: 'tribe', order: 'desc' }))).toEqual([
      'fraud-detection', 'payment-processing', 'rights-ledger', 'legacy-batch',
    ]);
    expect(names(await store.query({ ...base, sort: 'nextWaiverExpiry' }))).toEqual([
      'payment-processing', 'fraud-detection', 'legacy-batch', 'rights-ledger',
    ]);
    const page = await store.query({ ...base, sort: 'status', offset: 1, limit: 2 });
    expect(page).toEqual(expect.objectContaining({ totalCount: 4 }));
    expect(names(page)).toEqual(['rights-ledger', 'fraud-detection']);
  });

  it('reports facets over all rows and deletes summaries', async () => {
    const store = await createStore();
    expect(await store.facets()).toEqual({
      tribes: [MEDIA, PAYMENTS],
      squads: ['group:default/checkout-squad', 'group:default/rights-squad', 'group:default/risk-squad'],
      frameworks: [{ id: 'GDPR', title: 'GDPR' }, { id: 'PCI_DSS', title: 'PCI DSS' }],
      oldestComputedAt: now,
    });
    await store.delete(['component:default/payment-processing', 'component:default/fraud-detection']);
    expect(await store.listEntityRefs()).toEqual(['component:default/legacy-batch', 'component:default/rights-ledger']);
    expect((await store.facets()).frameworks).toEqual([{ id: 'GDPR', title: 'GDPR' }]);
    expect(await store.entitiesForSources(['state:demo:payment-processing/terraform.tfstate'])).toEqual([]);
  });
});
