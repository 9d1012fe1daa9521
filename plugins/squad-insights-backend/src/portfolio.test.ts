import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  EntityComplianceResponse,
  PortfolioResponse,
  PortfolioRow,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(120_000);

const demo = resolve(__dirname, '../../../demo');
// The demo catalog as the portal loads it: 10 services owned by squads of 4 tribes.
const entities = ['org.yaml', 'services.yaml'].flatMap(file =>
  parseAllDocuments(readFileSync(join(demo, 'catalog', file), 'utf8'))
    .map(d => d.toJS() as Entity)
    .filter(Boolean)
    .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } })),
);
const services = entities.filter(
  e => e.kind === 'Component' && e.spec?.type === 'service',
);
const REVIEWER = 'user:default/carl';
const PORTFOLIO = '/api/squad-insights/compliance/portfolio';
const entityPath = (name: string) =>
  `/api/squad-insights/entities/default/component/${name}`;

describe('compliance portfolio API', () => {
  let root: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: typeof backend.server;
  // Each service's own results, which every portfolio row must agree with.
  const results = new Map<string, EntityComplianceResponse>();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'si-portfolio-'));
    cpSync(join(demo, 'terraform'), root, { recursive: true });
    const quiet = {
      frequency: { hours: 24 },
      timeout: { minutes: 5 },
      initialDelay: { hours: 1 },
    };
    backend = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              terraform: {
                sources: [{ id: 'demo', type: 'local', root, bindings: 'any' }],
              },
              facts: { schedule: quiet },
              sustainability: { snapshotSchedule: quiet },
              compliance: { portfolioSchedule: quiet },
            },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    server = backend.server;
    // Reading a service's facts is what fills its portfolio row, as the ingestion pass does.
    for (const s of services) {
      await request(server)
        .post(`${entityPath(s.metadata.name)}/refresh`)
        .expect(200);
      const res = await request(server)
        .get(`${entityPath(s.metadata.name)}/compliance`)
        .expect(200);
      results.set(`component:default/${s.metadata.name}`, res.body);
    }
  });
  afterAll(async () => {
    await backend.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (query: Record<string, string | number> = {}) =>
    (await request(server).get(PORTFOLIO).query(query).expect(200))
      .body as PortfolioResponse;
  const names = (body: PortfolioResponse) => body.items.map(i => i.name);
  const framework = (ref: string, id: string) =>
    results.get(ref)!.frameworks.find(f => f.id === id);

  it('lists every service with the verdict of its own compliance results and its owners', async () => {
    const body = await get({ sort: 'service' });
    expect(body.totalCount).toBe(services.length);
    expect(names(body)).toEqual(services.map(s => s.metadata.name).sort());
    const payment = body.items.find(i => i.name === 'payment-processing')!;
    expect(payment).toEqual(
      expect.objectContaining({
        title: 'Payment Processing',
        squad: 'group:default/payments-squad',
        tribe: 'group:default/commerce-tribe',
        stale: false,
      }),
    );
    for (const row of body.items) {
      const own = results.get(row.entityRef)!;
      expect({
        ref: row.entityRef,
        failing: row.failingChecks,
        score: row.score,
      }).toEqual({
        ref: row.entityRef,
        failing: own.score.failed,
        score: own.score.score,
      });
      expect(row.status === 'failing').toBe(own.score.failed > 0);
      expect(row.frameworks.map(f => f.id)).toEqual(
        own.frameworks.filter(f => f.applies).map(f => f.id),
      );
      // Nobody attested anything yet: every attested check that applies awaits a reviewer.
      const attested = own.checks.filter(c => c.attested);
      expect({ ref: row.entityRef, attestations: row.attestations }).toEqual({
        ref: row.entityRef,
        attestations: {
          applicable: attested.length,
          current: 0,
          awaiting: attested.length,
          expired: 0,
        },
      });
    }
    expect(body.items.some(i => i.attestations.applicable > 0)).toBe(true);
    expect(body.facets.tribes).toEqual([
      'group:default/commerce-tribe',
      'group:default/content-tribe',
      'group:default/music-experience-tribe',
      'group:default/platform-services-tribe',
    ]);
    expect(body.facets.squads).toHaveLength(8);
    expect(body.facets.frameworks).toContainEqual({
      id: 'PCI_DSS',
      title: 'PCI DSS v4.0',
    });
    expect(Date.parse(body.generatedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('filters by tribe, framework and framework status, and searches', async () => {
    const commerce = await get({
      tribe: 'group:default/commerce-tribe',
      sort: 'service',
    });
    expect(names(commerce)).toEqual([
      'payment-processing',
      'subscription-billing',
    ]);

    const failingPci = await get({
      framework: 'PCI_DSS',
      status: 'failing',
      sort: 'service',
    });
    const expected = [...results.keys()]
      .filter(
        ref =>
          (framework(ref, 'PCI_DSS')?.applies ?? false) &&
          framework(ref, 'PCI_DSS')!.score.failed > 0,
      )
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(failingPci.items.map(i => i.entityRef)).toEqual(expected);
    expect(failingPci.facets.tribes).toHaveLength(4); // facets stay those of the whole portfolio

    // By check: exactly the services where that check fails without a waiver.
    const [someRef] = expected;
    const failingCheck = results
      .get(someRef)!
      .checks.find(c => c.status === 'fail' && !c.waiver)!.checkId;
    const withCheck = [...results.keys()]
      .filter(ref =>
        results
          .get(ref)!
          .checks.some(
            c => c.checkId === failingCheck && c.status === 'fail' && !c.waiver,
          ),
      )
      .sort();
    expect(
      (await get({ check: failingCheck, sort: 'service' })).items.map(
        i => i.entityRef,
      ),
    ).toEqual(withCheck);

    expect(names(await get({ q: 'PLAYLIST', sort: 'service' }))).toEqual([
      'playlist-collaboration',
      'playlist-management',
    ]);
    expect(names(await get({ q: 'content-tribe', sort: 'service' }))).toEqual([
      'podcast-ingest',
      'rights-ledger',
    ]);
    expect(await get({ framework: 'NO_SUCH_FRAMEWORK' })).toEqual(
      expect.objectContaining({ items: [], totalCount: 0 }),
    );
  });

  it('filters by chapter and guild, the groups the services name in their annotations', async () => {
    const named = (annotation: string) => {
      const byGroup = new Map<string, string[]>();
      for (const s of services) {
        const value =
          s.metadata.annotations?.[`squad-insights.io/${annotation}`];
        if (value)
          byGroup.set(`group:default/${value}`, [
            ...(byGroup.get(`group:default/${value}`) ?? []),
            s.metadata.name,
          ]);
      }
      return byGroup;
    };
    const body = await get();
    for (const [annotation, facet] of [
      ['chapter', 'chapters'],
      ['guild', 'guilds'],
    ] as const) {
      const expected = named(annotation);
      expect(expected.size).toBeGreaterThan(1);
      expect(body.facets[facet]).toEqual([...expected.keys()].sort());
      for (const [groupRef, members] of expected) {
        const filtered = await get({ [annotation]: groupRef, sort: 'service' });
        expect({ groupRef, names: names(filtered) }).toEqual({
          groupRef,
          names: members.sort(),
        });
        expect(filtered.items.every(i => i[annotation] === groupRef)).toBe(
          true,
        );
      }
    }
    const both = await get({
      chapter: 'group:default/backend-engineering-chapter',
      guild: 'group:default/security-engineering-guild',
      sort: 'service',
    });
    expect(names(both)).toEqual(
      services
        .filter(
          s =>
            s.metadata.annotations?.['squad-insights.io/chapter'] ===
            'backend-engineering-chapter',
        )
        .filter(
          s =>
            s.metadata.annotations?.['squad-insights.io/guild'] ===
            'security-engineering-guild',
        )
        .map(s => s.metadata.name)
        .sort(),
    );
    expect(both.totalCount).toBeGreaterThan(0);
    expect(
      (await get({ guild: 'group:default/no-such-guild' })).totalCount,
    ).toBe(0);
  });

  it('sorts with the entity ref breaking ties and pages', async () => {
    const all = await get({
      sort: 'failingChecks',
      order: 'desc',
      limit: '1000',
    });
    const keys = all.items.map(
      (i: PortfolioRow) => [-i.failingChecks, i.entityRef] as const,
    );
    expect(keys).toEqual(
      [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])),
    );
    const page = await get({
      sort: 'failingChecks',
      order: 'desc',
      offset: '3',
      limit: '4',
    });
    expect(page).toEqual(
      expect.objectContaining({
        offset: 3,
        limit: 4,
        totalCount: services.length,
      }),
    );
    expect(page.items).toEqual(all.items.slice(3, 7));
    expect((await get()).limit).toBe(100);
  });

  it('answers 400 naming the parameter for a bad limit, sort, status or attestation', async () => {
    const bad = async (query: Record<string, string>) =>
      (await request(server).get(PORTFOLIO).query(query).expect(400)).body.error
        .message as string;
    expect(await bad({ limit: '1001' })).toMatch(/limit.*1000/);
    expect(await bad({ sort: 'owner' })).toMatch(
      /sort.*service, squad, tribe, status, score, failingChecks, nextWaiverExpiry, lastReviewAt/,
    );
    expect(await bad({ status: 'green' })).toMatch(
      /status.*compliant, failing, unknown/,
    );
    expect(await bad({ attestation: 'lapsed' })).toBe(
      'attestation must be one of awaiting, expired, expiring; got "lapsed"',
    );
  });

  it('shows the last gate decision in the row and filters "denied at the last gate"', async () => {
    const ref = 'component:default/payment-processing';
    expect(await get({ lastGate: 'denied' })).toEqual(
      expect.objectContaining({ items: [], totalCount: 0 }),
    );
    // A pipeline asks with a service token; the demo's payment-processing fails an unwaived check.
    const asked = await request(server)
      .post(`${entityPath('payment-processing')}/gate`)
      .set({ authorization: mockCredentials.service.header() })
      .send({ environment: 'production', commit: 'a1b2c3d' })
      .expect(200);
    expect(asked.body.allowed).toBe(false);
    const denied = await get({ lastGate: 'denied' });
    expect(denied.items.map(i => [i.entityRef, i.lastGate])).toEqual([
      [
        ref,
        {
          decisionId: asked.body.id,
          environment: 'production',
          allowed: false,
          decidedAt: asked.body.createdAt,
        },
      ],
    ]);
    expect((await get({ lastGate: 'allowed' })).totalCount).toBe(0);
    // Every other row says it was never gated.
    expect(
      (await get({ limit: 1000 })).items
        .filter(i => i.lastGate)
        .map(i => i.entityRef),
    ).toEqual([ref]);
    expect(
      (
        await request(server)
          .get(PORTFOLIO)
          .query({ lastGate: 'blocked' })
          .expect(400)
      ).body.error.message,
    ).toBe('lastGate must be one of denied, allowed; got "blocked"');
  });

  it('counts an attestation in the row at once and filters by attestation state', async () => {
    // payment-processing declares GDPR, so GDPR's erasure check applies and awaits a reviewer.
    const ref = 'component:default/payment-processing';
    const erasure = results
      .get(ref)!
      .checks.find(c => c.checkId === 'gdpr.erasure')!;
    expect(erasure).toEqual(
      expect.objectContaining({ attested: true, status: 'unknown' }),
    );
    const before = (await get({ q: 'payment-processing' })).items[0];
    const awaiting = (
      await get({ attestation: 'awaiting', limit: 1000 })
    ).items.map(i => i.entityRef);
    expect(awaiting).toContain(ref);
    expect(await get({ attestation: 'expiring' })).toEqual(
      expect.objectContaining({ totalCount: 0 }),
    );

    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await request(server)
      .post(`${entityPath('payment-processing')}/attestations`)
      .set({ authorization: mockCredentials.user.header(REVIEWER) })
      .send({
        checkId: 'gdpr.erasure',
        statement: 'The erase-customer job runs within 30 days of a request',
        evidenceUrl: 'https://wiki.example.com/payments/gdpr-erasure',
        expiresAt,
      })
      .expect(200);
    const after = (await get({ q: 'payment-processing' })).items[0];
    expect(after.attestations).toEqual({
      applicable: before.attestations.applicable,
      current: 1,
      awaiting: before.attestations.awaiting - 1,
      expired: 0,
      nextExpiry: expiresAt,
    });
    expect(
      (await get({ attestation: 'expiring' })).items.map(i => i.entityRef),
    ).toEqual([ref]);
    expect(await get({ attestation: 'expired' })).toEqual(
      expect.objectContaining({ totalCount: 0 }),
    );
  });

  it('needs credentials', async () => {
    await request(server)
      .get(PORTFOLIO)
      .set('authorization', mockCredentials.none.header())
      .expect(401);
  });

  it('updates a row when a waiver is granted and when a review is recorded', async () => {
    // The demo's subscription-billing fails checks of PCI DSS.
    const ref = 'component:default/subscription-billing';
    const failed = results.get(ref)!.checks.find(c => c.status === 'fail')!;
    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const before = (await get({ q: 'subscription-billing' })).items[0];
    expect(before.waivers).toEqual({ active: 0, expiringSoon: 0 });
    expect(await get({ expiringWithinDays: '30' })).toEqual(
      expect.objectContaining({ totalCount: 0 }),
    );

    const as = { authorization: mockCredentials.user.header(REVIEWER) };
    await request(server)
      .post(`${entityPath('subscription-billing')}/waivers`)
      .set(as)
      .send({
        checkId: failed.checkId,
        justification: 'Replacement cluster goes live in December',
        expiresAt,
      })
      .expect(200);
    const waived = (await get({ expiringWithinDays: '30' })).items;
    expect(waived.map(i => i.entityRef)).toEqual([ref]);
    expect(waived[0].waivers).toEqual({
      active: 1,
      expiringSoon: 1,
      nextExpiry: expiresAt,
    });
    // The waived failure no longer counts against the service.
    expect(waived[0].failingChecks).toBe(before.failingChecks - 1);
    expect((await get({ expiringWithinDays: '5' })).totalCount).toBe(0);

    await request(server)
      .post(`${entityPath('subscription-billing')}/reviews`)
      .set(as)
      .send({ decision: 'changes_requested' })
      .expect(200);
    const reviewed = (await get({ q: 'subscription-billing' })).items[0];
    expect(reviewed.lastReview).toEqual(
      expect.objectContaining({
        reviewer: REVIEWER,
        decision: 'changes_requested',
      }),
    );
    expect(names(await get({ sort: 'lastReviewAt' }))[0]).toBe(
      'subscription-billing',
    );
  });
});
