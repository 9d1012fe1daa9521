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
  const list = jest.spyOn(inner, 'getEntities');
  let clock = 0;
  const catalog = callerCachedCatalog(inner, {
    ttlMs: 5_000,
    now: () => clock,
  });
  return {
    catalog,
    byRef,
    byRefs,
    list,
    tick: (ms: number) => (clock += ms),
  };
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

  it('reads an answer asked for late in its TTL anew in the background, never serving one older than the TTL', async () => {
    const { catalog, byRef, tick } = setup();
    const read = () => catalog.getEntityByRef(REF, { credentials: ALICE });
    await read();
    tick(2_500);
    await read();
    expect(byRef).toHaveBeenCalledTimes(1);
    tick(1);
    expect((await read())?.metadata.name).toBe('payment-processing');
    expect(byRef).toHaveBeenCalledTimes(2);
    // Refreshed at 2 501: held until 7 501, refreshed again only after 5 001.
    tick(2_499);
    await read();
    expect(byRef).toHaveBeenCalledTimes(2);
    tick(5_001);
    await read();
    expect(byRef).toHaveBeenCalledTimes(3);
  });

  it('forgets an answer at once when its background read finds the entity gone', async () => {
    const { catalog, byRef, tick } = setup();
    const read = () => catalog.getEntityByRef(REF, { credentials: ALICE });
    await read();
    tick(3_000);
    byRef.mockResolvedValueOnce(undefined);
    expect(await read()).toBeDefined();
    await new Promise(resolve => setImmediate(resolve));
    expect(await read()).toBeDefined();
    expect(byRef).toHaveBeenCalledTimes(3);
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

  it('remembers a filtered list per caller and request, but not an empty one', async () => {
    const { catalog, list, tick } = setup();
    const components = { filter: { kind: 'component' } };
    const read = (request: object, credentials = ALICE) =>
      catalog.getEntities(request, { credentials });
    expect((await read(components)).items.map(e => e.metadata.name)).toEqual([
      'payment-processing',
    ]);
    await read(components);
    expect(list).toHaveBeenCalledTimes(1);
    await read(components, BOB);
    await read({ filter: { kind: 'group' } });
    await read({ filter: { kind: 'group' } });
    expect(list).toHaveBeenCalledTimes(4);
    tick(5_001);
    await read(components);
    expect(list).toHaveBeenCalledTimes(5);
  });

  it('forgets every answer when the catalog changed, and keeps no read that was running then', async () => {
    const inner = catalogServiceMock({ entities: [component] });
    const byRef = jest.spyOn(inner, 'getEntityByRef');
    let clear!: () => void;
    // The clock never moves: only clearing makes it read again.
    const catalog = callerCachedCatalog(inner, {
      now: () => 0,
      clearOn: c => (clear = c),
    });
    const read = () => catalog.getEntityByRef(REF, { credentials: ALICE });
    await read();
    await read();
    expect(byRef).toHaveBeenCalledTimes(1);

    clear();
    await read();
    expect(byRef).toHaveBeenCalledTimes(2);

    // Cleared while a read runs: that read answers its caller, but is not the kept answer.
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    byRef.mockImplementationOnce(async (...args) => {
      await held;
      return catalogServiceMock({ entities: [component] }).getEntityByRef(
        ...args,
      );
    });
    clear();
    const running = read();
    clear();
    release();
    expect((await running)?.metadata.name).toBe('payment-processing');
    await read();
    expect(byRef).toHaveBeenCalledTimes(4);
  });

  it('passes every other call straight through', async () => {
    const { catalog } = setup();
    const { facets } = await catalog.getEntityFacets(
      { facets: ['kind'] },
      { credentials: ALICE },
    );
    expect(facets.kind).toEqual([{ value: 'Component', count: 1 }]);
  });
});
