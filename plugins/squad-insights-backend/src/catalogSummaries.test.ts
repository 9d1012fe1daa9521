import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  CatalogSummariesResponse,
  PortfolioResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(120_000);

const demo = resolve(__dirname, '../../../demo');
const entities = ['org.yaml', 'services.yaml'].flatMap(file =>
  parseAllDocuments(readFileSync(join(demo, 'catalog', file), 'utf8'))
    .map(d => d.toJS() as Entity)
    .filter(Boolean)
    .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } })),
);
const SUMMARIES = '/api/squad-insights/compliance/summaries';
const EVE = 'user:default/eve'; // the catalog shows her nothing
// Reads the catalog, but not payment-processing's compliance record (a policy's condition).
const FRIDA = 'user:default/frida';
const PAYMENT = 'component:default/payment-processing';
const entityPath = (name: string) =>
  `/api/squad-insights/entities/default/component/${name}`;
// Services whose facts are read (which fills their portfolio rows), and one that is not.
const READ = ['payment-processing', 'subscription-billing', 'music-discovery'];
const UNREAD = 'user-identity';

describe('POST /compliance/summaries', () => {
  let root: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: typeof backend.server;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'si-catalog-summaries-'));
    cpSync(join(demo, 'terraform'), root, { recursive: true });
    const quiet = {
      frequency: { hours: 24 },
      timeout: { minutes: 5 },
      initialDelay: { hours: 1 },
    };
    const permissions = mockServices.permissions.mock({
      authorizeConditional: async (queries, { credentials }) => {
        const user = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        const result =
          user === EVE ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
        return queries.map(() => ({ result }));
      },
      authorize: async (queries, { credentials }) => {
        const user = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        return queries.map(q => ({
          result:
            user === FRIDA && 'resourceRef' in q && q.resourceRef === PAYMENT
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
    });
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
        permissions.factory,
      ],
    });
    server = backend.server;
    for (const name of READ) {
      await request(server)
        .post(`${entityPath(name)}/refresh`)
        .expect(200);
    }
  });
  afterAll(async () => {
    await backend.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const post = (entityRefs: unknown, user?: string) => {
    const req = request(server).post(SUMMARIES).send({ entityRefs });
    return user
      ? req.set('Authorization', mockCredentials.user.header(user))
      : req;
  };

  it('answers a page of refs in one request with the portfolio verdicts and footprints', async () => {
    const asked = [
      ...READ.map(n => `component:default/${n}`),
      `Component:default/${UNREAD}`,
      'component:default/no-such-service',
    ];
    const body = (await post(asked).expect(200))
      .body as CatalogSummariesResponse;
    expect(body.items.map(i => i.entityRef)).toEqual(asked);

    const portfolio = (
      await request(server)
        .get('/api/squad-insights/compliance/portfolio')
        .expect(200)
    ).body as PortfolioResponse;
    expect(portfolio.items.map(r => r.name).sort()).toEqual([...READ].sort());
    for (const row of portfolio.items) {
      const item = body.items.find(i => i.entityRef === row.entityRef)!;
      expect(item.compliance).toEqual({
        status: row.status,
        failingChecks: row.failingChecks,
        frameworks: row.frameworks,
        stale: row.stale,
      });
      const footprint = (
        await request(server)
          .get(`${entityPath(row.name)}/footprint`)
          .expect(200)
      ).body;
      expect(footprint.footprint.co2eKgPerMonth).toBeGreaterThan(0);
      expect(item.co2eKgPerMonth).toBeCloseTo(
        footprint.footprint.co2eKgPerMonth,
        9,
      );
    }
    // Never summarised, never read, or not in the catalog: unknown, not an error and not zero.
    expect(body.items.slice(READ.length)).toEqual([
      { entityRef: `Component:default/${UNREAD}` },
      { entityRef: 'component:default/no-such-service' },
    ]);
    // The demo has PCI DSS services failing, which the catalog filter's query finds.
    expect(
      body.items.some(i =>
        i.compliance?.frameworks.some(f => f.id === 'PCI_DSS'),
      ),
    ).toBe(true);
  });

  it('leaves out what the catalog hides from the caller', async () => {
    const body = (
      await post(
        READ.map(n => `component:default/${n}`),
        EVE,
      ).expect(200)
    ).body;
    expect(body).toEqual({ items: [] });
  });

  it('gives no footprint where the caller may not read the compliance record, as GET …/footprint', async () => {
    await request(server)
      .get(`${entityPath('payment-processing')}/footprint`)
      .set('Authorization', mockCredentials.user.header(FRIDA))
      .expect(403);
    const body = (
      await post(
        [PAYMENT, 'component:default/subscription-billing'],
        FRIDA,
      ).expect(200)
    ).body as CatalogSummariesResponse;
    const [payment, billing] = body.items;
    expect(payment.compliance).toBeDefined(); // the portfolio's rule: catalog visibility
    expect(payment.co2eKgPerMonth).toBeUndefined();
    expect(billing.co2eKgPerMonth).toBeGreaterThan(0);
  });

  it('answers 400 for an empty list, too many refs or a text that is not an entity ref', async () => {
    await post([]).expect(400);
    await post(
      Array.from({ length: 201 }, (_, i) => `component:default/s${i}`),
    ).expect(400);
    const bad = await post([
      'component:default/payment-processing',
      'payment processing',
    ]).expect(400);
    expect(bad.body.error.message).toMatch(
      /entityRefs\[1\] "payment processing" is not an entity ref/,
    );
  });
});
