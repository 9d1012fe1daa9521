import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { callerCachedCatalog } from './callerCachedCatalog';

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payment-processing', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-squad' },
};
const ALICE = mockCredentials.user('user:default/alice');
const BOB = mockCredentials.user('user:default/bob');
const REF = 'component:default/payment-processing';

function setup() {
  const inner = catalogServiceMock({ entities: [component] });
  const byRef = jest.spyOn(inner, 'getEntityByRef');
  const byRefs = jest.spyOn(inner, 'getEntitiesByRefs');
  let clock = 0;
  const catalog = callerCachedCatalog(inner, {
    ttlMs: 5_000,
    now: () => clock,
  });
  return { catalog, byRef, byRefs, tick: (ms: number) => (clock += ms) };
}

describe('callerCachedCatalog', () => {
  it("answers the same caller's repeated lookup from memory within the TTL, then asks again", async () => {
    const { catalog, byRef, tick } = setup();
    await catalog.getEntityByRef(REF, { credentials: ALICE });
    const again = await catalog.getEntityByRef(REF, { credentials: ALICE });
    expect(again?.metadata.name).toBe('payment-processing');
    expect(byRef).toHaveBeenCalledTimes(1);
    tick(5_001);
    await catalog.getEntityByRef(REF, { credentials: ALICE });
    expect(byRef).toHaveBeenCalledTimes(2);
  });

  it('never reuses one caller’s answer for another: the catalog decides what each may see', async () => {
    const { catalog, byRef } = setup();
    await catalog.getEntityByRef(REF, { credentials: ALICE });
    await catalog.getEntityByRef(REF, { credentials: BOB });
    expect(byRef).toHaveBeenCalledTimes(2);
  });

  it('does not remember a miss, so a newly registered entity shows at once', async () => {
    const { catalog, byRef } = setup();
    expect(
      await catalog.getEntityByRef('component:default/new-service', {
        credentials: ALICE,
      }),
    ).toBeUndefined();
    await catalog.getEntityByRef('component:default/new-service', {
      credentials: ALICE,
    });
    expect(byRef).toHaveBeenCalledTimes(2);
  });

  it('remembers a batch only when every entity was found', async () => {
    const { catalog, byRefs } = setup();
    const found = { entityRefs: [REF] };
    const partly = { entityRefs: [REF, 'group:default/gone'] };
    await catalog.getEntitiesByRefs(found, { credentials: ALICE });
    await catalog.getEntitiesByRefs(found, { credentials: ALICE });
    await catalog.getEntitiesByRefs(partly, { credentials: ALICE });
    await catalog.getEntitiesByRefs(partly, { credentials: ALICE });
    expect(byRefs).toHaveBeenCalledTimes(3);
  });

  it('passes every other call straight through', async () => {
    const { catalog } = setup();
    const { items } = await catalog.getEntities(
      { filter: { kind: 'component' } },
      { credentials: ALICE },
    );
    expect(items.map(e => e.metadata.name)).toEqual(['payment-processing']);
  });
});
