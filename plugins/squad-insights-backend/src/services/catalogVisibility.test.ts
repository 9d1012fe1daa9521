import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ComplianceSummary } from '../database/ComplianceSummaryStore';
import { DatabaseComplianceSummaryStore } from '../database/DatabaseComplianceSummaryStore';
import { DatabaseFactsStore } from '../database/DatabaseFactsStore';
import { DatabaseGateStore } from '../database/DatabaseGateStore';
import { CatalogVisibility } from './catalogVisibility';
import { CompliancePortfolioService } from './CompliancePortfolioService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const now = new Date('2026-11-26T08:00:00Z');

const PAYMENTS = 'group:default/payments-squad';
const PODCAST = 'group:default/podcast-squad';
const COMMERCE = 'group:default/commerce-tribe';
const MEDIA = 'group:default/media-tribe';
const ALICE = 'user:default/alice'; // in the payments squad: sees its services only
const CARL = 'user:default/carl'; // a reviewer: sees everything
const EVE = 'user:default/eve'; // sees nothing

const services: Array<{
  name: string;
  squad: string;
  tribe: string;
  framework: string;
}> = [
  {
    name: 'payment-processing',
    squad: PAYMENTS,
    tribe: COMMERCE,
    framework: 'PCI_DSS',
  },
  {
    name: 'invoice-service',
    squad: PAYMENTS,
    tribe: COMMERCE,
    framework: 'PCI_DSS',
  },
  {
    name: 'podcast-ingest',
    squad: PODCAST,
    tribe: MEDIA,
    framework: 'Copyright_Law',
  },
  {
    name: 'podcast-search',
    squad: PODCAST,
    tribe: MEDIA,
    framework: 'Music_Rights',
  },
];

function summary(s: (typeof services)[number]): ComplianceSummary {
  return {
    entityRef: `component:default/${s.name}`,
    name: s.name,
    squad: s.squad,
    tribe: s.tribe,
    status: 'failing',
    score: 0.5,
    failingChecks: 1,
    frameworks: [
      {
        id: s.framework,
        title: s.framework,
        status: 'failing',
        score: 0.5,
        failed: 1,
      },
    ],
    waivers: { active: 0, expiringSoon: 0 },
    attestations: { applicable: 0, current: 0, awaiting: 0, expired: 0 },
    lastReview: {
      at: now,
      reviewer: 'user:default/carl',
      decision: 'changes_requested',
    },
    stale: false,
    sources: [`state:demo:${s.name}/terraform.tfstate`],
    failingCheckIds: ['baseline.tags'],
    computedAt: now,
  };
}

/**
 * A catalog that, like the real one under a conditional policy, answers null for what the
 * caller may not read: Alice reads the payments squad's services only. Every request is kept.
 */
function restrictiveCatalog() {
  const requests: string[][] = [];
  const catalog = {
    async getEntitiesByRefs(
      request: { entityRefs: string[] },
      { credentials }: { credentials: BackstageCredentials },
    ) {
      requests.push(request.entityRefs);
      const user = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      return {
        items: request.entityRefs.map(ref => {
          const service = services.find(
            s => `component:default/${s.name}` === ref,
          );
          if (!service || user !== ALICE || service.squad !== PAYMENTS)
            return undefined;
          const { kind, namespace, name } = parseEntityRef(ref);
          // The catalog's spelling of the kind, which the stored lower-case ref must still match.
          return {
            apiVersion: 'backstage.io/v1alpha1',
            kind: kind === 'component' ? 'Component' : kind,
            metadata: { namespace, name },
          };
        }),
      };
    },
  };
  return {
    catalog: catalog as unknown as typeof catalogServiceRef.T,
    requests,
  };
}

/** The catalog read permission as a policy would decide it for each user. */
const permissions = mockServices.permissions.mock({
  authorizeConditional: async (_queries, { credentials }) => {
    const user = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    if (user === CARL) return [{ result: AuthorizeResult.ALLOW }];
    if (user === EVE) return [{ result: AuthorizeResult.DENY }];
    return [
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [PAYMENTS] },
        },
      },
    ];
  },
});

