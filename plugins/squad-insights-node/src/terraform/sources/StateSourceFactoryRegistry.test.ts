import { ConfigReader } from '@backstage/config';
import { Readable } from 'node:stream';
import { builtInStateSourceFactories } from './builtInStateSourceFactories';
import { createStateSources } from './createStateSources';
import type { StateSourceFactory } from './StateSourceFactory';
import { StateSourceFactoryRegistry } from './StateSourceFactoryRegistry';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;
const config = (sources: JsonObject[]) =>
  new ConfigReader({ squadInsights: { terraform: { sources } } });

/** A module's type: states held in its config entry, keyed by key (no dots: config paths). */
const inline: StateSourceFactory = {
  type: 'inline',
  create(entry) {
    const states = entry.getConfig('states');
    return {
      id: entry.getString('id'),
      type: 'inline',
      marker: async key => (states.has(key) ? 'v1' : undefined),
      read: async key =>
        states.has(key)
          ? { marker: 'v1', body: Readable.from([states.getString(key)]) }
          : undefined,
    };
  },
};

const withInline = () =>
  new StateSourceFactoryRegistry([...builtInStateSourceFactories(), inline]);

describe('state source factories', () => {
  it('builds sources of a registered type from their config entries, next to built-ins', async () => {
    const sources = createStateSources(
      config([
        { id: 'disk', type: 'local', root: '/var/lib/terraform' },
        { id: 'mem', type: 'inline', states: { prod: '{"v":4}' } },
      ]),
      { registry: withInline() },
    );
    expect([...sources].map(([id, s]) => [id, s.type])).toEqual([
      ['disk', 'local'],
      ['mem', 'inline'],
    ]);
    const mem = sources.get('mem')!;
    await expect(mem.marker('prod')).resolves.toBe('v1');
    await expect(mem.marker('dev')).resolves.toBeUndefined();
    const read = await mem.read('prod');
    const chunks: Buffer[] = [];
    for await (const chunk of read!.body) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe('{"v":4}');
  });

  it('names the registered types when an entry has an unknown one', () => {
    expect(() =>
      createStateSources(config([{ id: 'x', type: 'ftp' }]), {
        registry: withInline(),
      }),
    ).toThrow(
      'Unknown Terraform state source type "ftp" at squadInsights.terraform.sources[0].type; expected one of local, http, s3, hcp, consul, inline',
    );
  });

  it('puts the config path in front of a factory error', () => {
    expect(() =>
      createStateSources(config([{ id: 'mem', type: 'inline' }]), {
        registry: withInline(),
      }),
    ).toThrow(
      "Invalid Terraform state source at squadInsights.terraform.sources[0]: Missing required config value at 'squadInsights.terraform.sources[0].states'",
    );
  });

  it('refuses a source whose id or type is not that of its entry', () => {
    const registry = new StateSourceFactoryRegistry([
      {
        type: 'sloppy',
        create: () =>
          inline.create(
            config([{ id: 'other', states: {} }]).getConfigArray(
              'squadInsights.terraform.sources',
            )[0],
            { rootConfig: new ConfigReader({}) },
          ),
      },
    ]);
    expect(() =>
      createStateSources(config([{ id: 'mine', type: 'sloppy' }]), {
        registry,
      }),
    ).toThrow(
      'Invalid Terraform state source at squadInsights.terraform.sources[0]: the "sloppy" factory returned a source with id "other" and type "inline"; expected id "mine" and type "sloppy"',
    );
  });

  it('registers a type once, so a module cannot replace a built-in', () => {
    const registry = new StateSourceFactoryRegistry(
      builtInStateSourceFactories(),
    );
    expect(() => registry.add({ ...inline, type: 'local' })).toThrow(
      'Terraform state source type "local" is registered twice; each type can have one factory',
    );
    expect(() => registry.add({ ...inline, type: 'no:colon' })).toThrow(
      'Invalid Terraform state source type "no:colon"',
    );
    expect(registry.types).toEqual(['local', 'http', 's3', 'hcp', 'consul']);
  });
});
