import {
  findGroupsNamed,
  groupIdentityOf,
  groupNameMatches,
  normalizeGroupName,
} from './groupNames';

const payments = groupIdentityOf({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-squad', title: 'Payments Squad' },
  spec: { type: 'squad', children: [] },
});
const commerce = groupIdentityOf({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce-tribe' },
  spec: {
    type: 'tribe',
    profile: { displayName: 'Commerce & Growth' },
    children: [],
  },
});
const infra = groupIdentityOf({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-infra-squad' },
  spec: {
    type: 'squad',
    profile: { displayName: 'Platform Infrastructure Squad' },
    children: [],
  },
});

describe('group names as people write them', () => {
  it.each([
    ['Payments Squad', payments, 'squad'],
    ['payments-squad', payments, 'squad'],
    ['PAYMENTS_SQUAD', payments, 'squad'],
    ['Payments', payments, 'squad'],
    ['group:default/payments-squad', payments, 'squad'],
    ['Commerce', commerce, 'tribe'],
    ['commerce-tribe', commerce, 'tribe'],
    ['Commerce & Growth', commerce, 'tribe'],
    ['Platform Infrastructure', infra, 'squad'],
    ['platform-infra', infra, 'squad'],
  ])('"%s" names %s', (value, group, type) => {
    expect(groupNameMatches(value, group, type)).toBe(true);
  });

  it.each([
    ['Fraud Squad', payments, 'squad'],
    ['Payment', payments, 'squad'],
    ['Commerce Squad', commerce, 'tribe'],
    ['', payments, 'squad'],
  ])('"%s" does not name %s', (value, group, type) => {
    expect(groupNameMatches(value, group, type)).toBe(false);
  });

  it('keeps the type word when it is the whole name', () => {
    expect(normalizeGroupName('Squad', 'squad')).toBe('squad');
  });

  it('finds groups of one type only', () => {
    const all = [payments, commerce, infra];
    expect(findGroupsNamed('Commerce', all, 'tribe').map(g => g.ref)).toEqual([
      'group:default/commerce-tribe',
    ]);
    expect(findGroupsNamed('Commerce', all, 'squad')).toEqual([]);
    expect(findGroupsNamed('Nobody', all)).toEqual([]);
  });
});
