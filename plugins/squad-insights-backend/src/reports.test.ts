import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { figureText } from '@squad-insights/backstage-plugin-squad-insights-common';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';
import { quietLocalSource } from './__testUtils__/testConfig';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');

const group = (name: string, type: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});
const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'squad-insights.io/terraform-state': `demo:${name}/terraform.tfstate`,
    },
  },
  spec: { type: 'service', owner: `group:default/${owner}` },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const entities = [
  group('commerce-tribe', 'tribe'),
  group('payments-squad', 'squad', 'commerce-tribe'),
  group('subscriptions-squad', 'squad', 'commerce-tribe'),
  component('payment-processing', 'payments-squad'),
  component('subscription-billing', 'subscriptions-squad'),
];

const REPORT = '/api/squad-insights/reports/sustainability';
const TRIBE = 'group:default/commerce-tribe';
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('GET /reports/sustainability', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'si-report-'));
    for (const service of ['payment-processing', 'subscription-billing']) {
      mkdirSync(join(root, service));
      copyFileSync(
        join(demo, service, 'terraform.tfstate'),
        join(root, service, 'terraform.tfstate'),
      );
    }
    ({ server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
              sustainability: {
                snapshotSchedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 1 },
                },
              },
            },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    }));
    for (const name of ['payment-processing', 'subscription-billing']) {
      await request(server)
        .post(`/api/squad-insights/entities/default/component/${name}/refresh`)
        .expect(200);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports this month of a tribe from today’s estimates when nothing is stored yet', async () => {
    const res = await request(server)
      .get(REPORT)
      .query({ month: thisMonth(), tribe: TRIBE })
      .expect(200);
    const report = res.body;
    expect(report.scope).toMatchObject({ kind: 'tribe', ref: TRIBE });
    expect(report.partial).toBe(true);
    const perDay = async (name: string) =>
      (
        await request(server)
          .get(
            `/api/squad-insights/entities/default/component/${name}/footprint`,
          )
          .expect(200)
      ).body.footprint.kwhPerDay as number;
    const expected =
      ((await perDay('payment-processing')) +
        (await perDay('subscription-billing'))) *
      report.daysInMonth;
    expect(report.totals.kwh).toBeCloseTo(expected, 6);
    expect(report.groups.map((g: { ref: string }) => g.ref).sort()).toEqual([
      'group:default/payments-squad',
      'group:default/subscriptions-squad',
    ]);
    expect(report.notEstimated.items.length).toBeGreaterThan(0);
  });

  it('serves the same report as CSV with format=csv or Accept: text/csv', async () => {
    const json = (
      await request(server)
        .get(REPORT)
        .query({ month: thisMonth(), tribe: TRIBE })
        .expect(200)
    ).body;
    const csv = await request(server)
      .get(REPORT)
      .query({ month: thisMonth(), tribe: TRIBE, format: 'csv' })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="sustainability-group-default-commerce-tribe-${thisMonth()}.csv"`,
    );
    expect(csv.text).toContain(
      `,summary,${TRIBE},energy,${figureText(json.totals.kwh, 'kWh')},kWh,`,
    );
    expect(csv.text).toContain(
      `,summary,${TRIBE},carbon tax,${figureText(
        json.totals.carbonTaxSek,
        'SEK',
      )},SEK,`,
    );
    const accepted = await request(server)
      .get(REPORT)
      .query({ month: thisMonth(), tribe: TRIBE })
      .set('accept', 'text/csv')
      .expect(200);
    expect(accepted.text.split('\r\n')[0]).toBe(
      'month,scope,section,item,metric,value,unit,note',
    );
  });

  it('reports the organisation without a tribe', async () => {
    const res = await request(server)
      .get(REPORT)
      .query({ month: thisMonth() })
      .expect(200);
    expect(res.body.scope.kind).toBe('organisation');
    expect(res.body.groups.map((g: { ref: string }) => g.ref)).toEqual([TRIBE]);
  });

  it.each([
    // The OpenAPI validator answers a missing month itself, naming it.
    [{}, /must have required property 'month'/],
    [{ month: '2026-13' }, /^month must be YYYY-MM/],
    [{ month: 'november' }, /^month must be YYYY-MM/],
    [{ month: '2999-01' }, /^month 2999-01 has not begun/],
    [
      { month: '2026-11', tribe: 'group:default/payments-squad' },
      /^tribe .* not a tribe$/,
    ],
    [
      { month: '2026-11', tribe: 'group:default/unknown' },
      /^tribe group:default\/unknown is not a group/,
    ],
    [
      { month: '2026-11', tribe: 'component:default/payment-processing' },
      /^tribe must be a group entity ref/,
    ],
    [{ month: '2026-11', format: 'xml' }, /^format must be one of json, csv/],
  ])('answers %j with a 400 naming the field', async (query, message) => {
    const res = await request(server).get(REPORT).query(query).expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('needs credentials', async () => {
    const res = await request(server)
      .get(REPORT)
      .query({ month: thisMonth() })
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
