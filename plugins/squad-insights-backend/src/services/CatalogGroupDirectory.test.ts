import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogGroupDirectory } from './CatalogGroupDirectory';

const group = (
  name: string,
  spec: Record<string, unknown>,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', ...(title && { title }) },
  spec: { children: [], ...spec },
});

describe('CatalogGroupDirectory', () => {
  it('lists every group with its titles, and reads the catalog again only after the TTL', async () => {
    const catalog = catalogServiceMock({
      entities: [
        group('payments-squad', { type: 'squad' }, 'Payments Squad'),
        group('commerce-tribe', {
          type: 'tribe',
          profile: { displayName: 'Commerce' },
        }),
      ],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    let now = 0;
    const directory = CatalogGroupDirectory.create({
      catalog,
      auth: mockServices.auth(),
      ttlMs: 1000,
      now: () => now,
    });

    expect(await directory.list()).toEqual(
      expect.arrayContaining([
        {
          ref: 'group:default/payments-squad',
          names: ['Payments Squad'],
          type: 'squad',
        },
        {
          ref: 'group:default/commerce-tribe',
          names: ['Commerce'],
          type: 'tribe',
        },
      ]),
    );
    now = 500;
    await directory.list();
    expect(getEntities).toHaveBeenCalledTimes(1);
    now = 1001;
    await directory.list();
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('serves the list in the second half of its TTL while reading it anew in the background', async () => {
    const catalog = catalogServiceMock({
      entities: [group('payments-squad', { type: 'squad' })],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    let now = 0;
    const directory = CatalogGroupDirectory.create({
      catalog,
      auth: mockServices.auth(),
      ttlMs: 1000,
      now: () => now,
    });
    await directory.list();
    now = 501;
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    getEntities.mockImplementationOnce(async (...args) => {
      await held;
      return catalogServiceMock({
        entities: [group('playlist-squad', { type: 'squad' })],
      }).getEntities(...args);
    });
    // Answered from memory though the new read has not answered yet.
    expect((await directory.list())?.map(g => g.ref)).toEqual([
      'group:default/payments-squad',
    ]);
    expect(getEntities).toHaveBeenCalledTimes(2);
    release();
    await getEntities.mock.results[1].value;
    // The directory takes the new list once its read has been turned into identities.
    await new Promise(resolve => setImmediate(resolve));
    // The new list, held from 501: past 1 001 it would be expired had it been kept from 0.
    now = 1001;
    expect((await directory.list())?.map(g => g.ref)).toEqual([
      'group:default/playlist-squad',
    ]);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('reads the catalog again once cleared, and an earlier background read does not bring the old list back', async () => {
    const catalog = catalogServiceMock({
      entities: [group('payments-squad', { type: 'squad' })],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    let now = 0;
    const directory = CatalogGroupDirectory.create({
      catalog,
      auth: mockServices.auth(),
      ttlMs: 1000,
      now: () => now,
    });
    await directory.list();
    directory.clear();
    await directory.list();
    expect(getEntities).toHaveBeenCalledTimes(2);

    // A background refresh (second half of the TTL) still running when the catalog changes.
    now = 600;
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    getEntities.mockImplementationOnce(async (...args) => {
      await held;
      return catalogServiceMock({
        entities: [group('stale-squad', { type: 'squad' })],
      }).getEntities(...args);
    });
    await directory.list();
    expect(getEntities).toHaveBeenCalledTimes(3);
    directory.clear();
    getEntities.mockImplementationOnce(async (...args) =>
      catalogServiceMock({
        entities: [group('playlist-squad', { type: 'squad' })],
      }).getEntities(...args),
    );
    expect((await directory.list())?.map(g => g.ref)).toEqual([
      'group:default/playlist-squad',
    ]);
    release();
    await getEntities.mock.results[2].value;
    await new Promise(resolve => setImmediate(resolve));
    expect((await directory.list())?.map(g => g.ref)).toEqual([
      'group:default/playlist-squad',
    ]);
    expect(getEntities).toHaveBeenCalledTimes(4);
  });

  it('answers undefined when the catalog cannot be read, and tries again next time', async () => {
    const catalog = catalogServiceMock({
      entities: [group('payments-squad', { type: 'squad' })],
    });
    const getEntities = jest
      .spyOn(catalog, 'getEntities')
      .mockRejectedValueOnce(new Error('catalog down'));
    const directory = CatalogGroupDirectory.create({
      catalog,
      auth: mockServices.auth(),
    });

    expect(await directory.list()).toBeUndefined();
    expect((await directory.list())?.map(g => g.ref)).toEqual([
      'group:default/payments-squad',
    ]);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});
