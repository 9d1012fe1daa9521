import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import permissionBackend from '@backstage/plugin-permission-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { squadInsightsPlugin } from '../plugin';
import { demoCatalog, ownershipRefs } from './__testUtils__/demoOrg';
import { squadInsightsPermissionPolicyModule } from './module';
import {
  complianceRecordConditions,
  createComplianceRecordConditionalDecision,
} from './rules';

jest.setTimeout(60_000);

const repo = resolve(__dirname, '../../../..');
const production = parse(
  readFileSync(resolve(repo, 'app-config.production.yaml'), 'utf8'),
);

const ERIK = 'user:default/erik.johansson'; // Discovery Squad, Music Experience tribe
const KARIN = 'user:default/karin.nilsson'; // Compliance Office
const OWN_TRIBE =
  '/api/squad-insights/entities/default/component/music-discovery';
const OTHER_TRIBE =
  '/api/squad-insights/entities/default/component/payment-processing';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

const TRIBE_LEAD = 'user:default/tribe.lead'; // only in music-experience-tribe, above the squads
const AUDITOR = 'user:default/ada.audit'; // only in compliance-audit, a sub-team of the Compliance Office
const entities = [
  ...demoCatalog(),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'compliance-audit', namespace: 'default' },
    spec: { type: 'team', parent: 'compliance-office', children: [] },
    relations: [
      { type: 'childOf', targetRef: 'group:default/compliance-office' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada.audit', namespace: 'default' },
    spec: { memberOf: ['compliance-audit'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/compliance-audit' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'tribe.lead', namespace: 'default' },
    spec: { memberOf: ['music-experience-tribe'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/music-experience-tribe' },
    ],
  },
];
const later = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 1 },
};

/**
 * The mock auth service, except that a token issued on behalf of a user carries the issuing
 * plugin as actor, as the real auth service's tokens do. The permission backend resolves
 * conditional decisions by calling the plugin's apply-conditions endpoint on the user's behalf,
 * and that endpoint refuses user tokens without an actor; the mock would make every
 * conditional decision a denial.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const mock = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => mock.authenticate(token, options),
      isPrincipal: mock.isPrincipal.bind(mock) as AuthService['isPrincipal'],
      getNoneCredentials: () => mock.getNoneCredentials(),
      getOwnServiceCredentials: () => mock.getOwnServiceCredentials(),
      getLimitedUserToken: credentials => mock.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => mock.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        if (!mock.isPrincipal(options.onBehalfOf, 'user'))
          return mock.getPluginRequestToken(options);
        const { userEntityRef } = options.onBehalfOf.principal;
        return {
          token: mockCredentials.user.token(userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      },
    };
  },
});

/**
 * The backend as the portal runs it: the real permission backend and permission client, the
 * given policy, and the permission sections of app-config.production.yaml unless replaced.
 */
async function start(
  options: {
    policy?: ReturnType<typeof createBackendModule>;
    permissions?: object;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      permissionBackend,
      options.policy ?? squadInsightsPermissionPolicyModule,
      squadInsightsPlugin,
      permissionsServiceFactory,
      authWithActors,
      catalogServiceMock.factory({ entities }),
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
            permissions:
              options.permissions ?? production.squadInsights.permissions,
            terraform: {
              sources: [
                {
                  id: 'demo',
                  type: 'local',
                  root: resolve(repo, 'demo/terraform'),
                },
              ],
            },
            facts: { schedule: later },
            sustainability: { snapshotSchedule: later },
            compliance: { portfolioSchedule: later },
          },
        },
      }),
    ],
  });
  return server;
}

const as = (user: string) => mockCredentials.user.header(user);
const waiver = (checkId = 'encryption.rds-storage') => ({
  checkId,
  justification: 'Re-encryption is scheduled for the January window',
  expiresAt: inDays(30),
});