describe.each(databases.eachSupportedId())(
  'lists follow catalog visibility, on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };
      const summaries = await DatabaseComplianceSummaryStore.create({
        database,
      });
      const facts = await DatabaseFactsStore.create({ database });
      const gates = await DatabaseGateStore.create({ database });
      for (const s of services) {
        await summaries.upsert(summary(s));
        await facts.setEntityStates(`component:default/${s.name}`, [
          `demo:${s.name}/terraform.tfstate`,
        ]);
      }
      const { catalog, requests } = restrictiveCatalog();
      const visibility = CatalogVisibility.create({ catalog, permissions });
      const unused = {} as never;
      const portfolio = CompliancePortfolioService.create({
        catalog,
        auth: unused,
        logger: unused,
        compliance: unused,
        serviceProfile: unused,
        decisions: unused,
        facts: unused,
        summaries,
        visibility,
        gates,
        now: () => now,
      });
      return { portfolio, facts, gates, visibility, requests };
    }
    const as = (userEntityRef: string) => ({
      credentials: mockCredentials.user(userEntityRef),
    });

    it('shows a restricted user only the services the catalog lets them read: rows, totals and facets', async () => {
      const { portfolio } = await setup();
      const page = await portfolio.getPortfolio({ sort: 'service' }, as(ALICE));
      expect(page.items.map(i => i.name)).toEqual([
        'invoice-service',
        'payment-processing',
      ]);
      expect(page.totalCount).toBe(2);
      expect(page.facets).toEqual({
        tribes: [COMMERCE],
        squads: [PAYMENTS],
        chapters: [],
        guilds: [],
        frameworks: [{ id: 'PCI_DSS', title: 'PCI_DSS' }],
      });
      // A filter naming what is hidden finds nothing, rather than revealing how much is there.
      const hidden = await portfolio.getPortfolio(
        { squad: PODCAST },
        as(ALICE),
      );
      expect(hidden).toMatchObject({ items: [], totalCount: 0 });
      const searched = await portfolio.getPortfolio(
        { q: 'podcast' },
        as(ALICE),
      );
      expect(searched.totalCount).toBe(0);
      // Paging counts the visible rows only.
      const second = await portfolio.getPortfolio(
        { sort: 'service', offset: '1', limit: '1' },
        as(ALICE),
      );
      expect(second.items.map(i => i.name)).toEqual(['payment-processing']);
      expect(second.totalCount).toBe(2);
    });

    it('filters by the last gate decision among the visible services only', async () => {
      const { portfolio, gates } = await setup();
      const deny = {
        environment: 'production',
        commit: 'abc123',
        allowed: false,
        reasons: [],
        caller: 'external:ci',
        createdAt: now,
      };
      await gates.insertDecision({
        ...deny,
        entityRef: 'component:default/payment-processing',
      });
      await gates.insertDecision({
        ...deny,
        entityRef: 'component:default/podcast-ingest',
      });
      const denied = await portfolio.getPortfolio(
        { lastGate: 'denied' },
        as(ALICE),
      );
      expect(denied.items.map(i => [i.name, i.lastGate?.allowed])).toEqual([
        ['payment-processing', false],
      ]);
      expect(denied.totalCount).toBe(1);
      expect(
        (await portfolio.getPortfolio({ lastGate: 'denied' }, as(CARL)))
          .totalCount,
      ).toBe(2);
    });

    it('shows everything to a user the catalog shows everything, without asking it entity by entity', async () => {
      const { portfolio, requests } = await setup();
      const page = await portfolio.getPortfolio({}, as(CARL));
      expect(page.totalCount).toBe(4);
      expect(page.facets.squads).toEqual([PAYMENTS, PODCAST]);
      expect(page.facets.frameworks.map(f => f.id)).toEqual([
        'Copyright_Law',
        'Music_Rights',
        'PCI_DSS',
      ]);
      expect(requests).toEqual([]);
    });

    it('shows nothing, facets included, to a user the catalog shows nothing', async () => {
      const { portfolio } = await setup();
      const page = await portfolio.getPortfolio({}, as(EVE));
      expect(page).toMatchObject({ items: [], totalCount: 0 });
      expect(page.facets).toEqual({
        tribes: [],
        squads: [],
        chapters: [],
        guilds: [],
        frameworks: [],
      });
    });

    it('lists only visible entities in /services, with the visible total', async () => {
      const { facts, visibility } = await setup();
      const visibleEntityRefs = await visibility.visibleAmong(
        () => facts.listEntityRefs(),
        mockCredentials.user(ALICE),
      );
      const page = await facts.listEntities({
        offset: 0,
        limit: 10,
        visibleEntityRefs,
      });
      expect(page.items.map(i => i.entityRef)).toEqual([
        'component:default/invoice-service',
        'component:default/payment-processing',
      ]);
      expect(page.totalCount).toBe(2);
      expect(page.items[0].references).toEqual([
        'demo:invoice-service/terraform.tfstate',
      ]);
      const all = await facts.listEntities({ offset: 0, limit: 10 });
      expect(all.totalCount).toBe(4);
    });
  },
);
