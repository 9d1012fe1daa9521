import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { squadInsightsPlugin } from './plugin';
import { ComplianceService } from './services/ComplianceService';
import { quietLocalSource } from './__testUtils__/testConfig';

jest.setTimeout(60_000);

const demo = resolve(__dirname, '../../../demo/terraform');
/** Added by the test's policy override, so the test does not depend on the default policy. */
const ERASURE = 'test.erasure';
const MAX_DAYS = 30;
const CARD_VAULT = 'test.card-vault';
const MEMBER = 'user:default/rita';
const OUTSIDER = 'user:default/carl';
const CREATE = 'squad-insights.compliance.attestation.create';

const policy = {
  kind: 'CompliancePolicyOverride',
  checks: [
    {
      id: ERASURE,
      title: 'Personal data is erased on request',
      rationale: 'No state shows that erasure requests are honoured',
      severity: 'high',
      controls: ['baseline/residency'],
      remediation: 'Have a reviewer attest the erasure procedure',
      appliesTo: ['service'],
      attested: { maxValidityDays: MAX_DAYS },
    },
    {
      // Its framework applies to every service, its `when` only to payment data.
      id: CARD_VAULT,
      title: 'Card data is tokenised by the vault',
      rationale:
        'No state shows how card numbers are handled in the application',
      severity: 'high',
      controls: ['baseline/residency'],
      remediation: 'Have a reviewer attest the tokenisation flow',
      appliesTo: ['service'],
      when: { classifications: ['financial'] },
      attested: { maxValidityDays: MAX_DAYS },
    },
  ],
};