describe('the production permission settings', () => {
  it('install the Squad Insights policy, never allow-all', () => {
    expect(production.permission.enabled).toBe(true);
    expect(production.squadInsights.permissions.reviewerGroups).toEqual([
      'group:default/compliance-office',
    ]);
    const backendIndex = readFileSync(
      resolve(repo, 'packages/backend/src/index.ts'),
      'utf8',
    );
    expect(backendIndex).toContain(
      'backend.add(squadInsightsPermissionPolicyModule)',
    );
    expect(backendIndex).not.toMatch(/allow-all-policy/);
  });

  it('deny a squad engineer decisions on another tribe, allow reading their own', async () => {
    const server = await start();
    await request(server)
      .get(`${OWN_TRIBE}/compliance`)
      .set('authorization', as(ERIK))
      .expect(200);
    await request(server)
      .get(`${OWN_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .expect(200);

    const review = await request(server)
      .post(`${OTHER_TRIBE}/reviews`)
      .set('authorization', as(ERIK))
      .send({ decision: 'approved' })
      .expect(403);
    expect(review.body.error.message).toBe(
      'You may not record a compliance review of component:default/payment-processing',
    );
    await request(server)
      .post(`${OTHER_TRIBE}/waivers`)
      .set('authorization', as(ERIK))
      .send(waiver())
      .expect(403);
    await request(server)
      .post(`${OTHER_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .send(waiver())
      .expect(403);
    await request(server)
      .post(`${OTHER_TRIBE}/refresh`)
      .set('authorization', as(ERIK))
      .expect(403);
    // Not even on their own tribe's service: reviews and grants are the reviewers'.
    await request(server)
      .post(`${OWN_TRIBE}/reviews`)
      .set('authorization', as(ERIK))
      .send({ decision: 'approved' })
      .expect(403);
    await request(server)
      .post(`${OWN_TRIBE}/waivers`)
      .set('authorization', as(ERIK))
      .send(waiver())
      .expect(403);
    await request(server)
      .post(`${OWN_TRIBE}/attestations`)
      .set('authorization', as(ERIK))
      .send({
        checkId: 'x',
        statement: 's',
        evidenceUrl: 'https://e.example',
        expiresAt: inDays(5),
      })
      .expect(403);
  });

  it('allow a reviewer to review anywhere and decide a squad engineer’s waiver request', async () => {
    const server = await start();
    await request(server)
      .post(`${OTHER_TRIBE}/reviews`)
      .set('authorization', as(KARIN))
      .send({ decision: 'approved' })
      .expect(200);

    const asked = await request(server)
      .post(`${OWN_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .send(waiver())
      .expect(200);
    expect(asked.body).toMatchObject({
      status: 'requested',
      requestedBy: ERIK,
    });
    // A request is not a decision: the engineer may not approve it.
    await request(server)
      .post(`${OWN_TRIBE}/waiver-requests/${asked.body.id}/approve`)
      .set('authorization', as(ERIK))
      .expect(403);
    // Nor ask twice for the same check while one is open.
    await request(server)
      .post(`${OWN_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .send(waiver())
      .expect(409);

    const approved = await request(server)
      .post(`${OWN_TRIBE}/waiver-requests/${asked.body.id}/approve`)
      .set('authorization', as(KARIN))
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'granted',
      decidedBy: KARIN,
      waiverId: expect.any(String),
    });
    const waivers = await request(server)
      .get(`${OWN_TRIBE}/waivers`)
      .set('authorization', as(ERIK))
      .expect(200);
    expect(waivers.body.items).toEqual([
      expect.objectContaining({
        id: approved.body.waiverId,
        grantedBy: KARIN,
        checkId: 'encryption.rds-storage',
        status: 'active',
      }),
    ]);
    // Decided once.
    await request(server)
      .post(`${OWN_TRIBE}/waiver-requests/${asked.body.id}/reject`)
      .set('authorization', as(KARIN))
      .expect(409);

    const second = await request(server)
      .post(`${OWN_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .send(waiver('backup.rds-retention'))
      .expect(200);
    const rejected = await request(server)
      .post(`${OWN_TRIBE}/waiver-requests/${second.body.id}/reject`)
      .set('authorization', as(KARIN))
      .send({ reason: 'Fix the retention instead' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Fix the retention instead',
    });
    // The rejection granted nothing.
    const after = await request(server)
      .get(`${OWN_TRIBE}/waivers`)
      .set('authorization', as(ERIK))
      .expect(200);
    expect(after.body.items).toHaveLength(1);
  });

  it('count a member of a sub-team of a reviewer group as a reviewer', async () => {
    const server = await start();
    const review = (user: string) =>
      request(server)
        .post(`${OTHER_TRIBE}/reviews`)
        .set('authorization', as(user))
        .send({ decision: 'approved' });
    const byAuditor = await review(AUDITOR);
    expect(byAuditor.status).toBe(200);
    expect(byAuditor.body).toMatchObject({
      reviewer: AUDITOR,
      decision: 'approved',
    });
    expect((await review(ERIK)).status).toBe(403);
  });

  it('refuse a waiver request no reviewer could grant when it is made, naming the field', async () => {
    const server = await start();
    const ask = (expiresAt: string) =>
      request(server)
        .post(`${OWN_TRIBE}/waiver-requests`)
        .set('authorization', as(ERIK))
        .send({ ...waiver(), expiresAt });
    const past = await ask(inDays(-1)).expect(400);
    expect(past.body.error).toMatchObject({
      name: 'InputError',
      message: 'expiresAt must be in the future',
    });
    const tooLong = await ask(inDays(400)).expect(400);
    expect(tooLong.body.error.name).toBe('InputError');
    expect(tooLong.body.error.message).toMatch(
      /^expiresAt must be at most \d+ days ahead \(the policy's (critical)?[wW]aiverMaxDays/,
    );
    const listed = await request(server)
      .get(`${OWN_TRIBE}/waiver-requests`)
      .set('authorization', as(ERIK))
      .expect(200);
    expect(listed.body.items).toEqual([]);
    // Within the maximum it is accepted.
    await ask(inDays(30)).expect(200);
  });

  it('with readScope tribe, let squads read only their own tribe’s records', async () => {
    const server = await start({
      permissions: {
        ...production.squadInsights.permissions,
        readScope: 'tribe',
      },
    });
    const read = async (path: string, user: string) =>
      (await request(server).get(path).set('authorization', as(user))).status;
    expect(await read(`${OWN_TRIBE}/compliance`, ERIK)).toBe(200);
    expect(await read(`${OTHER_TRIBE}/compliance`, ERIK)).toBe(403);
    expect(await read(`${OTHER_TRIBE}/facts`, ERIK)).toBe(403);
    // The profile and footprint are parts of the same record.
    expect(await read(`${OTHER_TRIBE}/profile`, ERIK)).toBe(403);
    expect(await read(`${OTHER_TRIBE}/footprint`, ERIK)).toBe(403);
    expect(await read(`${OWN_TRIBE}/profile`, ERIK)).toBe(200);
    expect(await read(`${OTHER_TRIBE}/compliance`, KARIN)).toBe(200);
  });

  it('stop the backend on an unknown key, naming it', async () => {
    await expect(
      start({
        permissions: {
          reviewerGroups: ['group:default/compliance-office'],
          reviewers: ['x'],
        },
      }),
    ).rejects.toThrow(
      'Unknown key squadInsights.permissions.reviewers; known keys are reviewerGroups, readScope',
    );
  });
});

/**
 * A policy that answers the waiver request permission with one rule's condition, for every
 * user. The request permission, because no separation of duties applies on top of it.
 */
function policyWith(
  condition: (
    claims: string[],
  ) => Parameters<typeof createComplianceRecordConditionalDecision>[1],
) {
  const policy: PermissionPolicy = {
    async handle(req, user) {
      if (req.permission.name !== 'squad-insights.compliance.waiver.request')
        return { result: AuthorizeResult.ALLOW };
      return createComplianceRecordConditionalDecision(
        req.permission as any,
        condition(user?.info.ownershipEntityRefs ?? []),
      );
    },
  };
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init(deps) {
          deps.policy.setPolicy(policy);
        },
      });
    },
  });
}

describe('the conditional rules, applied by the permission framework', () => {
  // One open request per check and service: each allowed call asks about another check.
  const checks = [
    'encryption.rds-storage',
    'backup.rds-retention',
    'logging.s3-access-logs',
  ];
  let asked = 0;
  beforeEach(() => {
    asked = 0;
  });
  /** Whether the user may ask for a waiver: true on 200, false on 403, anything else fails. */
  const ask = async (
    server: Awaited<ReturnType<typeof start>>,
    path: string,
    user: string,
  ) => {
    const res = await request(server)
      .post(`${path}/waiver-requests`)
      .set('authorization', as(user))
      .send(waiver(checks[asked % checks.length]));
    if (res.status === 200) asked++;
    expect([200, 403]).toContain(res.status);
    return res.status === 200;
  };

  it('IS_OWNER: the owning squad and the groups above it, not another squad', async () => {
    const server = await start({
      policy: policyWith(claims =>
        complianceRecordConditions.isOwner({ claims }),
      ),
    });
    expect(await ask(server, OWN_TRIBE, ERIK)).toBe(true);
    expect(await ask(server, OTHER_TRIBE, ERIK)).toBe(false);
    // The tribe lead is in music-experience-tribe only, above the owning squad.
    expect(await ask(server, OWN_TRIBE, TRIBE_LEAD)).toBe(true);
    expect(await ask(server, OTHER_TRIBE, TRIBE_LEAD)).toBe(false);
    // A squad of the same tribe does not own it.
    expect(await ask(server, OWN_TRIBE, 'user:default/sara.bergstrom')).toBe(
      false,
    );
  });

  it('IS_IN_TRIBE: any squad of the owning tribe, not another tribe', async () => {
    const server = await start({
      policy: policyWith(claims =>
        complianceRecordConditions.isInTribe({ claims }),
      ),
    });
    expect(await ask(server, OWN_TRIBE, 'user:default/sara.bergstrom')).toBe(
      true,
    ); // Playlist Squad
    expect(await ask(server, OTHER_TRIBE, 'user:default/sara.bergstrom')).toBe(
      false,
    );
    expect(await ask(server, OTHER_TRIBE, 'user:default/maja.eriksson')).toBe(
      true,
    ); // Payments Squad
  });

  it('HAS_FRAMEWORK: services that declare the framework, in any spelling', async () => {
    const server = await start({
      policy: policyWith(() =>
        complianceRecordConditions.hasFramework({ framework: 'pci-dss' }),
      ),
    });
    expect(await ask(server, OWN_TRIBE, ERIK)).toBe(true); // GDPR,Music_Rights,PCI_DSS
    expect(
      await ask(
        server,
        '/api/squad-insights/entities/default/component/playlist-management',
        ERIK,
      ),
    ).toBe(false);
  });
});
