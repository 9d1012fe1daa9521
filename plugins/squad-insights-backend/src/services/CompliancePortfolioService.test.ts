import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  CheckResult,
  ComplianceScore,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';
import { DatabaseComplianceSummaryStore } from '../database/DatabaseComplianceSummaryStore';
import { DatabaseGateStore } from '../database/DatabaseGateStore';
import type { FactsStore, StateSnapshot } from '../database/FactsStore';
import { CompliancePortfolioService } from './CompliancePortfolioService';
import type { EntityCompliance } from './ComplianceService';
import { DomainEvents } from '../events/DomainEvents';
import {
  complianceStoreWithEvents,
  factsStoreWithEvents,
} from '../events/publishingStores';
import { refreshPortfolioOnEvents } from '../events/refreshPortfolioOnEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import { CatalogServiceProfileService } from './ServiceProfileService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const asUser = { credentials: mockCredentials.user() };
const now = new Date('2026-11-26T08:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

const group = (name: string, type: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [], ...(parent && { parent }) },
});
const service = (name: string, owner: string, type = 'service'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    title: name.replace(/-/g, ' '),
    annotations: { 'squad-insights.io/consul-service': name },
  },
  spec: { type, lifecycle: 'production', owner },
});

const score = (s: Partial<ComplianceScore>): ComplianceScore => ({
  score: null,
  passed: 0,
  failed: 0,
  waived: 0,
  unknown: 0,
  notApplicable: 0,
  ...s,
});

/** An attested check as the engine decides it; `not-applicable` ones carry no `attested`. */
const attestedCheck = (
  checkId: string,
  status: CheckResult['status'],
  expiresAt?: Date,
): CheckResult => ({
  checkId,
  title: checkId,
  severity: 'high',
  controls: [`${checkId.split('.')[0].toUpperCase()}/x`],
  frameworks: [checkId.split('.')[0].toUpperCase()],
  status,
  remediation: 'Attest it',
  evidence: [],
  ...(status !== 'not-applicable' && { attested: true as const }),
  ...(expiresAt && {
    attestation: {
      attestedBy: 'user:default/carl',
      attestedAt: days(-30).toISOString(),
      expiresAt: expiresAt.toISOString(),
      statement: 'In place',
    },
  }),
});

/** Evaluations as ComplianceService returns them for the demo's payment and podcast services. */
const evaluations: Record<string, EntityCompliance> = {
  'payment-processing': {
    entityRef: 'component:default/payment-processing',
    evaluatedAt: now.toISOString(),
    stale: false,
    problems: [],
    policy: { name: 'squad-insights-default' },
    parameters: {} as EntityCompliance['parameters'],
    checks: [
      attestedCheck('gdpr.erasure', 'pass', days(200)),
      attestedCheck('gdpr.portability', 'pass', days(20)),
      attestedCheck('gdpr.anonymisation-after-retention', 'unknown'),
      attestedCheck('psd2.strong-customer-authentication', 'fail', days(-3)),
      // Does not apply to the service: counted nowhere.
      attestedCheck('aml.transaction-monitoring', 'not-applicable'),
    ],
    score: score({ score: 0.9, passed: 30, failed: 2, unknown: 1 }),
    frameworks: [
      {
        id: 'PCI_DSS',
        title: 'PCI DSS v4.0',
        applies: true,
        reason: 'declared',
        score: score({ score: 0.8, passed: 10, failed: 2 }),
      },
      {
        id: 'GDPR',
        title: 'EU General Data Protection Regulation',
        applies: true,
        reason: 'declared',
        score: score({ score: 1, passed: 12, unknown: 1 }),
      },
      {
        id: 'Copyright_Law',
        title: 'Copyright law',
        applies: false,
        reason: 'not declared',
        score: score({}),
      },
    ],
  },
  'podcast-ingest': {
    entityRef: 'component:default/podcast-ingest',
    evaluatedAt: now.toISOString(),
    stale: true,
    problems: [],
    policy: { name: 'squad-insights-default' },
    parameters: {} as EntityCompliance['parameters'],
    checks: [],
    score: score({ score: 1, passed: 20, waived: 1 }),
    frameworks: [
      {
        id: 'Copyright_Law',
        title: 'Copyright law',
        applies: true,
        reason: 'declared',
        score: score({ score: 1, passed: 4 }),
      },
    ],
  },
};