// The mock catalog does not process entities, so derived relations are written out here.
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'rights-squad', namespace: 'default' },
    spec: { type: 'squad', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'rights-ledger',
      namespace: 'default',
      annotations: {
        'squad-insights.io/data-classification': 'internal',
        'squad-insights.io/compliance-requirements':
          'Copyright_Law,Music_Rights',
        'squad-insights.io/terraform-state':
          'demo:rights-ledger/terraform.tfstate',
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
];

const base = '/api/squad-insights/entities/default/component/rights-ledger';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const valid = () => ({
  checkId: ERASURE,
  statement:
    'Erasure requests are executed within 30 days by the erase-user job',
  evidenceUrl: 'https://wiki.example.com/rights/gdpr-erasure',
  expiresAt: inDays(20),
});

describe('attestations API', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'si-attestations-'));
    mkdirSync(join(root, 'rights-ledger'));
    copyFileSync(
      join(demo, 'rights-ledger/terraform.tfstate'),
      join(root, 'rights-ledger/terraform.tfstate'),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const auditEvents: Array<{
    eventId: string;
    outcome: string;
    meta?: object;
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => ({
      success: async options =>
        void auditEvents.push({
          eventId,
          outcome: 'success',
          meta: options?.meta,
        }),
      fail: async () => void auditEvents.push({ eventId, outcome: 'fail' }),
    }),
  });

  /** `allow`: the permissions granted; everything else is denied. */
  async function start(
    options: { allow?: string[]; compliance?: object } = {},
  ) {
    const allow = new Set(
      options.allow ?? [
        CREATE,
        'squad-insights.compliance.attestation.revoke',
        'squad-insights.facts.refresh',
      ],
    );
    const { server } = await startTestBackend({
      features: [
        squadInsightsPlugin,
        catalogServiceMock.factory({ entities }),
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
              compliance: { policy, ...options.compliance },
            },
          },
        }),
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              // Reading is not what these tests are about: always allowed.
              result:
                allow.has(r.permission.name) ||
                r.permission.name === 'squad-insights.compliance.read'
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            })),
        }).factory,
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return { userEntityRef, ownershipEntityRefs: [userEntityRef] };
          },
        }).factory,
      ],
    });
    if (allow.has('squad-insights.facts.refresh')) {
      await request(server).post(`${base}/refresh`).expect(200);
    }
    return server;
  }

  const as = (ref: string) => mockCredentials.user.header(ref);
  const check = (body: any) =>
    body.checks.find((c: any) => c.checkId === ERASURE);
  const compliance = async (server: Awaited<ReturnType<typeof start>>) =>
    (await request(server).get(`${base}/compliance`).expect(200)).body;

  it('awaits attestation, then passes with the attestation once attested, and audits it', async () => {
    const server = await start();
    const before = check(await compliance(server));
    expect(before).toEqual(
      expect.objectContaining({
        status: 'unknown',
        attested: true,
        reason: 'awaiting attestation by a reviewer',
      }),
    );
    const listed = (
      await request(server).get(`${base}/attestations`).expect(200)
    ).body;
    expect(listed).toEqual({
      items: [],
      // The default policy's attested checks (GDPR erasure, PSD2 SCA, …) are listed beside it.
      checks: expect.arrayContaining([
        {
          checkId: ERASURE,
          title: 'Personal data is erased on request',
          maxValidityDays: MAX_DAYS,
          controls: ['baseline/residency'],
        },
      ]),
    });

    auditEvents.length = 0;
    const body = valid();
    const made = await request(server)
      .post(`${base}/attestations`)
      .set('authorization', as(OUTSIDER))
      .send(body)
      .expect(200);
    expect(made.body).toEqual(
      expect.objectContaining({
        status: 'current',
        attestedBy: OUTSIDER,
        checkId: ERASURE,
        evidenceUrl: body.evidenceUrl,
      }),
    );
    // The stored result is refreshed by the write, not at the next scheduled pass.
    const after = check(await compliance(server));
    expect(after.status).toBe('pass');
    expect(after.attestation).toEqual({
      attestedBy: OUTSIDER,
      attestedAt: made.body.attestedAt,
      expiresAt: new Date(body.expiresAt).toISOString(),
      statement: body.statement,
      evidenceUrl: body.evidenceUrl,
    });
    expect(auditEvents).toEqual([
      {
        eventId: 'attestation-create',
        outcome: 'success',
        meta: { attestationId: made.body.id, expiresAt: made.body.expiresAt },
      },
    ]);
  });

  it('rejects bad input with 400s naming the field', async () => {
    const server = await start();
    const post = (patch: object) =>
      request(server)
        .post(`${base}/attestations`)
        .set('authorization', as(OUTSIDER))
        .send({ ...valid(), ...patch })
        .expect(400);
    const message = async (patch: object) =>
      (await post(patch)).body.error.message;

    expect(await message({ statement: '   ' })).toMatch(
      /^statement is required/,
    );
    expect(await message({ evidenceUrl: undefined })).toMatch(
      /^evidenceUrl must be an http or https URL/,
    );
    expect(
      await message({ evidenceUrl: 'ftp://files.example.com/erasure.pdf' }),
    ).toMatch(/^evidenceUrl must be an http or https URL/);
    expect(await message({ evidenceUrl: 'see the wiki' })).toMatch(
      /^evidenceUrl/,
    );
    expect(await message({ expiresAt: 'next year' })).toBe(
      'expiresAt must be a date-time',
    );
    expect(await message({ expiresAt: '2020-01-01T00:00:00Z' })).toBe(
      'expiresAt must be in the future',
    );
    expect(await message({ expiresAt: inDays(MAX_DAYS + 1) })).toMatch(
      new RegExp(
        `^expiresAt must be at most ${MAX_DAYS} days ahead \\(attested.maxValidityDays of ${ERASURE}\\)`,
      ),
    );
    expect(await message({ checkId: 'no.such-check' })).toBe(
      'checkId "no.such-check" is not a check of the policy',
    );
    expect(await message({ checkId: 'encryption.rds-storage' })).toMatch(
      /^checkId encryption.rds-storage is not an attested check of the policy/,
    );
    expect(
      (await request(server).get(`${base}/attestations`).expect(200)).body
        .items,
    ).toEqual([]);
  });

  it('refuses to attest a check that does not apply to the service, saying why', async () => {
    const server = await start();
    const refuse = async (checkId: string) =>
      (
        await request(server)
          .post(`${base}/attestations`)
          .set('authorization', as(OUTSIDER))
          .send({ ...valid(), checkId })
          .expect(400)
      ).body.error.message;
    // The rights ledger declares copyright and music rights only: PSD2 does not apply.
    expect(await refuse('psd2.strong-customer-authentication')).toBe(
      'checkId psd2.strong-customer-authentication does not apply to component:default/rights-ledger: PSD2 applies when the service declares PSD2',
    );
    // The framework applies, but the check's `when` does not match the internal data it holds.
    expect(await refuse(CARD_VAULT)).toBe(
      `checkId ${CARD_VAULT} does not apply to component:default/rights-ledger: applies when the service holds financial data`,
    );
    expect(
      (await request(server).get(`${base}/attestations`).expect(200)).body
        .items,
    ).toEqual([]);
    // The same service may attest a check that does apply to it.
    await request(server)
      .post(`${base}/attestations`)
      .set('authorization', as(OUTSIDER))
      .send(valid())
      .expect(200);
  });

  it('needs the permissions to attest and to revoke, and audits the refusals', async () => {
    const server = await start({ allow: [] });
    auditEvents.length = 0;
    const refused = await request(server)
      .post(`${base}/attestations`)
      .set('authorization', as(OUTSIDER))
      .send(valid())
      .expect(403);
    expect(refused.body.error.message).toMatch(
      /^You may not attest compliance controls of component:default\//,
    );
    await request(server)
      .post(`${base}/attestations/some-id/revoke`)
      .set('authorization', as(OUTSIDER))
      .send({})
      .expect(403);
    await request(server)
      .post(`${base}/attestations`)
      .set('authorization', mockCredentials.none.header())
      .send(valid())
      .expect(401);
    expect(auditEvents).toEqual([
      { eventId: 'attestation-create', outcome: 'fail' },
      { eventId: 'attestation-revoke', outcome: 'fail' },
    ]);

    // Attesting does not bring revoking with it.
    const attestOnly = await start({ allow: [CREATE] });
    const made = await request(attestOnly)
      .post(`${base}/attestations`)
      .set('authorization', as(OUTSIDER))
      .send(valid())
      .expect(200);
    await request(attestOnly)
      .post(`${base}/attestations/${made.body.id}/revoke`)
      .set('authorization', as(OUTSIDER))
      .expect(403);
  });

  it('applies separation of duties as waivers do', async () => {
    const server = await start();
    const res = await request(server)
      .post(`${base}/attestations`)
      .set('authorization', as(MEMBER))
      .send(valid())
      .expect(403);
    expect(res.body.error.message).toBe(
      `Separation of duties: ${MEMBER} is a member of group:default/rights-squad, which owns component:default/rights-ledger, and may not attest its controls`,
    );
    const lenient = await start({ compliance: { allowSelfWaivers: true } });
    await request(lenient)
      .post(`${base}/attestations`)
      .set('authorization', as(MEMBER))
      .send(valid())
      .expect(200);
  });

  it('revokes an attestation once, keeping its row; the check awaits attestation again', async () => {
    const server = await start();
    const made = await request(server)
      .post(`${base}/attestations`)
      .set('authorization', as(OUTSIDER))
      .send(valid())
      .expect(200);
    auditEvents.length = 0;
    const revoked = await request(server)
      .post(`${base}/attestations/${made.body.id}/revoke`)
      .set('authorization', as(OUTSIDER))
      .send({ reason: 'The erase-user job was switched off' })
      .expect(200);
    expect(revoked.body).toEqual(
      expect.objectContaining({
        status: 'revoked',
        revokedBy: OUTSIDER,
        revokeReason: 'The erase-user job was switched off',
      }),
    );
    expect(check(await compliance(server))).toEqual(
      expect.objectContaining({ status: 'unknown' }),
    );
    expect(check(await compliance(server)).attestation).toBeUndefined();
    const again = await request(server)
      .post(`${base}/attestations/${made.body.id}/revoke`)
      .set('authorization', as(OUTSIDER))
      .expect(400);
    expect(again.body.error.message).toMatch(/already revoked/);
    await request(server)
      .post(`${base}/attestations/no-such-id/revoke`)
      .set('authorization', as(OUTSIDER))
      .expect(404);
    const { items } = (
      await request(server).get(`${base}/attestations`).expect(200)
    ).body;
    expect(items).toEqual([
      expect.objectContaining({ id: made.body.id, status: 'revoked' }),
    ]);
    expect(auditEvents.map(e => `${e.eventId}:${e.outcome}`)).toEqual([
      'attestation-revoke:success',
      'attestation-revoke:fail',
      'attestation-revoke:fail',
    ]);
  });

  it('fails the check once its attestation expired, without any event', async () => {
    const evaluations = jest.spyOn(
      ComplianceService.prototype,
      'evaluateEntity',
    );
    try {
      const server = await start();
      const expiresAt = new Date(Date.now() + 2_000);
      await request(server)
        .post(`${base}/attestations`)
        .set('authorization', as(OUTSIDER))
        .send({ ...valid(), expiresAt: expiresAt.toISOString() })
        .expect(200);
      expect(check(await compliance(server)).status).toBe('pass');

      await new Promise(resolveSleep =>
        setTimeout(resolveSleep, expiresAt.getTime() - Date.now() + 50),
      );
      evaluations.mockClear();
      const expired = check(await compliance(server));
      expect(expired.status).toBe('fail');
      expect(expired.attestation.expiresAt).toBe(expiresAt.toISOString());
      expect(evaluations).toHaveBeenCalledTimes(1);
      const listed = (
        await request(server).get(`${base}/attestations`).expect(200)
      ).body.items;
      expect(listed.map((a: any) => a.status)).toEqual(['expired']);
    } finally {
      evaluations.mockRestore();
    }
  });
});
