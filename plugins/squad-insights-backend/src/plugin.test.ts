import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';

const group = (name: string, type: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: {
    type,
    parent,
    children: [],
    profile: { displayName: `${name} (display)` },
  },
});

const entities = [
  group('commerce-tribe', 'tribe'),
  group('payments-squad', 'squad', 'commerce-tribe'),
  group('backend-engineering-chapter', 'chapter'),
  group('security-engineering-guild', 'guild'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payment-processing',
      namespace: 'default',
      annotations: {
        'squad-insights.io/data-classification': 'financial',
        'squad-insights.io/compliance-requirements': 'GDPR,PCI_DSS,Made_Up',
        'squad-insights.io/chapter': 'backend-engineering-chapter',
        'squad-insights.io/guild': 'security-engineering-guild',
      },
    },
    spec: { type: 'service', owner: 'group:default/payments-squad' },
  },
];

describe('squad-insights backend', () => {
  async function start(options?: { anonymous?: boolean }) {
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities }),
        // Requests without a token count as a signed-in user unless told otherwise.
        ...(options?.anonymous
          ? [
              mockServices.httpAuth.factory({
                defaultCredentials: mockCredentials.none(),
              }),
            ]
          : []),
      ],
    });
    return server;
  }

  it('answers /health without credentials, and nothing else', async () => {
    const server = await start({ anonymous: true });
    await request(server)
      .get('/api/squad-insights/health')
      .expect(200, { status: 'ok' });
    await request(server)
      .get(
        '/api/squad-insights/entities/default/component/payment-processing/profile',
      )
      .expect(401);
  });

  it('places a squad-owned service in its squad and tribe', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/squad-insights/entities/default/component/payment-processing/profile',
    );
    expect(res.status).toBe(200);
    expect(res.body.ownership).toEqual({
      squad: {
        entityRef: 'group:default/payments-squad',
        title: 'payments-squad (display)',
        type: 'squad',
      },
      tribe: {
        entityRef: 'group:default/commerce-tribe',
        title: 'commerce-tribe (display)',
        type: 'tribe',
      },
      chapter: expect.objectContaining({
        entityRef: 'group:default/backend-engineering-chapter',
      }),
      guild: expect.objectContaining({
        entityRef: 'group:default/security-engineering-guild',
      }),
    });
    expect(res.body.profile.recordRetentionYears).toBe(7);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('"Made_Up"'),
      }),
    ]);
  });

  it('answers 404 with a message for an unknown entity', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/squad-insights/entities/default/component/nope/profile',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/nope');
    expect(res.body.error.stack).toBeUndefined();
  });
});
