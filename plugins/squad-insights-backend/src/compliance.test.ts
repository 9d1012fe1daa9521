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
import { ComplianceService } from './services/ComplianceService';
import { quietLocalSource, TIMERS_BUT_DATE } from './__testUtils__/testConfig';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');
const ENCRYPTION = 'encryption.rds-storage';
const MEMBER = 'user:default/rita';
const OUTSIDER = 'user:default/carl';
/** In a sub-team of the owning squad, by the catalog. */
const NESTED_MEMBER = 'user:default/nina';
/** In that sub-team by the sign-in resolver only; the catalog names no group of theirs. */
const SIGNED_IN_MEMBER = 'user:default/olle';
/** In the owning squad's tribe, not in the squad. */
const TRIBE_MEMBER = 'user:default/tove';
/** Ownership refs as a sign-in resolver puts them in the user's token. */
const signInGroups: Record<string, string[]> = {
  [SIGNED_IN_MEMBER]: ['group:default/rights-ops'],
};

// The mock catalog does not process entities, so derived relations are written out here.
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'content-tribe', namespace: 'default' },
    spec: { type: 'tribe', children: ['rights-squad'] },
    relations: [{ type: 'parentOf', targetRef: 'group:default/rights-squad' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'rights-squad', namespace: 'default' },
    spec: { type: 'squad', parent: 'content-tribe', children: ['rights-ops'] },
    relations: [
      { type: 'childOf', targetRef: 'group:default/content-tribe' },
      { type: 'parentOf', targetRef: 'group:default/rights-ops' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'rights-ops', namespace: 'default' },
    spec: { type: 'team', parent: 'rights-squad', children: [] },
    relations: [{ type: 'childOf', targetRef: 'group:default/rights-squad' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'rights-ledger',
      namespace: 'default',
      // As in demo/catalog/services.yaml.
      annotations: {
        'squad-insights.io/data-classification': 'internal',
        'squad-insights.io/compliance-requirements':
          'Copyright_Law,Music_Rights',
        'squad-insights.io/terraform-state':
          'demo:rights-ledger/terraform.tfstate',
        'squad-insights.io/criticality': 'medium',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/rights-squad',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/rights-squad' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'rita', namespace: 'default' },
    spec: { memberOf: ['rights-squad'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/rights-squad' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'carl', namespace: 'default' },
    spec: { memberOf: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'nina', namespace: 'default' },
    spec: { memberOf: ['rights-ops'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/rights-ops' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'olle', namespace: 'default' },
    spec: { memberOf: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'tove', namespace: 'default' },
    spec: { memberOf: ['content-tribe'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/content-tribe' }],
  },
];

const base = '/api/squad-insights/entities/default/component/rights-ledger';
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

describe('compliance API', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-compliance-'));
    mkdirSync(join(root, 'rights-ledger'));
    copyFileSync(
      join(demo, 'rights-ledger/terraform.tfstate'),
      join(root, 'rights-ledger/terraform.tfstate'),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const auditEvents: Array<{ eventId: string; outcome: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => ({
      success: async () =>
        void auditEvents.push({ eventId, outcome: 'success' }),
      fail: async () => void auditEvents.push({ eventId, outcome: 'fail' }),
    }),
  });

  async function start(
    options: {
      result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      compliance?: object;
      catalog?: Array<Record<string, unknown>>;
    } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({
          entities: (options.catalog ?? entities) as typeof entities,
        }),
        auditor.factory,
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
              compliance: options.compliance,
            },
          },
        }),
        mockServices.permissions.factory({
          result: options.result ?? AuthorizeResult.ALLOW,
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return {
              userEntityRef,
              ownershipEntityRefs: [
                userEntityRef,
                ...(signInGroups[userEntityRef] ?? []),
              ],
            };
          },
        }).factory,
      ],
    });
    // Refreshing is itself guarded; the deny-all backend never gets that far with facts.
    if (options.result !== AuthorizeResult.DENY) {
      await request(server).post(`${base}/refresh`).expect(200);
    }
    return server;
  }

  const as = (ref: string) => mockCredentials.user.header(ref);
  const check = (body: any) =>
    body.checks.find((c: any) => c.checkId === ENCRYPTION);

  it('judges a framework that a policy override adds, without a code change', async () => {
    // The service declares the new framework as people write it; the override defines it.
    const catalog = entities.map(
      (e): Record<string, unknown> =>
        e.metadata.name === 'rights-ledger'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: {
                  ...e.metadata.annotations,
                  'squad-insights.io/compliance-requirements':
                    'Copyright_Law,fi-fffs,HIPAA',
                },
              },
            }
          : e,
    );
    const server = await start({
      catalog,
      compliance: {
        policy: {
          frameworks: [
            {
              id: 'FI_FFFS',
              title: 'Finansinspektionens föreskrifter (FFFS 2014:5)',
              appliesWhen: { requirements: ['FI_FFFS'] },
              controls: [{ id: '2014-5', title: 'Information security' }],
            },
          ],
          checks: [
            {
              id: 'fi-fffs.databases-encrypted',
              title: 'Databases are encrypted at rest',
              rationale:
                'FFFS 2014:5 asks for protection of information in every system.',
              severity: 'high',
              controls: ['FI_FFFS/2014-5'],
              remediation: 'Set storage_encrypted = true.',
              appliesTo: ['aws_db_instance'],
              rule: { attribute: 'storage_encrypted', equals: true },
            },
          ],
        },
      },
    });
    const res = await request(server).get(`${base}/compliance`).expect(200);
    expect(
      res.body.frameworks.find((f: any) => f.id === 'FI_FFFS'),
    ).toMatchObject({ applies: true });
    const fi = res.body.checks.find(
      (c: any) => c.checkId === 'fi-fffs.databases-encrypted',
    );
    expect(fi).toMatchObject({ status: 'fail', frameworks: ['FI_FFFS'] });
    expect(fi.evidence.map((e: any) => e.address)).toContain(
      'module.database.aws_db_instance.this',
    );
    // The profile takes the policy's spelling and names what the policy does not define.
    const profile = await request(server).get(`${base}/profile`).expect(200);
    expect(profile.body.profile.complianceRequirements).toEqual([
      'Copyright_Law',
      'FI_FFFS',
    ]);
    expect(profile.body.problems).toEqual([
      expect.objectContaining({
        annotation: 'squad-insights.io/compliance-requirements',
        message: expect.stringContaining(
          'unknown compliance requirement "HIPAA"; the compliance policy defines GDPR',
        ),
      }),
    ]);
  });

  it('finds the unencrypted database, with evidence and scores', async () => {
    const server = await start();
    const res = await request(server).get(`${base}/compliance`).expect(200);
    expect(check(res.body)).toEqual(
      expect.objectContaining({ status: 'fail', severity: 'critical' }),
    );
    expect(check(res.body).evidence.map((e: any) => e.address)).toContain(
      'module.database.aws_db_instance.this',
    );
    expect(check(res.body).waiver).toBeUndefined();
    expect(res.body.stale).toBe(false);
    expect(res.body.score).toBeDefined();
    expect(res.body.frameworks.length).toBeGreaterThan(0);
  });

  it('needs credentials', async () => {
    const server = await start();
    await request(server)
      .get(`${base}/compliance`)
      .set('authorization', mockCredentials.none.header())
      .expect(401);
    await request(server)
      .post(`${base}/waivers`)
      .set('authorization', mockCredentials.none.header())
      .send({ checkId: ENCRYPTION, justification: 'x', expiresAt: inAMonth() })
      .expect(401);
  });

  it('needs the permissions to waive and to review, and audits the refusal', async () => {
    const server = await start({ result: AuthorizeResult.DENY });
    auditEvents.length = 0;
    await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(OUTSIDER))
      .send({ checkId: ENCRYPTION, justification: 'x', expiresAt: inAMonth() })
      .expect(403);
    await request(server)
      .post(`${base}/reviews`)
      .set('authorization', as(OUTSIDER))
      .send({ decision: 'approved' })
      .expect(403);
    expect(auditEvents).toEqual([
      { eventId: 'waiver-grant', outcome: 'fail' },
      { eventId: 'review-create', outcome: 'fail' },
    ]);
  });

  it('rejects a waiver without justification, with a past expiry or for an unknown check', async () => {
    const server = await start();
    const post = (body: object) =>
      request(server)
        .post(`${base}/waivers`)
        .set('authorization', as(OUTSIDER))
        .send(body);
    const missing = await post({
      checkId: ENCRYPTION,
      justification: '  ',
      expiresAt: inAMonth(),
    }).expect(400);
    expect(missing.body.error.message).toMatch(/justification/);
    const past = await post({
      checkId: ENCRYPTION,
      justification: 'x',
      expiresAt: '2020-01-01T00:00:00Z',
    }).expect(400);
    expect(past.body.error.message).toMatch(/expiresAt/);
    const unknown = await post({
      checkId: 'no.such-check',
      justification: 'x',
      expiresAt: inAMonth(),
    }).expect(400);
    expect(unknown.body.error.message).toMatch(/checkId/);
  });

  it('refuses a waiver from a member of the owning squad unless self waivers are allowed', async () => {
    const body = {
      checkId: ENCRYPTION,
      justification: 'Re-encryption scheduled for Q1',
      expiresAt: inAMonth(),
    };
    const server = await start();
    const res = await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(MEMBER))
      .send(body)
      .expect(403);
    expect(res.body.error.message).toMatch(/Separation of duties/);

    const lenient = await start({ compliance: { allowSelfWaivers: true } });
    await request(lenient)
      .post(`${base}/waivers`)
      .set('authorization', as(MEMBER))
      .send(body)
      .expect(200);
  });

  it('refuses a waiver from a member of a group nested in the owning squad, by catalog or sign-in', async () => {
    const body = {
      checkId: ENCRYPTION,
      justification: 'Re-encryption scheduled for Q1',
      expiresAt: inAMonth(),
    };
    const server = await start();
    const nested = await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(NESTED_MEMBER))
      .send(body)
      .expect(403);
    expect(nested.body.error.message).toBe(
      `Separation of duties: ${NESTED_MEMBER} is a member of group:default/rights-squad, which owns component:default/rights-ledger, and may not waive its checks`,
    );
    const signedIn = await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(SIGNED_IN_MEMBER))
      .send(body)
      .expect(403);
    expect(signedIn.body.error.message).toMatch(
      /Separation of duties: user:default\/olle is a member of group:default\/rights-squad/,
    );
    // The tribe around the squad does not own the service by default.
    await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(TRIBE_MEMBER))
      .send(body)
      .expect(200);
  });

  it("refuses a waiver from the owning squad's tribe when the scope is the tribe", async () => {
    const body = {
      checkId: ENCRYPTION,
      justification: 'Re-encryption scheduled for Q1',
      expiresAt: inAMonth(),
    };
    const server = await start({
      compliance: { separationOfDutiesScope: 'tribe' },
    });
    const res = await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(TRIBE_MEMBER))
      .send(body)
      .expect(403);
    expect(res.body.error.message).toMatch(
      /user:default\/tove is a member of the tribe group:default\/content-tribe of group:default\/rights-squad/,
    );
    await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(OUTSIDER))
      .send(body)
      .expect(200);
    await expect(
      start({ compliance: { separationOfDutiesScope: 'chapter' } }),
    ).rejects.toThrow(/separationOfDutiesScope "chapter".*squad, tribe/);
  });

  it('applies a granted waiver, and a revoked one no more while keeping its row', async () => {
    const server = await start();
    auditEvents.length = 0;
    const granted = await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(OUTSIDER))
      .send({
        checkId: ENCRYPTION,
        justification: 'Re-encryption scheduled for Q1',
        expiresAt: inAMonth(),
      })
      .expect(200);
    expect(granted.body).toEqual(
      expect.objectContaining({ status: 'active', grantedBy: OUTSIDER }),
    );
    const waived = check(
      (await request(server).get(`${base}/compliance`).expect(200)).body,
    );
    expect(waived.status).toBe('fail');
    expect(waived.waiver).toEqual(
      expect.objectContaining({ reason: 'Re-encryption scheduled for Q1' }),
    );

    await request(server)
      .post(`${base}/waivers/${granted.body.id}/revoke`)
      .set('authorization', as(OUTSIDER))
      .send({ reason: 'Risk no longer accepted' })
      .expect(200);
    expect(
      check((await request(server).get(`${base}/compliance`).expect(200)).body)
        .waiver,
    ).toBeUndefined();
    const list = (await request(server).get(`${base}/waivers`).expect(200)).body
      .items;
    expect(list).toEqual([
      expect.objectContaining({
        id: granted.body.id,
        status: 'revoked',
        revokedBy: OUTSIDER,
        revokeReason: 'Risk no longer accepted',
      }),
    ]);
    expect(auditEvents).toEqual([
      { eventId: 'waiver-grant', outcome: 'success' },
      { eventId: 'waiver-revoke', outcome: 'success' },
    ]);
  });

  describe('stored results', () => {
    const evaluations = jest.spyOn(
      ComplianceService.prototype,
      'evaluateEntity',
    );
    afterAll(() => evaluations.mockRestore());
    const get = async (server: Awaited<ReturnType<typeof start>>) =>
      (await request(server).get(`${base}/compliance`).expect(200)).body;

    it('serves the evaluation stored when the facts were read, without evaluating per request', async () => {
      const server = await start();
      evaluations.mockClear();
      const first = await get(server);
      const second = await get(server);
      expect(evaluations).not.toHaveBeenCalled();
      expect(second).toEqual(first);
      expect(check(first).status).toBe('fail');
      // The time of the evaluation, not of the request.
      expect(Date.parse(first.evaluatedAt)).toBeLessThan(Date.now());
    });

    it('serves the result refreshed by a waiver grant as soon as the grant returns', async () => {
      const server = await start();
      const before = await get(server);
      evaluations.mockClear();
      await request(server)
        .post(`${base}/waivers`)
        .set('authorization', as(OUTSIDER))
        .send({
          checkId: ENCRYPTION,
          justification: 'Re-encryption scheduled for Q1',
          expiresAt: inAMonth(),
        })
        .expect(200);
      expect(evaluations).toHaveBeenCalledTimes(1); // by the grant, not by the reads below
      const after = await get(server);
      expect(check(after).waiver).toEqual(
        expect.objectContaining({ reason: 'Re-encryption scheduled for Q1' }),
      );
      expect(Date.parse(after.evaluatedAt)).toBeGreaterThan(
        Date.parse(before.evaluatedAt),
      );
      await get(server);
      expect(evaluations).toHaveBeenCalledTimes(1);
    });

    it('stops applying a waiver once it expired, without any event', async () => {
      const server = await start();
      const expiresAt = new Date(Date.now() + 60_000);
      await request(server)
        .post(`${base}/waivers`)
        .set('authorization', as(OUTSIDER))
        .send({
          checkId: ENCRYPTION,
          justification: 'Until the failover drill ends',
          expiresAt: expiresAt.toISOString(),
        })
        .expect(200);
      expect(check(await get(server)).waiver).toEqual(
        expect.objectContaining({ reason: 'Until the failover drill ends' }),
      );

      // Only the calendar moves on (past the expiry); timers, sockets and the database run
      // as usual, so the test waits for nothing.
      jest.useFakeTimers({
        doNotFake: [...TIMERS_BUT_DATE],
        now: expiresAt.getTime() + 1_000,
      });
      evaluations.mockClear();
      const expired = await get(server).finally(() => jest.useRealTimers());
      expect(check(expired)).toEqual(
        expect.objectContaining({ status: 'fail' }),
      );
      expect(check(expired).waiver).toBeUndefined();
      expect(Date.parse(expired.evaluatedAt)).toBeGreaterThanOrEqual(
        expiresAt.getTime(),
      );
      // Evaluated once when the waiver expired, and stored again.
      await get(server);
      expect(evaluations).toHaveBeenCalledTimes(1);
    });
  });

  it('keeps the results a review judged when a waiver is granted later', async () => {
    const server = await start();
    const review = await request(server)
      .post(`${base}/reviews`)
      .set('authorization', as(OUTSIDER))
      .send({
        decision: 'changes_requested',
        comment: 'Encrypt the ledger database',
      })
      .expect(200);
    expect(check(review.body.snapshot).waiver).toBeUndefined();
    await request(server)
      .post(`${base}/waivers`)
      .set('authorization', as(OUTSIDER))
      .send({
        checkId: ENCRYPTION,
        justification: 'Accepted until migration',
        expiresAt: inAMonth(),
      })
      .expect(200);
    const [stored] = (await request(server).get(`${base}/reviews`).expect(200))
      .body.items;
    expect(stored).toEqual(
      expect.objectContaining({
        id: review.body.id,
        reviewer: OUTSIDER,
        decision: 'changes_requested',
      }),
    );
    expect(stored.snapshot).toEqual(review.body.snapshot);
    expect(check(stored.snapshot).waiver).toBeUndefined();
    await request(server)
      .post(`${base}/reviews`)
      .set('authorization', as(OUTSIDER))
      .send({ decision: 'lgtm' })
      .expect(400);
  });

  it('refuses to start with an invalid policy override, with the loader message', async () => {
    await expect(
      start({
        compliance: {
          policy: {
            kind: 'CompliancePolicyOverride',
            checks: [{ id: ENCRYPTION, severity: 'huge' }],
          },
        },
      }),
    ).rejects.toThrow(
      /Invalid compliance policy in app-config squadInsights\.compliance\.policy/,
    );
  });

  it('merges a policy file onto the default, and names file and line of a bad one', async () => {
    const good = join(root, 'policy.yaml');
    writeFileSync(
      good,
      `kind: CompliancePolicyOverride\nchecks:\n  - { id: ${ENCRYPTION}, severity: high }\n`,
    );
    const server = await start({ compliance: { policyFile: good } });
    expect(
      check((await request(server).get(`${base}/compliance`).expect(200)).body)
        .severity,
    ).toBe('high');

    const bad = join(root, 'bad.yaml');
    writeFileSync(
      bad,
      `kind: CompliancePolicyOverride\nchecks:\n  - { id: ${ENCRYPTION}, severity: huge }\n`,
    );
    await expect(start({ compliance: { policyFile: bad } })).rejects.toThrow(
      `${bad}:3`,
    );
  });
});
