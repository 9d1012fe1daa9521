import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  copyFileSync,
  mkdtempSync,
  mkdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';
import { quietLocalSource } from './__testUtils__/testConfig';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');
const COMPONENTS = [
  'compute',
  'memory',
  'storage',
  'network',
  'embodied',
] as const;

// The mock catalog does not process entities, so the relations the real catalog derives
// from spec.owner and spec.parent are written out here.
const group = (name: string, type: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, parent, children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: `group:default/${owner}` },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const entities = [
  group('commerce-tribe', 'tribe'),
  group('payments-squad', 'squad', 'commerce-tribe'),
  group('subscriptions-squad', 'squad', 'commerce-tribe'),
  {
    ...group('backend-engineering-chapter', 'chapter'),
    metadata: {
      name: 'backend-engineering-chapter',
      namespace: 'default',
      title: 'Backend Engineering',
    },
  },
  group('frontend-engineering-chapter', 'chapter'),
  group('security-engineering-guild', 'guild'),
  // Annotations name chapters and guilds as people write them, by title or without the type.
  component('payment-processing', 'payments-squad', {
    'squad-insights.io/terraform-state':
      'demo:payment-processing/terraform.tfstate',
    'squad-insights.io/criticality': 'critical',
    'squad-insights.io/chapter': 'Backend Engineering',
    'squad-insights.io/guild': 'Security Engineering',
  }),
  component('subscription-billing', 'subscriptions-squad', {
    'squad-insights.io/terraform-state':
      'demo:subscription-billing/terraform.tfstate',
    'squad-insights.io/chapter': 'backend-engineering-chapter',
  }),
  // Names a state that was never read: unknown, never zero.
  component('ledger-export', 'payments-squad', {
    'squad-insights.io/terraform-state': 'demo:ledger-export/terraform.tfstate',
    'squad-insights.io/chapter': 'Frontend_Engineering',
    'squad-insights.io/guild': 'security-engineering-guild',
  }),
];

