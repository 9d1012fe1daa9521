import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { callerCachedPermissions } from './callerCachedPermissions';

const read = createPermission({
  name: 'squad-insights.compliance.read',
  attributes: { action: 'read' },
  resourceType: 'squad-insights-compliance-record',
});
const review = createPermission({
  name: 'squad-insights.compliance.review.create',
  attributes: { action: 'create' },
  resourceType: 'squad-insights-compliance-record',
});
const ALICE = mockCredentials.user('user:default/alice');
const BOB = mockCredentials.user('user:default/bob');
const REF = 'component:default/payment-processing';

function setup(decide: (user: string) => AuthorizeResult) {
  const inner = mockServices.permissions();
  const authorize = jest
    .spyOn(inner, 'authorize')
    .mockImplementation(async (requests, { credentials }) =>
      requests.map(() => ({
        result: decide(
          (credentials.principal as { userEntityRef: string }).userEntityRef,
        ) as AuthorizeResult.ALLOW | AuthorizeResult.DENY,
      })),
    );
  let clock = 0;
  const permissions = callerCachedPermissions(inner, {
    permissionNames: [read.name],
    ttlMs: 5_000,
    now: () => clock,
  });
  const ask = (credentials = ALICE, permission = read, resourceRef = REF) =>
    permissions
      .authorize([{ permission, resourceRef }], { credentials })
      .then(([d]) => d.result);
  return {
    ask,
    authorize,
    permissions,
    tick: (ms: number) => (clock += ms),
  };
}

describe('callerCachedPermissions', () => {
  it("reuses a caller's ALLOW on the same record within the TTL, then asks again", async () => {
    const { ask, authorize, tick } = setup(() => AuthorizeResult.ALLOW);
    expect(await ask()).toBe(AuthorizeResult.ALLOW);
    tick(5_000);
    expect(await ask()).toBe(AuthorizeResult.ALLOW);
    expect(authorize).toHaveBeenCalledTimes(1);
    tick(1);
    await ask();
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('never reuses a decision for another caller or another record', async () => {
    const { ask, authorize } = setup(user =>
      user === 'user:default/alice'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    expect(await ask()).toBe(AuthorizeResult.ALLOW);
    expect(await ask(BOB)).toBe(AuthorizeResult.DENY);
    await ask(ALICE, read, 'component:default/rights-ledger');
    expect(authorize).toHaveBeenCalledTimes(3);
  });

  it('asks again after a refusal, so a granted permission shows at once', async () => {
    let result: AuthorizeResult = AuthorizeResult.DENY;
    const { ask, authorize } = setup(() => result);
    expect(await ask()).toBe(AuthorizeResult.DENY);
    result = AuthorizeResult.ALLOW;
    expect(await ask()).toBe(AuthorizeResult.ALLOW);
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('passes other permissions and batches straight through', async () => {
    const { ask, authorize, permissions } = setup(() => AuthorizeResult.ALLOW);
    await ask(ALICE, review);
    await ask(ALICE, review);
    expect(authorize).toHaveBeenCalledTimes(2);
    const batch = [
      { permission: read, resourceRef: REF },
      { permission: read, resourceRef: 'component:default/rights-ledger' },
    ];
    await permissions.authorize(batch, { credentials: ALICE });
    await permissions.authorize(batch, { credentials: ALICE });
    expect(authorize).toHaveBeenCalledTimes(4);
  });

  describe('authorizeConditional', () => {
    function conditional(decide: (user: string) => AuthorizeResult) {
      const inner = mockServices.permissions();
      const spy = jest
        .spyOn(inner, 'authorizeConditional')
        .mockImplementation(async (requests, { credentials }) =>
          requests.map(() => {
            const result = decide(
              (credentials.principal as { userEntityRef: string })
                .userEntityRef,
            );
            return result === AuthorizeResult.CONDITIONAL
              ? {
                  result,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: {
                    rule: 'IS_ENTITY_OWNER',
                    resourceType: 'catalog-entity',
                    params: { claims: ['group:default/x'] },
                  },
                }
              : { result: result as AuthorizeResult.ALLOW };
          }),
        );
      let clock = 0;
      const permissions = callerCachedPermissions(inner, {
        permissionNames: [read.name],
        ttlMs: 5_000,
        now: () => clock,
      });
      const ask = (credentials = ALICE, permission = read) =>
        permissions
          .authorizeConditional([{ permission }], { credentials })
          .then(([d]) => d.result);
      return { ask, spy, tick: (ms: number) => (clock += ms) };
    }

    it("reuses a caller's unconditional ALLOW within the TTL, then asks again", async () => {
      const { ask, spy, tick } = conditional(() => AuthorizeResult.ALLOW);
      expect(await ask()).toBe(AuthorizeResult.ALLOW);
      tick(5_000);
      expect(await ask()).toBe(AuthorizeResult.ALLOW);
      expect(spy).toHaveBeenCalledTimes(1);
      tick(1);
      await ask();
      expect(spy).toHaveBeenCalledTimes(2);
      await ask(BOB);
      expect(spy).toHaveBeenCalledTimes(3);
    });

    it('asks again after a conditional answer or a refusal, and for other permissions', async () => {
      let result: AuthorizeResult = AuthorizeResult.CONDITIONAL;
      const { ask, spy } = conditional(() => result);
      expect(await ask()).toBe(AuthorizeResult.CONDITIONAL);
      expect(await ask()).toBe(AuthorizeResult.CONDITIONAL);
      expect(spy).toHaveBeenCalledTimes(2);
      result = AuthorizeResult.ALLOW;
      await ask(ALICE, review);
      await ask(ALICE, review);
      expect(spy).toHaveBeenCalledTimes(4);
    });
  });
});
