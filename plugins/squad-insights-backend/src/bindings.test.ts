import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');
const ENCRYPTION = 'encryption.rds-storage';
const ANNOTATION = 'squad-insights.io/terraform-state';

function service(name: string, owner: string, state: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'squad-insights.io/data-classification': 'financial',
        'squad-insights.io/compliance-requirements': 'GDPR,PCI_DSS',
        [ANNOTATION]: state,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

const entities = [
  // Fails encryption in its own state; its squad points the annotation at a compliant one.
  service(
    'rights-ledger',
    'group:default/rights-squad',
    'demo:payment-processing/terraform.tfstate',
  ),
  // The same compliant state, bound by the squad that owns it.
  service(
    'payment-processing',
    'group:default/payments-squad',
    'demo:payment-processing/terraform.tfstate',
  ),
  // Its own state, bound as the template allows, plus another squad's: the rest still shows.
  service(
    'music-discovery',
    'group:default/discovery-squad',
    'demo:music-discovery/terraform.tfstate,demo:playlist-management/terraform.tfstate',
  ),
];

describe('state bindings through the API', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-bindings-'));
    for (const name of [
      'rights-ledger',
      'payment-processing',
      'music-discovery',
      'playlist-management',
    ]) {
      cpSync(join(demo, name), join(root, name), { recursive: true });
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
              terraform: {
                sources: [
                  {
                    id: 'demo',
                    type: 'local',
                    root,
                    bindings: { templates: ['{name}/terraform.tfstate'] },
                  },
                ],
              },
              facts: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 1 },
                },
              },
              compliance: {
                portfolioSchedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 1 },
                },
              },
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
    });
    return server;
  }
  const base = (name: string) =>
    `/api/squad-insights/entities/default/component/${name}`;
  const encryption = (body: any) =>
    body.checks.find((c: any) => c.checkId === ENCRYPTION);

  it("shows 'binding refused' to a squad pointing at another squad's state, and judges nothing from it", async () => {
    const server = await start();
    await request(server)
      .post(`${base('payment-processing')}/refresh`)
      .expect(200);
    const forged = await request(server)
      .post(`${base('rights-ledger')}/refresh`)
      .expect(200);

    // The owner's own binding reads the state, and it is compliant.
    const owner = await request(server)
      .get(`${base('payment-processing')}/compliance`)
      .expect(200);
    expect(encryption(owner.body).status).toBe('pass');
    expect(owner.body.bindings).toEqual([
      expect.objectContaining({
        value: 'demo:payment-processing/terraform.tfstate',
        allowed: true,
      }),
    ]);

    // The forged binding: refused with its reason, and the other squad's verdict is not taken.
    const res = await request(server)
      .get(`${base('rights-ledger')}/compliance`)
      .expect(200);
    expect(encryption(res.body).status).toBe('unknown');
    expect(
      res.body.checks.filter(
        (c: any) => c.status === 'pass' && c.evidence?.length,
      ),
    ).toEqual([]);
    expect(res.body.stale).toBe(true);
    expect(res.body.problems).toEqual([
      expect.stringMatching(
        /^Binding refused: squad-insights\.io\/terraform-state "demo:payment-processing\/terraform\.tfstate": Key "payment-processing\/terraform\.tfstate" of Terraform state source "demo" may not be bound by component:default\/rights-ledger: it matches none of the templates \{name\}\/terraform\.tfstate\. If component:default\/rights-ledger should read it, the operator adds it to squadInsights\.terraform\.sources\[0\]\.bindings\.entities/,
      ),
    ]);
    expect(res.body.bindings).toEqual([
      expect.objectContaining({
        annotation: ANNOTATION,
        allowed: false,
        howToAllow: expect.stringContaining(
          'squadInsights.terraform.sources[0].bindings',
        ),
      }),
    ]);

    // Nothing of the other squad's inventory reaches the forging entity.
    for (const body of [
      forged.body,
      (await request(server).get(`${base('rights-ledger')}/facts`)).body,
    ]) {
      expect(body.states).toEqual([
        {
          reference: 'demo:payment-processing/terraform.tfstate',
          freshness: {
            stale: true,
            lastError: expect.stringMatching(/^Binding refused/),
          },
          inventory: {
            status: 'no-state',
            format: 'empty',
            resources: [],
            outputs: {},
          },
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('arn:aws');
    }
  });

  it('reads the bound state and still shows it when another reference is refused', async () => {
    const server = await start();
    const res = await request(server)
      .post(`${base('music-discovery')}/refresh`)
      .expect(200);
    const [own, other] = res.body.states;
    expect(own.reference).toBe('demo:music-discovery/terraform.tfstate');
    expect(own.freshness.stale).toBe(false);
    expect(own.inventory.resources.length).toBeGreaterThan(0);
    expect(other.reference).toBe('demo:playlist-management/terraform.tfstate');
    expect(other.inventory.resources).toEqual([]);
    expect(res.body.problems).toEqual([
      expect.stringMatching(/^Binding refused: .*playlist-management/),
    ]);

    // A review records the bindings it judged.
    const review = await request(server)
      .post(`${base('music-discovery')}/reviews`)
      .send({ decision: 'changes_requested', comment: 'binding' })
      .expect(200);
    expect(review.body.snapshot.bindings).toEqual([
      expect.objectContaining({
        value: 'demo:music-discovery/terraform.tfstate',
        allowed: true,
        rule: 'template {name}/terraform.tfstate',
      }),
      expect.objectContaining({
        value: 'demo:playlist-management/terraform.tfstate',
        allowed: false,
      }),
    ]);
  });
});
