import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  squadInsightsComplianceReadPermission,
  squadInsightsComplianceReviewCreatePermission,
  squadInsightsComplianceWaiverRequestPermission,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  readSquadInsightsPolicyOptions,
  SquadInsightsPermissionPolicy,
} from './policy';
import { catalogGroupsAbove } from './reviewerAncestry';

const config = (permissions: object | undefined) =>
  new ConfigReader(
    permissions === undefined ? {} : { squadInsights: { permissions } },
  );

const user = (...ownershipEntityRefs: string[]) =>
  ({
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as PolicyQueryUser);

describe('readSquadInsightsPolicyOptions', () => {
  it('reads reviewer groups in full form, readScope catalog by default', () => {
    expect(
      readSquadInsightsPolicyOptions(
        config({ reviewerGroups: ['compliance-office', 'user:default/guest'] }),
      ),
    ).toEqual({
      reviewerGroups: ['group:default/compliance-office', 'user:default/guest'],
      readScope: 'catalog',
    });
  });

  it.each([
    [
      undefined,
      'The Squad Insights permission policy needs squadInsights.permissions.reviewerGroups',
    ],
    [
      { reviewerGroups: [] },
      'squadInsights.permissions.reviewerGroups is empty',
    ],
    [
      { reviewerGroups: ['group:'] },
      'squadInsights.permissions.reviewerGroups[0] "group:" is not an entity ref',
    ],
    [
      { reviewerGroups: ['a'], readScope: 'squad' },
      'squadInsights.permissions.readScope must be catalog or tribe, not "squad"',
    ],
    [
      { reviewerGroups: ['a'], reviewer: ['b'] },
      'Unknown key squadInsights.permissions.reviewer',
    ],
  ])('refuses %j with a message naming the key', (permissions, message) => {
    expect(() => readSquadInsightsPolicyOptions(config(permissions))).toThrow(
      message,
    );
  });
});

describe('SquadInsightsPermissionPolicy', () => {
  const policy = new SquadInsightsPermissionPolicy({
    reviewerGroups: ['group:default/compliance-office'],
    readScope: 'catalog',
  });
  const erik = user(
    'user:default/erik.johansson',
    'group:default/discovery-squad',
  );
  const karin = user(
    'user:default/karin.nilsson',
    'group:default/compliance-office',
  );

  it("leaves other plugins' permissions allowed, as allow-all did", async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(await policy.handle({ permission: catalogRead }, erik)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies an unknown or basic squad-insights permission rather than allowing it unscoped', async () => {
    const future = createPermission({
      name: 'squad-insights.something.new',
      attributes: {},
    });
    expect(await policy.handle({ permission: future }, karin)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('allows reviewers everything, denies squads decisions, scopes requests to their tribe', async () => {
    expect(
      await policy.handle(
        { permission: squadInsightsComplianceReviewCreatePermission },
        karin,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle(
        { permission: squadInsightsComplianceReviewCreatePermission },
        erik,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle(
        { permission: squadInsightsComplianceReadPermission },
        erik,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle(
        { permission: squadInsightsComplianceWaiverRequestPermission },
        erik,
      ),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [
          {
            rule: 'IS_OWNER',
            params: {
              claims: [
                'user:default/erik.johansson',
                'group:default/discovery-squad',
              ],
            },
          },
          {
            rule: 'IS_IN_TRIBE',
            params: {
              claims: [
                'user:default/erik.johansson',
                'group:default/discovery-squad',
              ],
            },
          },
        ],
      },
    });
  });

  it('lets backend-to-backend calls read but never decide', async () => {
    expect(
      await policy.handle({
        permission: squadInsightsComplianceReadPermission,
      }),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle({
        permission: squadInsightsComplianceReviewCreatePermission,
      }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});

describe('SquadInsightsPermissionPolicy with the catalog group tree', () => {
  // The mock catalog derives nothing: the childOf relations are written out.
  const group = (name: string, parent?: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', parent, children: [] },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  });
  const entities = [
    group('compliance-office'),
    group('compliance-audit', 'compliance-office'),
    group('audit-tooling', 'compliance-audit'),
    group('discovery-squad', 'commerce-tribe'),
    group('commerce-tribe'),
  ];
  const review = { permission: squadInsightsComplianceReviewCreatePermission };
  const start = (catalog = catalogServiceMock({ entities })) =>
    new SquadInsightsPermissionPolicy(
      {
        reviewerGroups: ['group:default/compliance-office'],
        readScope: 'catalog',
      },
      catalogGroupsAbove({ catalog, auth: mockServices.auth() }),
    );

  it('counts members of groups nested under a reviewer group, at any depth, as reviewers', async () => {
    const policy = start();
    for (const team of ['compliance-audit', 'audit-tooling']) {
      const member = user('user:default/lena.berg', `group:default/${team}`);
      expect(await policy.handle(review, member)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
    const squad = user(
      'user:default/erik.johansson',
      'group:default/discovery-squad',
    );
    expect(await policy.handle(review, squad)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('does not make anyone a reviewer when the catalog cannot be read', async () => {
    const catalog = catalogServiceMock({ entities });
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('catalog down'));
    const member = user(
      'user:default/lena.berg',
      'group:default/compliance-audit',
    );
    expect(await start(catalog).handle(review, member)).toEqual({
      result: AuthorizeResult.DENY,
    });
    // A direct member needs no catalog read.
    const karin = user(
      'user:default/karin.nilsson',
      'group:default/compliance-office',
    );
    expect(await start(catalog).handle(review, karin)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('reads a claim set from the catalog once per minute, not on every check', async () => {
    const catalog = catalogServiceMock({ entities });
    const reads = jest.spyOn(catalog, 'getEntitiesByRefs');
    let now = 0;
    const groupsAbove = catalogGroupsAbove({
      catalog,
      auth: mockServices.auth(),
      now: () => now,
    });
    const refs = ['user:default/lena.berg', 'group:default/audit-tooling'];
    expect([...(await groupsAbove(refs))]).toEqual([
      'group:default/audit-tooling',
      'group:default/compliance-audit',
      'group:default/compliance-office',
    ]);
    const first = reads.mock.calls.length;
    await groupsAbove([...refs].reverse());
    expect(reads.mock.calls.length).toBe(first);
    now = 60_001;
    await groupsAbove(refs);
    expect(reads.mock.calls.length).toBe(2 * first);
  });

  it('reads a claim set again once the catalog scan announces changes', async () => {
    const catalog = catalogServiceMock({ entities });
    const reads = jest.spyOn(catalog, 'getEntitiesByRefs');
    const groupsAbove = catalogGroupsAbove({
      catalog,
      auth: mockServices.auth(),
      now: () => 0,
    });
    const refs = ['user:default/lena.berg', 'group:default/audit-tooling'];
    await groupsAbove(refs);
    const first = reads.mock.calls.length;
    await groupsAbove(refs);
    expect(reads.mock.calls.length).toBe(first);
    groupsAbove.clear();
    await groupsAbove(refs);
    expect(reads.mock.calls.length).toBe(2 * first);
  });
});