describe('footprint API', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-footprint-'));
    for (const service of ['payment-processing', 'subscription-billing']) {
      mkdirSync(join(root, service));
      copyFileSync(
        join(demo, service, 'terraform.tfstate'),
        join(root, service, 'terraform.tfstate'),
      );
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function start() {
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
              sustainability: {
                carbonTaxSekPerKg: 2,
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
    });
    for (const name of [
      'payment-processing',
      'subscription-billing',
      'ledger-export',
    ]) {
      await request(server)
        .post(`/api/squad-insights/entities/default/component/${name}/refresh`)
        .expect(200);
    }
    return server;
  }

  const entity = (name: string) =>
    `/api/squad-insights/entities/default/component/${name}/footprint`;

  it('computes a service footprint whose breakdown sums to the total', async () => {
    const server = await start();
    const res = await request(server).get(entity('payment-processing'));
    expect(res.status).toBe(200);
    const { footprint } = res.body;
    expect(footprint.kwhPerDay).toBeGreaterThan(0);
    expect(footprint.co2eKgPerDay).toBeGreaterThan(0);
    // Configured price, not the default.
    expect(footprint.carbonTaxSekPerMonth).toBeCloseTo(
      footprint.co2eKgPerMonth * 2,
      6,
    );
    const sum = (key: 'kwhPerDay' | 'co2eKgPerDay') =>
      COMPONENTS.reduce((s, c) => s + footprint.breakdown[c][key], 0);
    expect(sum('kwhPerDay')).toBeCloseTo(footprint.kwhPerDay, 6);
    expect(sum('co2eKgPerDay')).toBeCloseTo(footprint.co2eKgPerDay, 6);
    // The state cannot hold S3 sizes or traffic: reported as gaps.
    expect(footprint.notEstimated.length).toBeGreaterThan(0);
    expect(res.body).toEqual(
      expect.objectContaining({
        criticality: 'critical',
        criticalityDeclared: true,
        stale: false,
        history: [],
        states: [
          expect.objectContaining({
            reference: 'demo:payment-processing/terraform.tfstate',
          }),
        ],
      }),
    );
    expect(res.body.heatmap.capacity).toHaveLength(7);
  });

  it('uses the last good state when the source breaks, and says it is stale', async () => {
    const server = await start();
    const before = (
      await request(server).get(entity('payment-processing')).expect(200)
    ).body;
    writeFileSync(
      join(root, 'payment-processing/terraform.tfstate'),
      '{"version": 4, "resources": [',
    );
    await request(server)
      .post(
        '/api/squad-insights/entities/default/component/payment-processing/refresh',
      )
      .expect(200);
    const after = (
      await request(server).get(entity('payment-processing')).expect(200)
    ).body;
    expect(after.stale).toBe(true);
    expect(after.states[0].freshness.lastError).toBeDefined();
    expect(after.footprint.co2eKgPerDay).toBeCloseTo(
      before.footprint.co2eKgPerDay,
      9,
    );
  });

  it('assumes critical and says so when no criticality is declared', async () => {
    const server = await start();
    const res = await request(server)
      .get(entity('subscription-billing'))
      .expect(200);
    expect(res.body.criticality).toBe('critical');
    expect(res.body.criticalityDeclared).toBe(false);
    expect(res.body.problems.join()).toMatch(
      /squad-insights\.io\/criticality is not set/,
    );
  });

  it('reports a service without a read state as unknown, not zero', async () => {
    const server = await start();
    const res = await request(server).get(entity('ledger-export')).expect(200);
    expect(res.body.footprint).toBeUndefined();
    expect(res.body.states).toHaveLength(1);
    expect(res.body.problems.join()).toMatch(/footprint is unknown/);
  });

  it('needs credentials', async () => {
    const server = await start();
    for (const path of [
      entity('payment-processing'),
      '/api/squad-insights/groups/default/commerce-tribe/footprint',
    ]) {
      await request(server)
        .get(path)
        .set('authorization', mockCredentials.none.header())
        .expect(401);
    }
  });

  it('rolls a tribe up from its squads, worst first, equal to the sum of its services', async () => {
    const server = await start();
    const tribe = await request(server).get(
      '/api/squad-insights/groups/default/commerce-tribe/footprint',
    );
    expect(tribe.status).toBe(200);
    const services = await Promise.all(
      ['payment-processing', 'subscription-billing'].map(
        async n =>
          (
            await request(server).get(entity(n)).expect(200)
          ).body.footprint,
      ),
    );
    const { rollup, byOwner, services: rows, unknownServices } = tribe.body;
    for (const key of [
      'kwhPerDay',
      'co2eKgPerDay',
      'carbonTaxSekPerMonth',
    ] as const) {
      expect(rollup[key]).toBeCloseTo(services[0][key] + services[1][key], 6);
    }
    expect(byOwner.map((r: any) => r.name).sort()).toEqual([
      'group:default/payments-squad',
      'group:default/subscriptions-squad',
    ]);
    expect(byOwner[0].co2eKgPerDay).toBeGreaterThanOrEqual(
      byOwner[1].co2eKgPerDay,
    );
    expect(rows.map((r: any) => r.entityRef)).toHaveLength(3);
    expect(rows[0].co2eKgPerDay).toBeGreaterThanOrEqual(rows[1].co2eKgPerDay);
    expect(rows[2]).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/ledger-export',
        known: false,
      }),
    );
    expect(unknownServices).toEqual(['component:default/ledger-export']);

    const squad = await request(server)
      .get('/api/squad-insights/groups/default/payments-squad/footprint')
      .expect(200);
    expect(squad.body.rollup.services).toEqual([
      'component:default/payment-processing',
    ]);
    expect(squad.body.rollup.co2eKgPerDay).toBeCloseTo(
      services[0].co2eKgPerDay,
      6,
    );
  });

  it('rolls a chapter and a guild up from the services whose annotations name them, by owning squad', async () => {
    const server = await start();
    const footprint = async (name: string) =>
      (
        await request(server)
          .get(`/api/squad-insights/groups/default/${name}/footprint`)
          .expect(200)
      ).body;
    const tribe = await footprint('commerce-tribe');
    const chapter = await footprint('backend-engineering-chapter');
    expect(chapter.type).toBe('chapter');
    expect(chapter.services.map((r: any) => r.entityRef).sort()).toEqual([
      'component:default/payment-processing',
      'component:default/subscription-billing',
    ]);
    // Both services are the whole known part of the commerce tribe, so the totals agree.
    expect(chapter.rollup.co2eKgPerDay).toBeCloseTo(
      tribe.rollup.co2eKgPerDay,
      6,
    );
    expect(chapter.byOwner.map((r: any) => r.name).sort()).toEqual([
      'group:default/payments-squad',
      'group:default/subscriptions-squad',
    ]);
    expect(chapter.unknownServices).toEqual([]);

    const guild = await footprint('security-engineering-guild');
    expect(guild.services.map((r: any) => [r.entityRef, r.owner])).toEqual([
      ['component:default/payment-processing', 'group:default/payments-squad'],
      ['component:default/ledger-export', 'group:default/payments-squad'],
    ]);
    expect(guild.unknownServices).toEqual(['component:default/ledger-export']);

    const frontend = await footprint('frontend-engineering-chapter');
    expect(frontend.services.map((r: any) => r.entityRef)).toEqual([
      'component:default/ledger-export',
    ]);
    expect(frontend.rollup.services).toEqual([]);
  });

  it('answers 404 for an unknown group', async () => {
    const server = await start();
    await request(server)
      .get('/api/squad-insights/groups/default/nobody/footprint')
      .expect(404);
  });
});
