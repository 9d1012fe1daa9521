import { ConfigReader } from '@backstage/config';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  squadInsightsComplianceReadPermission,
  squadInsightsComplianceReviewCreatePermission,
  squadInsightsComplianceWaiverRequestPermission,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { readSquadInsightsPolicyOptions, SquadInsightsPermissionPolicy } from './policy';

const config = (permissions: object | undefined) =>
  new ConfigReader(permissions === undefined ? {} : { squadInsights: { permissions } });

const user = (...ownershipEntityRefs: string[]) =>
  ({ info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs } }) as PolicyQueryUser;

describe('readSquadInsightsPolicyOptions', () => {
  it('reads reviewer groups in full form, readScope catalog by default', () => {
    expect(readSquadInsightsPolicyOptions(config({ reviewerGroups: ['compliance-office', 'user:default/guest'] }))).toEqual({
      reviewerGroups: ['group:default/compliance-office', 'user:default/guest'],
      readScope: 'catalog',
    });
  });

  it.each([
    [undefined, 'The Squad Insights permission policy needs squadInsights.permissions.reviewerGroups'],
    [{ reviewerGroups: [] }, 'squadInsights.permissions.reviewerGroups is empty'],
    [{ reviewerGroups: ['group:'] }, 'squadInsights.permissions.reviewerGroups[0] "group:" is not an entity ref'],
    [{ reviewerGroups: ['a'], readScope: 'squad' }, 'squadInsights.permissions.readScope must be catalog or tribe, not "squad"'],
    [{ reviewerGroups: ['a'], reviewer: ['b'] }, 'Unknown key squadInsights.permissions.reviewer'],
  ])('refuses %j with a message naming the key', (permissions, message) => {
    expect(() => readSquadInsightsPolicyOptions(config(permissions))).toThrow(message);
  });
});

describe('SquadInsightsPermissionPolicy', () => {
  const policy = new SquadInsightsPermissionPolicy({
    reviewerGroups: ['group:default/compliance-office'],
    readScope: 'catalog',
  });
  const erik = user('user:default/erik.johansson', 'group:default/discovery-squad');
  const karin = user('user:default/karin.nilsson', 'group:default/compliance-office');

  it("leaves other plugins' permissions allowed, as allow-all did", async () => {
    const catalogRead = createPermission({ name: 'catalog.entity.read', attributes: { action: 'read' }, resourceType: 'catalog-entity' });
    expect(await policy.handle({ permission: catalogRead }, erik)).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies an unknown or basic squad-insights permission rather than allowing it unscoped', async () => {
    const future = createPermission({ name: 'squad-insights.something.new', attributes: {} });
    expect(await policy.handle({ permission: future }, karin)).toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows reviewers everything, denies squads decisions, scopes requests to their tribe', async () => {
    expect(await policy.handle({ permission: squadInsightsComplianceReviewCreatePermission }, karin)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policy.handle({ permission: squadInsightsComplianceReviewCreatePermission }, erik)).toEqual({ result: AuthorizeResult.DENY });
    expect(await policy.handle({ permission: squadInsightsComplianceReadPermission }, erik)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policy.handle({ permission: squadInsightsComplianceWaiverRequestPermission }, erik)).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [
          { rule: 'IS_OWNER', params: { claims: ['user:default/erik.johansson', 'group:default/discovery-squad'] } },
          { rule: 'IS_IN_TRIBE', params: { claims: ['user:default/erik.johansson', 'group:default/discovery-squad'] } },
        ],
      },
    });
  });

  it('lets backend-to-backend calls read but never decide', async () => {
    expect(await policy.handle({ permission: squadInsightsComplianceReadPermission })).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policy.handle({ permission: squadInsightsComplianceReviewCreatePermission })).toEqual({ result: AuthorizeResult.DENY });
  });
});
