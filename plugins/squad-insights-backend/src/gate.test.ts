import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  BackstageCredentials,
  BackstagePrincipalAccessRestrictions,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { squadInsightsPermissionPolicyModule } from './permissions/module';
import {
  demoCatalog,
  ownershipRefs,
} from './permissions/__testUtils__/demoOrg';
import { squadInsightsPlugin } from './plugin';

jest.setTimeout(60_000);

const repo = resolve(__dirname, '../../..');
const production = parse(
  readFileSync(resolve(repo, 'app-config.production.yaml'), 'utf8'),
);
const later = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 1 },
};

const KARIN = 'user:default/karin.nilsson'; // Compliance Office: a reviewer
const MAJA = 'user:default/maja.eriksson'; // Payments Squad: owns payment-processing
const EVA = 'user:default/eva.dual'; // a reviewer who is also in the Payments Squad
const PAY = '/api/squad-insights/entities/default/component/payment-processing';
const PIPELINE = 'external:payments-pipeline';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const as = (user: string) => mockCredentials.user.header(user);

/**
 * The catalog as a real backend serves it to a pipeline: an external-access token restricted
 * to squad-insights' gate permission reaches no other plugin, so the catalog refuses it. The
 * gate must therefore read with the plugin's own credentials once the pipeline has passed.
 */
function catalogAsBackstageServesIt(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const inner = catalogServiceMock({ entities });
      return new Proxy(inner, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const last = args[args.length - 1] as
              | { credentials?: BackstageCredentials }
              | undefined;
            const principal = last?.credentials?.principal as
              | { type?: string; subject?: string }
              | undefined;
            if (
              principal?.type === 'service' &&
              principal.subject?.startsWith('external:')
            ) {
              throw new NotAllowedError(
                `${principal.subject} may not read the catalog (access restrictions)`,
              );
            }
            return value.apply(target, args);
          };
        },
      });
    },
  });
}

