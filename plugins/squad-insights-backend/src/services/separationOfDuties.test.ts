import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultPolicy } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ComplianceStore } from '../database/ComplianceStore';
import { ComplianceDecisionService } from './ComplianceDecisionService';
import type { ComplianceService } from './ComplianceService';
import { authorsInConflict, conflictOfInterest } from './separationOfDuties';

const now = new Date('2026-12-02T12:00:00Z');
const days = (n: number) =>
  new Date(now.getTime() + n * 86_400_000).toISOString();

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: {
    type: parent ? 'team' : 'squad',
    children: [],
    ...(parent && { parent }),
  },
});
const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
});
const service = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities = [
  group('payments-squad'),
  group('payments-api-team', 'payments-squad'),
  user('alice', ['payments-squad']), // in the owning squad
  user('bob', ['payments-api-team']), // in a group nested below it
  user('dora', []), // owns a service personally
  user('carl', ['compliance-office']), // an outsider reviewer
  group('compliance-office'),
  service('payment-processing', 'payments-squad'),
  service('dora-tools', 'user:dora'),
];
const catalog = catalogServiceMock({ entities });
const credentials = mockCredentials.service();
const conflict = (userName: string, serviceName: string) =>
  conflictOfInterest({
    catalog,
    credentials,
    entity: entities.find(e => e.metadata.name === serviceName)!,
    // As at sign-in: the user's own ref among the ownership refs, groups from the catalog.
    user: {
      userEntityRef: `user:default/${userName}`,
      ownershipEntityRefs: [`user:default/${userName}`],
    },
    scope: 'squad',
  });

describe('separation of duties', () => {
  it('finds the owners of a service: squad members, nested-group members and the owning user', async () => {
    expect(await conflict('alice', 'payment-processing')).toBe(
      'user:default/alice is a member of group:default/payments-squad, which owns component:default/payment-processing',
    );
    expect(await conflict('bob', 'payment-processing')).toMatch(
      /^user:default\/bob is a member of group:default\/payments-squad/,
    );
    expect(await conflict('dora', 'dora-tools')).toBe(
      'user:default/dora owns component:default/dora-tools',
    );
    expect(await conflict('carl', 'payment-processing')).toBeUndefined();
    expect(await conflict('alice', 'dora-tools')).toBeUndefined();
  });

  it('re-checks authors when their decisions are applied', async () => {
    const conflicts = await authorsInConflict({
      catalog,
      auth: mockServices.auth(),
      entityRef: 'component:default/payment-processing',
      authors: ['user:default/bob', 'user:default/carl'],
    });
    expect([...conflicts.keys()]).toEqual(['user:default/bob']);
  });
});

describe('ComplianceDecisionService', () => {
  const policy = defaultPolicy();
  const critical = policy.checks.find(c => c.severity === 'critical')!;
  const high = policy.checks.find(c => c.severity === 'high')!;
  function setup() {
    const inserted: unknown[] = [];
    const store = {
      insertWaiver: async (w: object) => {
        inserted.push(w);
        return { id: 'w1', ...w };
      },
      insertReview: async (r: object) => {
        inserted.push(r);
        return { id: 'r1', ...r };
      },
    } as unknown as ComplianceStore;
    const compliance = {
      policy,
      getEntityCompliance: async () => ({
        entityRef: 'component:default/payment-processing',
        checks: [],
      }),
    } as unknown as ComplianceService;
    const decisions = ComplianceDecisionService.create({
      catalog,
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      userInfo: mockServices.userInfo(),
      store,
      compliance,
      allowSelfWaivers: false,
      now: () => now,
    });
    return { decisions, inserted };
  }
  const ref = {
    kind: 'component',
    namespace: 'default',
    name: 'payment-processing',
  };
  const as = (name: string) => ({
    credentials: mockCredentials.user(`user:default/${name}`),
  });
  const waiver = (checkId: string, expiresAt: string) => ({
    checkId,
    justification: 'Fixed next quarter',
    expiresAt,
  });

  it('refuses a squad member, a nested-group member and the owning user; allows an outsider', async () => {
    const { decisions, inserted } = setup();
    for (const name of ['alice', 'bob']) {
      await expect(
        decisions.grantWaiver(ref, waiver(high.id, days(30)), as(name)),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('Separation of duties'),
      });
      await expect(
        decisions.createReview(ref, { decision: 'approved' }, as(name)),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/may not review it$/),
      });
    }
    const dora = {
      kind: 'component',
      namespace: 'default',
      name: 'dora-tools',
    };
    await expect(
      decisions.grantWaiver(dora, waiver(high.id, days(30)), as('dora')),
    ).rejects.toThrow(
      'Separation of duties: user:default/dora owns component:default/dora-tools, and may not waive its checks',
    );
    await expect(
      decisions.createReview(
        dora,
        { decision: 'changes_requested' },
        as('dora'),
      ),
    ).rejects.toThrow(/may not review it/);
    expect(inserted).toEqual([]);
    await decisions.grantWaiver(ref, waiver(high.id, days(30)), as('carl'));
    await decisions.createReview(ref, { decision: 'approved' }, as('carl'));
    expect(inserted).toHaveLength(2);
  });

  it('refuses a waiver longer than the policy allows, shorter for critical checks', async () => {
    const { decisions } = setup();
    await expect(
      decisions.grantWaiver(
        ref,
        waiver(high.id, '9999-12-31T00:00:00Z'),
        as('carl'),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^expiresAt must be at most 365 days ahead \(the policy's waiverMaxDays/,
      ),
    });
    await expect(
      decisions.grantWaiver(ref, waiver(critical.id, days(91)), as('carl')),
    ).rejects.toThrow(
      /^expiresAt must be at most 90 days ahead \(the policy's criticalWaiverMaxDays/,
    );
    await expect(
      decisions.grantWaiver(ref, waiver(critical.id, days(90)), as('carl')),
    ).resolves.toMatchObject({ id: 'w1' });
    await expect(
      decisions.grantWaiver(ref, waiver(high.id, days(365)), as('carl')),
    ).resolves.toMatchObject({ id: 'w1' });
  });
});
