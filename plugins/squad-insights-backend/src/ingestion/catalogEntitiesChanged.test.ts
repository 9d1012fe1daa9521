import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { StateBindingPolicy } from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';
import { clearOnCatalogChanges } from '../events/clearOnCatalogChanges';
import { DomainEvents } from '../events/DomainEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import { callerCachedCatalog } from '../services/callerCachedCatalog';
import { CatalogGroupDirectory } from '../services/CatalogGroupDirectory';
import { CatalogScanner } from './CatalogScanner';

const ALICE = mockCredentials.user('user:default/alice');

function entity(
  kind: string,
  name: string,
  etag: string,
  spec: JsonObject = {},
  title?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', etag, ...(title && { title }) },
    spec,
  };
}

const service = (etag: string, owner = 'group:default/team-a') =>
  entity('Component', 'payments', etag, { type: 'service', owner });
const team = (name: string, etag: string, title?: string) =>
  entity('Group', name, etag, { type: 'squad', children: [] }, title);
const alice = (etag: string, memberOf: string) =>
  entity('User', 'alice', etag, { memberOf: [memberOf] });

/**
 * A catalog whose entities a test replaces between passes, counting the reads that reach it.
 * No entity names a Terraform state, so the scanner stores nothing.
 */
function changingCatalog(initial: Entity[]) {
  let current = catalogServiceMock({ entities: initial });
  const reads = { getEntityByRef: 0, getEntities: 0 };
  const client = new Proxy(current, {
    get: (_target, prop) => {
      if (prop === 'getEntityByRef' || prop === 'getEntities') reads[prop]++;
      const value = Reflect.get(current, prop, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    client: client as CatalogService,
    reads,
    set(entities: Entity[]) {
      current = catalogServiceMock({ entities });
    },
  };
}

function setup(initial: Entity[]) {
  const catalog = changingCatalog(initial);
  const events = new DomainEvents<SquadInsightsEvents>(
    mockServices.logger.mock(),
  );
  const published: SquadInsightsEvents['catalog-entities-changed'][] = [];
  const scanner = CatalogScanner.create({
    catalog: catalog.client,
    auth: mockServices.auth(),
    reader: { resolve: () => ({ sourceId: 'none', key: 'none' }) },
    store: { setEntityStates: async () => {} } as unknown as FactsStore,
    bindings: {
      decideState: () => ({ allowed: false }),
    } as unknown as Pick<StateBindingPolicy, 'decideState'>,
    events,
  });
  return { catalog, events, published, scanner };
}

describe('catalog changes seen by the scanner', () => {
  it('announces the services, groups and users that appeared, changed or left since the previous pass', async () => {
    const { catalog, events, published, scanner } = setup([
      service('s1'),
      team('team-a', 'a1'),
      team('team-b', 'b1'),
      alice('u1', 'group:default/team-a'),
    ]);
    await events.subscribe('catalog-entities-changed', e => {
      published.push(e);
    });

    // The first pass of a process has nothing to compare with.
    await scanner.scan();
    expect(published).toEqual([]);

    catalog.set([
      service('s1'),
      team('team-a', 'a2', 'Team A'), // renamed: a new etag
      alice('u2', 'group:default/team-a'), // e.g. a relation changed
      entity('User', 'bob', 'v1'),
      // team-b left
    ]);
    await scanner.scan();
    expect(published).toHaveLength(1);
    expect([...published[0].entityRefs].sort()).toEqual([
      'group:default/team-a',
      'group:default/team-b',
      'user:default/alice',
      'user:default/bob',
    ]);

    catalog.set([
      service('s2', 'group:default/team-b'), // a service's owner changed
      team('team-a', 'a2', 'Team A'),
      alice('u2', 'group:default/team-a'),
      entity('User', 'bob', 'v1'),
    ]);
    await scanner.scan();
    expect(published.at(-1)).toEqual({
      entityRefs: ['component:default/payments'],
    });

    // A pass that sees no change announces nothing.
    const before = published.length;
    await scanner.scan();
    expect(published).toHaveLength(before);
  });

  it('clears cached lookups on the announcement, so the next lookup reads the catalog again', async () => {
    const { catalog, events, scanner } = setup([
      service('s1'),
      team('team-a', 'a1', 'Team A'),
      team('team-b', 'b1', 'Team B'),
      alice('u1', 'group:default/team-a'),
    ]);
    // Wired as features/facts.ts wires them. The clock never moves: only the event can
    // make these caches read again.
    const clearOn = clearOnCatalogChanges(events);
    const pageCatalog = callerCachedCatalog(catalog.client, {
      now: () => 0,
      clearOn,
    });
    const groups = CatalogGroupDirectory.create({
      catalog: catalog.client,
      auth: mockServices.auth(),
      now: () => 0,
    });
    clearOn(() => groups.clear());
    const memberOf = async () =>
      (
        await pageCatalog.getEntityByRef('user:default/alice', {
          credentials: ALICE,
        })
      )?.spec?.memberOf;
    const titleOfTeamA = async () =>
      (await groups.list())?.find(g => g.ref === 'group:default/team-a')?.names;

    await scanner.scan();
    expect(await memberOf()).toEqual(['group:default/team-a']);
    expect(await titleOfTeamA()).toEqual(['Team A']);
    const byRefReads = catalog.reads.getEntityByRef;

    // Alice moves to team-b and team-a is renamed; until a pass sees it, the caches answer.
    catalog.set([
      service('s1'),
      team('team-a', 'a2', 'Squad Alpha'),
      team('team-b', 'b1', 'Team B'),
      alice('u2', 'group:default/team-b'),
    ]);
    expect(await memberOf()).toEqual(['group:default/team-a']);
    expect(await titleOfTeamA()).toEqual(['Team A']);
    expect(catalog.reads.getEntityByRef).toBe(byRefReads);

    await scanner.scan();
    expect(await memberOf()).toEqual(['group:default/team-b']);
    expect(await titleOfTeamA()).toEqual(['Squad Alpha']);
    expect(catalog.reads.getEntityByRef).toBe(byRefReads + 1);
  });
});
