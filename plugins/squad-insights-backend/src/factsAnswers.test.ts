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
import { quietLocalSource, TIMERS_BUT_DATE } from './__testUtils__/testConfig';

const OUTSIDER = 'user:default/outsider';

function state(serial: number, buckets: string[]) {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial,
    lineage: '5f0c7b1e-1111-2222-3333-444455556666',
    outputs: {},
    resources: buckets.map(name => ({
      mode: 'managed',
      type: 'aws_s3_bucket',
      name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ attributes: { id: name, tags: { team: 'payments' } } }],
    })),
  });
}

// The facts answer is kept serialised per version (services/versionedAnswers.ts); these check
// it through the whole plugin, with responses validated against the spec (setupTests.ts).
describe('facts answers kept per version', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-facts-answers-'));
    mkdirSync(join(root, 'payments'));
    writeFileSync(
      join(root, 'payments/terraform.tfstate'),
      state(1, ['receipts']),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function start() {
    // Every caller may read the compliance record but the outsider.
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, { credentials }) =>
        requests.map(() => ({
          result:
            (credentials.principal as { userEntityRef?: string })
              .userEntityRef === OUTSIDER
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    });
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'payment-processing',
                namespace: 'default',
                annotations: {
                  'squad-insights.io/terraform-state':
                    'demo:payments/terraform.tfstate',
                },
              },
              spec: { type: 'service', owner: 'group:default/payments' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            squadInsights: {
              ...quietLocalSource(root),
            },
          },
        }),
        permissions.factory,
      ],
    });
    return server;
  }

  const facts =
    '/api/squad-insights/entities/default/component/payment-processing/facts';
  const refresh =
    '/api/squad-insights/entities/default/component/payment-processing/refresh';
  const buckets = (res: request.Response) =>
    res.body.states[0].inventory.resources.map((r: { name: string }) => r.name);

  it('answers a new body and ETag once new facts are read, never the kept one', async () => {
    const server = await start();
    await request(server).post(refresh).expect(200);
    const before = await request(server).get(facts).expect(200);
    expect(buckets(before)).toEqual(['receipts']);
    // Strong, from the kept answer (Express's own would be weak, W/"...").
    expect(before.headers.etag).toMatch(/^"[^"]+"$/);

    writeFileSync(
      join(root, 'payments/terraform.tfstate'),
      state(2, ['receipts', 'invoices']),
    );
    await request(server).post(refresh).expect(200);
    const after = await request(server)
      .get(facts)
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    expect(buckets(after).sort()).toEqual(['invoices', 'receipts']);
    expect(after.headers.etag).toMatch(/^"[^"]+"$/);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers the same ETag, and 304, in a later second while the facts stay', async () => {
    // Only the clock is faked: the backend's timers and I/O run as usual.
    jest.useFakeTimers({
      now: new Date('2026-03-02T10:00:00.000Z'),
      doNotFake: [...TIMERS_BUT_DATE],
    });
    try {
      const server = await start();
      await request(server).post(refresh).expect(200);
      const first = await request(server).get(facts).expect(200);
      const readAt = first.body.states[0].freshness.readAt;
      expect(readAt).toBe('2026-03-02T10:00:00.000Z');

      // Some seconds on, well within the facts' staleness bound: the answer names the
      // instant it was read, not an age, so it is still the kept one.
      jest.setSystemTime(new Date('2026-03-02T10:00:07.000Z'));
      const later = await request(server).get(facts).expect(200);
      expect(later.headers.etag).toBe(first.headers.etag);
      expect(later.body).toEqual(first.body);
      expect(later.body.states[0].freshness).not.toHaveProperty('ageSeconds');
      await request(server)
        .get(facts)
        .set('If-None-Match', first.headers.etag)
        .expect(304);
    } finally {
      jest.useRealTimers();
    }
  });

  it('still refuses a caller without the permission when the answer is kept', async () => {
    const server = await start();
    await request(server).post(refresh).expect(200);
    const allowed = await request(server).get(facts).expect(200);
    expect(buckets(allowed)).toEqual(['receipts']);

    const outsider = mockCredentials.user.header(OUTSIDER);
    for (const ifNoneMatch of [undefined, allowed.headers.etag]) {
      const req = request(server).get(facts).set('authorization', outsider);
      if (ifNoneMatch) req.set('If-None-Match', ifNoneMatch);
      const res = await req;
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.headers.etag).not.toBe(allowed.headers.etag);
      expect(JSON.stringify(res.body)).not.toContain('receipts');
    }
  });
});