describe('CompliancePortfolioService', () => {
  async function setup(entities: Entity[]) {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const catalog = catalogServiceMock({ entities });
    const decisions = await DatabaseComplianceStore.create({ database });
    const summaries = await DatabaseComplianceSummaryStore.create({ database });
    const gates = await DatabaseGateStore.create({ database });
    const logger = mockServices.logger.mock();
    const portfolio = CompliancePortfolioService.create({
      catalog,
      auth: mockServices.auth(),
      logger,
      compliance: {
        evaluateEntity: async (ref: CompoundEntityRef) => {
          const evaluation = evaluations[ref.name];
          if (!evaluation)
            throw new Error(`Terraform source of ${ref.name} is unreachable`);
          return { result: evaluation, validUntil: days(12) };
        },
      },
      serviceProfile: CatalogServiceProfileService.create({ catalog }),
      decisions,
      facts: {
        getEntityStates: async ref => [
          `demo:${ref.split('/')[1]}/terraform.tfstate`,
        ],
      },
      summaries,
      // Every row visible: what the catalog hides is tested in visibility.test.ts.
      visibility: { visibleAmong: async () => undefined },
      gates,
      now: () => now,
    });
    const events = new DomainEvents<SquadInsightsEvents>(logger);
    await refreshPortfolioOnEvents({ events, portfolio, logger });
    return {
      portfolio,
      decisions: complianceStoreWithEvents(decisions, events),
      summaries,
      gates,
      logger,
      events,
    };
  }

  const org = [
    group('commerce-tribe', 'tribe'),
    group('payments-squad', 'squad', 'commerce-tribe'),
    group('podcast-squad', 'squad'),
  ];
  const payment = service('payment-processing', 'group:default/payments-squad');
  const podcast = service('podcast-ingest', 'group:default/podcast-squad');

  it('summarizes a service: worst status, applying frameworks only, owners from the catalog', async () => {
    const { portfolio } = await setup([...org, payment, podcast]);
    await portfolio.refresh('component:default/payment-processing');
    await portfolio.refresh('component:default/podcast-ingest');
    const { items, facets } = await portfolio.getPortfolio(
      { sort: 'service' },
      asUser,
    );
    expect(items[0]).toEqual({
      entityRef: 'component:default/payment-processing',
      name: 'payment-processing',
      title: 'payment processing',
      squad: 'group:default/payments-squad',
      tribe: 'group:default/commerce-tribe',
      status: 'failing',
      score: 0.9,
      failingChecks: 2,
      frameworks: [
        {
          id: 'PCI_DSS',
          title: 'PCI DSS v4.0',
          status: 'failing',
          score: 0.8,
          failed: 2,
        },
        // An unknown check may hide a failure: not called compliant.
        {
          id: 'GDPR',
          title: 'EU General Data Protection Regulation',
          status: 'unknown',
          score: 1,
          failed: 0,
        },
      ],
      waivers: { active: 0, expiringSoon: 0 },
      // Counted from the evaluation: two current (the earlier expiry first), one awaiting, one
      // expired; the AML check does not apply and is left out.
      attestations: {
        applicable: 4,
        current: 2,
        awaiting: 1,
        expired: 1,
        nextExpiry: days(20).toISOString(),
      },
      stale: false,
    });
    expect(items[1].attestations).toEqual({
      applicable: 0,
      current: 0,
      awaiting: 0,
      expired: 0,
    });
    // The podcast squad has no tribe: the row says so rather than guessing one.
    expect(items[1]).toEqual(
      expect.objectContaining({
        status: 'compliant',
        squad: 'group:default/podcast-squad',
        stale: true,
      }),
    );
    expect(items[1].tribe).toBeUndefined();
    expect(facets.frameworks.map(f => f.id)).toEqual([
      'Copyright_Law',
      'GDPR',
      'PCI_DSS',
    ]);
  });

  it('filters by attestations awaiting, expired and expiring soon, and refuses an unknown state', async () => {
    const { portfolio } = await setup([...org, payment, podcast]);
    await portfolio.refreshAll();
    const names = async (attestation: string) =>
      (
        await portfolio.getPortfolio({ attestation, sort: 'service' }, asUser)
      ).items.map(i => i.name);
    expect(await names('awaiting')).toEqual(['payment-processing']);
    expect(await names('expired')).toEqual(['payment-processing']);
    // gdpr.portability expires in 20 days, within the 30 days of "expiring soon".
    expect(await names('expiring')).toEqual(['payment-processing']);
    expect(await names('')).toEqual(['payment-processing', 'podcast-ingest']);
    await expect(
      portfolio.getPortfolio({ attestation: 'lapsed' }, asUser),
    ).rejects.toThrow(
      'attestation must be one of awaiting, expired, expiring; got "lapsed"',
    );
  });

  it('shows each row its last gate decision and filters by it, the latest decision only', async () => {
    const { portfolio, gates } = await setup([...org, payment, podcast]);
    await portfolio.refreshAll();
    const gate = (
      entityRef: string,
      environment: string,
      allowed: boolean,
      at: Date,
    ) =>
      gates.insertDecision({
        entityRef,
        environment,
        commit: 'a1b2c3d',
        allowed,
        reasons: [],
        caller: 'external:ci',
        createdAt: at,
      });
    // Podcast was denied once, then allowed: only its latest decision counts.
    await gate(
      'component:default/podcast-ingest',
      'production',
      false,
      days(-2),
    );
    await gate(
      'component:default/podcast-ingest',
      'production',
      true,
      days(-1),
    );
    const names = async (lastGate?: string) =>
      (
        await portfolio.getPortfolio({ lastGate, sort: 'service' }, asUser)
      ).items.map(i => i.name);
    expect(await names('denied')).toEqual([]);
    expect(await names('allowed')).toEqual(['podcast-ingest']);

    // Payment's latest ask, for staging, was denied after an allowed production deploy.
    await gate(
      'component:default/payment-processing',
      'production',
      true,
      days(-3),
    );
    const denied = await gate(
      'component:default/payment-processing',
      'staging',
      false,
      days(-1),
    );
    expect(await names('denied')).toEqual(['payment-processing']);
    expect(await names('allowed')).toEqual(['podcast-ingest']);
    const page = await portfolio.getPortfolio({ lastGate: 'denied' }, asUser);
    expect(page.totalCount).toBe(1);
    expect(page.items[0].lastGate).toEqual({
      decisionId: denied.id,
      environment: 'staging',
      allowed: false,
      decidedAt: days(-1).toISOString(),
    });
    // The filters offered stay those of the whole portfolio, not of the filtered page.
    expect(page.facets.squads).toEqual([
      'group:default/payments-squad',
      'group:default/podcast-squad',
    ]);
    expect(await names()).toEqual(['payment-processing', 'podcast-ingest']);
    await expect(
      portfolio.getPortfolio({ lastGate: 'blocked' }, asUser),
    ).rejects.toThrow('lastGate must be one of denied, allowed; got "blocked"');
  });

  it('resolves chapter and guild annotations written as people write them, and filters by them', async () => {
    const affiliations = [
      {
        ...group('backend-engineering-chapter', 'chapter'),
        spec: {
          type: 'chapter',
          profile: { displayName: 'Backend Engineering' },
        },
      },
      {
        ...group('sec-eng', 'guild'),
        metadata: {
          name: 'sec-eng',
          namespace: 'default',
          title: 'Security Engineering',
        },
      },
      // Same words, wrong type: a squad is never a service's chapter.
      group('backend-engineering', 'squad'),
    ];
    const annotate = (e: Entity, a: Record<string, string>): Entity => ({
      ...e,
      metadata: {
        ...e.metadata,
        annotations: { ...e.metadata.annotations, ...a },
      },
    });
    const { portfolio } = await setup([
      ...org,
      ...affiliations,
      annotate(payment, {
        'squad-insights.io/chapter': 'backend engineering',
        'squad-insights.io/guild': 'Security_Engineering guild',
      }),
      annotate(podcast, {
        'squad-insights.io/chapter': 'Frontend Engineering',
        'squad-insights.io/guild': 'group:default/sec-eng',
      }),
    ]);
    await portfolio.refreshAll();
    const { items, facets } = await portfolio.getPortfolio(
      { sort: 'service' },
      asUser,
    );
    expect(items.map(i => [i.name, i.chapter, i.guild])).toEqual([
      [
        'payment-processing',
        'group:default/backend-engineering-chapter',
        'group:default/sec-eng',
      ],
      // No chapter of that name: none rather than a guess.
      ['podcast-ingest', undefined, 'group:default/sec-eng'],
    ]);
    expect(facets).toEqual(
      expect.objectContaining({
        chapters: ['group:default/backend-engineering-chapter'],
        guilds: ['group:default/sec-eng'],
      }),
    );
    const chapter = await portfolio.getPortfolio(
      { chapter: 'group:default/backend-engineering-chapter' },
      asUser,
    );
    expect(chapter.items.map(i => i.name)).toEqual(['payment-processing']);
    expect(
      (await portfolio.getPortfolio({ guild: 'group:default/sec-eng' }, asUser))
        .totalCount,
    ).toBe(2);
  });

  it('stores the full evaluation beside the row, and drops both when the entity leaves', async () => {
    // Once a service, now a website: it left the portfolio since its row was written.
    const site = service(
      'podcast-site',
      'group:default/podcast-squad',
      'website',
    );
    const { portfolio, summaries } = await setup([...org, payment, site]);
    const entityRef = 'component:default/payment-processing';
    expect(await portfolio.refresh(entityRef)).toEqual(
      evaluations['payment-processing'],
    );
    const stored = await summaries.getResult(entityRef);
    expect(stored).toEqual({
      result: evaluations['payment-processing'],
      validUntil: days(12),
    });

    const siteRef = 'component:default/podcast-site';
    const [row] = (
      await summaries.query({
        sort: 'service',
        order: 'asc',
        offset: 0,
        limit: 1,
        now,
      })
    ).items;
    await summaries.upsert(
      {
        ...row,
        entityRef: siteRef,
        name: 'podcast-site',
        sources: [],
        failingCheckIds: [],
      },
      { result: { ...stored!.result, entityRef: siteRef } },
    );
    expect(await summaries.getResult(siteRef)).toBeDefined();
    expect(await portfolio.refresh(siteRef)).toBeUndefined();
    expect(await summaries.getResult(siteRef)).toBeUndefined();
    expect(await summaries.listEntityRefs()).toEqual([entityRef]);
  });

  it('updates the row when a waiver is granted or revoked and when a review is recorded', async () => {
    const { portfolio, decisions } = await setup([...org, payment]);
    const entityRef = 'component:default/payment-processing';
    const waiver = (checkId: string, expiresAt: Date) =>
      decisions.insertWaiver({
        entityRef,
        checkId,
        justification: 'Migration booked',
        grantedBy: 'user:default/carl',
        grantedAt: now,
        expiresAt,
      });
    const soon = await waiver('encryption.rds-storage', days(12));
    await waiver('logging.rds-log-exports', days(90));
    await waiver('exposure.s3-public-access', days(-1)); // already expired: no longer applies
    let [row] = (await portfolio.getPortfolio({}, asUser)).items;
    expect(row.waivers).toEqual({
      active: 2,
      expiringSoon: 1,
      nextExpiry: days(12).toISOString(),
    });

    await decisions.revokeWaiver(soon.id, {
      revokedBy: 'user:default/ciso',
      revokedAt: now,
    });
    await decisions.insertReview({
      entityRef,
      reviewer: 'user:default/ciso',
      decision: 'approved',
      createdAt: days(-2),
      snapshot: '{}',
    });
    await decisions.insertReview({
      entityRef,
      reviewer: 'user:default/carl',
      decision: 'changes_requested',
      createdAt: now,
      snapshot: '{}',
    });
    [row] = (await portfolio.getPortfolio({}, asUser)).items;
    expect(row.waivers).toEqual({
      active: 1,
      expiringSoon: 0,
      nextExpiry: days(90).toISOString(),
    });
    expect(row.lastReview).toEqual({
      at: now.toISOString(),
      reviewer: 'user:default/carl',
      decision: 'changes_requested',
    });
  });

  it('refreshes the services that read a changed fact source, and only on a change of states', async () => {
    const { portfolio, events } = await setup([...org, payment, podcast]);
    const refresh = jest.spyOn(portfolio, 'refresh');
    const states = new Map<string, string[]>([
      [
        'component:default/payment-processing',
        ['demo:payment-processing/terraform.tfstate'],
      ],
    ]);
    const facts = factsStoreWithEvents(
      {
        saveStateRead: async () => {},
        saveConsulView: async () => {},
        getEntityStates: async ref => states.get(ref) ?? [],
        setEntityStates: async (ref, refs) => void states.set(ref, refs),
      } as Partial<FactsStore> as FactsStore,
      events,
    );
    await portfolio.refreshAll();
    refresh.mockClear();

    await facts.setEntityStates('component:default/payment-processing', [
      'demo:payment-processing/terraform.tfstate',
    ]);
    expect(refresh).not.toHaveBeenCalled();
    await facts.saveConsulView({
      serviceName: 'podcast-ingest',
      view: null,
      at: now,
    });
    expect(refresh.mock.calls).toEqual([['component:default/podcast-ingest']]);
    await facts.setEntityStates('component:default/payment-processing', [
      'demo:payments-v2/terraform.tfstate',
    ]);
    expect(refresh).toHaveBeenLastCalledWith(
      'component:default/payment-processing',
    );
  });

  it('refreshes the services of a source when it starts failing, not on each repeated failure', async () => {
    const { portfolio, events } = await setup([...org, payment]);
    await portfolio.refreshAll();
    const refresh = jest.spyOn(portfolio, 'refresh');
    const reference = 'demo:payment-processing/terraform.tfstate';
    let lastError: string | undefined;
    const facts = factsStoreWithEvents(
      {
        getStateSnapshots: async () => [
          { reference, lastError } as StateSnapshot,
        ],
        recordStateError: async (_ref: string, error: string) =>
          void (lastError = error),
      } as Partial<FactsStore> as FactsStore,
      events,
    );
    await facts.recordStateError(reference, 'AccessDenied', now);
    expect(refresh.mock.calls).toEqual([
      ['component:default/payment-processing'],
    ]);
    await facts.recordStateError(reference, 'AccessDenied', now);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('recomputes all services, drops those gone from the catalog, and survives one failing', async () => {
    const broken = service('rights-ledger', 'group:default/podcast-squad');
    const website = service(
      'podcast-site',
      'group:default/podcast-squad',
      'website',
    );
    const { portfolio, summaries, logger, decisions } = await setup([
      ...org,
      payment,
      podcast,
      broken,
      website,
    ]);
    await summaries.upsert({
      entityRef: 'component:default/retired-service',
      name: 'retired-service',
      status: 'compliant',
      score: 1,
      failingChecks: 0,
      frameworks: [],
      waivers: { active: 0, expiringSoon: 0 },
      attestations: { applicable: 0, current: 0, awaiting: 0, expired: 0 },
      stale: false,
      sources: [],
      failingCheckIds: [],
      computedAt: days(-1),
    });
    expect(await portfolio.refreshAll()).toEqual({
      refreshed: 2,
      removed: 1,
      failed: ['component:default/rights-ledger'],
    });
    expect(await summaries.listEntityRefs()).toEqual([
      'component:default/payment-processing',
      'component:default/podcast-ingest',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/rights-ledger.*unreachable/),
    );

    // A decision on a service that cannot be evaluated is still recorded; the refresh is logged.
    const review = {
      entityRef: 'component:default/rights-ledger',
      reviewer: 'user:default/carl',
      decision: 'approved' as const,
      createdAt: now,
      snapshot: '{}',
    };
    await expect(decisions.insertReview(review)).resolves.toEqual(
      expect.objectContaining({ reviewer: 'user:default/carl' }),
    );
    expect(logger.warn).toHaveBeenLastCalledWith(
      expect.stringMatching(/scheduled pass will retry.*unreachable/),
    );
  });
});