describe('the deployment gate', () => {
  const audit: Array<{ eventId: string; outcome: string; meta?: unknown }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => ({
      success: async ({ meta } = {}) =>
        void audit.push({ eventId, outcome: 'success', meta }),
      fail: async () => void audit.push({ eventId, outcome: 'fail' }),
    }),
  });

  /**
   * The portal as it runs (real permission backend, client and shipped policy). A request
   * without an Authorization header is the pipeline: a service principal whose access
   * restrictions are what `backend.auth.externalAccess[].accessRestrictions` makes of
   * `permission: [...]`, judged by Backstage's permission client before any policy.
   */
  async function start(
    options: {
      pipeline?: BackstagePrincipalAccessRestrictions;
      gate?: object;
    } = {},
  ) {
    const entities = [
      ...demoCatalog(),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'eva.dual', namespace: 'default' },
        spec: { memberOf: ['compliance-office', 'payments-squad'] },
        relations: [
          { type: 'memberOf', targetRef: 'group:default/compliance-office' },
          { type: 'memberOf', targetRef: 'group:default/payments-squad' },
        ],
      },
    ];
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        squadInsightsPermissionPolicyModule,
        squadInsightsPlugin,
        permissionsServiceFactory,
        auditor.factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.service(
            PIPELINE,
            options.pipeline,
          ),
        }),
        catalogAsBackstageServesIt(entities),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return {
              userEntityRef,
              ownershipEntityRefs: ownershipRefs(entities, userEntityRef),
            };
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            permission: production.permission,
            squadInsights: {
              permissions: production.squadInsights.permissions,
              terraform: {
                sources: [
                  {
                    id: 'demo',
                    type: 'local',
                    root: resolve(repo, 'demo/terraform'),
                    bindings: 'any',
                  },
                ],
              },
              facts: { schedule: later },
              sustainability: { snapshotSchedule: later },
              compliance: {
                portfolioSchedule: later,
                ...(options.gate && { policy: { gate: options.gate } }),
              },
            },
          },
        }),
      ],
    });
    // Facts read now: payment-processing is critical, and the gate judges no stale facts.
    const refreshed = await request(server)
      .post(`${PAY}/refresh`)
      .set('authorization', as(KARIN));
    expect(refreshed.body.error).toBeUndefined();
    audit.length = 0;
    return server;
  }

  const ask = (server: Awaited<ReturnType<typeof start>>, body: object) =>
    request(server).post(`${PAY}/gate`).send(body);

  it('denies payment-processing while its failure is unwaived and unreviewed, allows it after both, and lists both', async () => {
    const server = await start();
    const denied = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
    }).expect(200);
    expect(denied.body).toMatchObject({
      allowed: false,
      caller: PIPELINE,
      commit: 'a1b2c3d',
      environment: 'production',
      failClosed: true,
    });
    expect(
      denied.body.reasons
        .filter((r: any) => r.blocking)
        .map((r: any) => [r.code, r.checkId]),
    ).toEqual([
      ['check-failing', 'logging.log-retention'],
      ['review-missing', undefined],
    ]);

    await request(server)
      .post(`${PAY}/waivers`)
      .set('authorization', as(KARIN))
      .send({
        checkId: 'logging.log-retention',
        justification: 'Audit log moves to the 7-year archive in January',
        expiresAt: inDays(60),
      })
      .expect(200);
    // The waiver alone is not enough: a financial service needs an approved review within a year.
    const unreviewed = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
    }).expect(200);
    expect(
      unreviewed.body.reasons
        .filter((r: any) => r.blocking)
        .map((r: any) => r.code),
    ).toEqual(['review-missing']);
    await request(server)
      .post(`${PAY}/reviews`)
      .set('authorization', as(KARIN))
      .send({ decision: 'approved' })
      .expect(200);

    const allowed = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
    }).expect(200);
    expect(allowed.body.allowed).toBe(true);
    expect(allowed.body.reasons).toContainEqual(
      expect.objectContaining({
        code: 'check-waived',
        checkId: 'logging.log-retention',
        blocking: false,
      }),
    );

    const history = await request(server)
      .get(`${PAY}/gate/decisions`)
      .set('authorization', as(KARIN))
      .expect(200);
    expect(history.body.items.map((d: any) => [d.id, d.allowed])).toEqual([
      [allowed.body.id, true],
      [unreviewed.body.id, false],
      [denied.body.id, false],
    ]);
    const limited = await request(server)
      .get(`${PAY}/gate/decisions?limit=1`)
      .set('authorization', as(KARIN))
      .expect(200);
    expect(limited.body.items).toHaveLength(1);
    expect(audit.filter(e => e.eventId === 'gate-decide')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        meta: expect.objectContaining({
          decisionId: denied.body.id,
          allowed: false,
        }),
      }),
      expect.objectContaining({
        outcome: 'success',
        meta: expect.objectContaining({ decisionId: unreviewed.body.id }),
      }),
      expect.objectContaining({
        outcome: 'success',
        meta: expect.objectContaining({
          decisionId: allowed.body.id,
          allowed: true,
        }),
      }),
    ]);
  });

  it('refuses a pipeline token whose access restrictions lack the gate permission, and audits it', async () => {
    const server = await start({
      pipeline: { permissionNames: ['squad-insights.compliance.read'] },
    });
    const res = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
    }).expect(403);
    expect(res.body.error.message).toBe(
      'You may not ask the deployment gate of component:default/payment-processing',
    );
    expect(audit).toEqual([{ eventId: 'gate-decide', outcome: 'fail' }]);
    // The decision history is for people (the Compliance tab) and is read through the catalog
    // as the caller, which a token restricted to this plugin cannot reach.
    await request(server).get(`${PAY}/gate/decisions`).expect(403);
  });

  it('refuses a user token where the policy requires a service principal, and takes it where it does not', async () => {
    const server = await start();
    const res = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
    })
      .set('authorization', as(KARIN))
      .expect(403);
    expect(res.body.error.message).toMatch(
      /only pipelines.*gate\.requireServicePrincipal/,
    );

    const lenient = await start({ gate: { requireServicePrincipal: false } });
    const byUser = await ask(lenient, {
      environment: 'production',
      commit: 'a1b2c3d',
    })
      .set('authorization', as(KARIN))
      .expect(200);
    expect(byUser.body.caller).toBe(KARIN);
  });

  it('answers 400 naming the field, and 404 for an unknown entity', async () => {
    const server = await start();
    const env = await ask(server, {
      environment: 'prod',
      commit: 'a1b2c3d',
    }).expect(400);
    expect(env.body.error.message).toBe(
      'environment "prod" is not gated by the compliance policy; known: production, staging',
    );
    expect(
      (await ask(server, { environment: 'production' }).expect(400)).body.error
        .message,
    ).toMatch(/^commit is required/);
    const plan = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
      plan: { format_version: '1.2' },
    }).expect(400);
    expect(plan.body.error.message).toMatch(/^plan: .*terraform show -json/);
    const notJson = await ask(server, {
      environment: 'production',
      commit: 'a1b2c3d',
      plan: 'plan.bin',
    }).expect(400);
    expect(notJson.body.error.message).toMatch(/plan/);
    await request(server)
      .post(
        '/api/squad-insights/entities/default/component/no-such-service/gate',
      )
      .send({ environment: 'production', commit: 'a1b2c3d' })
      .expect(404);
  });

  it('lets a reviewer break the glass once for the denied commit; not the owning squad', async () => {
    const server = await start();
    const denied = await ask(server, {
      environment: 'production',
      commit: 'hotfix-1',
    }).expect(200);
    const override = (user: string, body: object) =>
      request(server)
        .post(`${PAY}/gate/decisions/${denied.body.id}/override`)
        .set('authorization', as(user))
        .send(body);

    const squad = await override(MAJA, { reason: 'Our incident' }).expect(403);
    expect(squad.body.error.message).toBe(
      'You may not override the deployment gate of component:default/payment-processing',
    );
    const own = await override(EVA, { reason: 'Our incident' }).expect(403);
    expect(own.body.error.message).toMatch(
      /^Separation of duties: user:default\/eva.dual is a member of group:default\/payments-squad/,
    );
    expect(
      (await override(KARIN, { reason: ' ' }).expect(400)).body.error.message,
    ).toMatch(/^reason is required/);
    expect(
      (await override(KARIN, { reason: 'x', expiresInHours: 48 }).expect(400))
        .body.error.message,
    ).toMatch(/at most 24/);
    const granted = await override(KARIN, {
      reason: 'Incident 4711: card payments down',
      expiresInHours: 2,
    }).expect(200);
    expect(granted.body).toMatchObject({
      status: 'usable',
      grantedBy: KARIN,
      decisionId: denied.body.id,
    });

    // Another commit does not get through; the overridden one does, once.
    expect(
      (
        await ask(server, {
          environment: 'production',
          commit: 'other',
        }).expect(200)
      ).body.allowed,
    ).toBe(false);
    const through = await ask(server, {
      environment: 'production',
      commit: 'hotfix-1',
    }).expect(200);
    expect(through.body).toMatchObject({
      allowed: true,
      overrideId: granted.body.id,
    });
    expect(through.body.reasons).toContainEqual(
      expect.objectContaining({ code: 'break-glass', blocking: false }),
    );
    expect(
      (
        await ask(server, {
          environment: 'production',
          commit: 'hotfix-1',
        }).expect(200)
      ).body.allowed,
    ).toBe(false);

    const history = (
      await request(server)
        .get(`${PAY}/gate/decisions`)
        .set('authorization', as(KARIN))
        .expect(200)
    ).body.items;
    expect(history.find((d: any) => d.id === denied.body.id).overrides).toEqual(
      [
        expect.objectContaining({
          id: granted.body.id,
          status: 'used',
          consumedBy: through.body.id,
        }),
      ],
    );
    // An allowed decision has nothing to override.
    await request(server)
      .post(`${PAY}/gate/decisions/${through.body.id}/override`)
      .set('authorization', as(KARIN))
      .send({ reason: 'x' })
      .expect(400);
    expect(
      audit.filter(e => e.eventId === 'gate-override').map(e => e.outcome),
    ).toEqual(['fail', 'fail', 'fail', 'fail', 'success', 'fail']);
  });
});
