import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';
import { quietLocalSource } from './__testUtils__/testConfig';

const CANARY = 'CANARY-db-password-7f3a9';

function state(serial: number) {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial,
    lineage: '5f0c7b1e-1111-2222-3333-444455556666',
    outputs: {
      db_password: { value: CANARY, type: 'string', sensitive: true },
    },
    resources: [
      {
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'main',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 2,
            attributes: {
              id: 'payments-db',
              arn: 'arn:aws:rds:eu-north-1:123456789012:db:payments-db',
              storage_encrypted: true,
              password: CANARY,
              tags: { team: 'payments-squad' },
            },
            sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
          },
        ],
      },
      // Secrets only their value or the provider's schema gives away (issue 13).
      {
        mode: 'managed',
        type: 'aws_api_gateway_api_key',
        name: 'partner',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ attributes: { id: 'k1', value: CANARY } }],
      },
      {
        mode: 'managed',
        type: 'aws_ecs_task_definition',
        name: 'api',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            attributes: {
              id: 'api',
              container_definitions: JSON.stringify([
                {
                  name: 'api',
                  environment: [
                    {
                      name: 'DATABASE_URL',
                      value: `postgres://app:${CANARY}@db:5432/app`,
                    },
                  ],
                },
              ]),
            },
          },
        ],
      },
    ],
  });
}

const entity = (annotation: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-processing',
    namespace: 'default',
    annotations: { 'squad-insights.io/terraform-state': annotation },
  },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
});

describe('facts API', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-facts-'));
    mkdirSync(join(root, 'payments'));
    writeFileSync(join(root, 'payments/terraform.tfstate'), state(7));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function start(
    options: { allowRefresh?: boolean; annotation?: string } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({
          entities: [
            entity(options.annotation ?? 'demo:payments/terraform.tfstate'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
            },
          },
        }),
        mockServices.permissions.factory({
          result:
            options.allowRefresh === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    });
    return server;
  }

  const base =
    '/api/squad-insights/entities/default/component/payment-processing';

  it('reads a state on refresh and serves it without any secret', async () => {
    const server = await start();
    const refreshed = await request(server).post(`${base}/refresh`);
    expect(refreshed.status).toBe(200);

    const res = await request(server).get(`${base}/facts`);
    expect(res.status).toBe(200);
    expect(res.body.states).toHaveLength(1);
    expect(res.body.states[0].freshness.stale).toBe(false);
    expect(res.body.states[0].inventory.resources[0].type).toBe(
      'aws_db_instance',
    );
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
    expect(JSON.stringify(refreshed.body)).not.toContain(CANARY);
    // The task definition's JSON string is kept for the checks, scrubbed inside.
    expect(JSON.stringify(res.body)).toContain('DATABASE_URL');
    // Evidence is judged from the same scrubbed inventory.
    const compliance = await request(server).get(`${base}/compliance`);
    expect(compliance.status).toBe(200);
    expect(JSON.stringify(compliance.body)).not.toContain(CANARY);
  });

  it('keeps the last good facts, marked stale, when the source breaks', async () => {
    const server = await start();
    await request(server).post(`${base}/refresh`).expect(200);
    writeFileSync(
      join(root, 'payments/terraform.tfstate'),
      '{"version": 4, "resources": [',
    );

    const res = await request(server).post(`${base}/refresh`);
    expect(res.status).toBe(200);
    const [fact] = res.body.states;
    expect(fact.inventory.resources).toHaveLength(3);
    expect(fact.freshness.stale).toBe(true);
    expect(fact.freshness.lastError).toMatch(
      /demo:payments\/terraform\.tfstate/,
    );
  });

  it('refuses refresh without the permission', async () => {
    const server = await start({ allowRefresh: false });
    const res = await request(server).post(`${base}/refresh`);
    expect(res.status).toBe(403);
  });

  it('refuses the profile and the footprint without the read permission, as compliance does', async () => {
    const server = await start({ allowRefresh: false });
    const compliance = await request(server).get(`${base}/compliance`);
    expect(compliance.status).toBe(403);
    expect(compliance.body.error.name).toBe('NotAllowedError');
    for (const route of ['profile', 'footprint']) {
      const res = await request(server).get(`${base}/${route}`);
      expect({ status: res.status, error: res.body.error }).toEqual({
        status: compliance.status,
        error: compliance.body.error,
      });
    }
  });

  it('needs credentials', async () => {
    const server = await start();
    await request(server)
      .get(`${base}/facts`)
      .set('authorization', mockCredentials.none.header())
      .expect(401);
  });

  it('reports a reference that escapes its source and reads nothing', async () => {
    const server = await start({ annotation: 'demo:../../etc/passwd' });
    const res = await request(server).post(`${base}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.states).toEqual([]);
    expect(res.body.problems[0]).toMatch(
      /may not contain "\.\." path segments/,
    );
  });

  it('pages the services', async () => {
    const server = await start();
    await request(server).post(`${base}/refresh`).expect(200);
    const res = await request(server).get(
      '/api/squad-insights/services?offset=0&limit=10',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      offset: 0,
      limit: 10,
      totalCount: 1,
      items: [
        expect.objectContaining({
          entityRef: 'component:default/payment-processing',
          references: ['demo:payments/terraform.tfstate'],
          stale: false,
        }),
      ],
    });
  });
});
