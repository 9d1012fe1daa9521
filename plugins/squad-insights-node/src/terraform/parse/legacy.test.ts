import { itCorpus } from '../../__testUtils__/corpus';
import { corpusContext, readCorpus } from './__testUtils__/corpus';
import { parseBoth } from './__testUtils__/states';
import { legacyState, web } from './__testUtils__/legacyStates';
import { parseState } from './parseState';

describe('formats 1–3, upgraded like Terraform', () => {
  it('groups count instances under their resource with module paths from modules[].path', async () => {
    const inventory = await parseBoth(
      legacyState(3, [
        {
          path: ['root', 'app', 'web'],
          outputs: {},
          resources: {
            'aws_instance.web.1': web('i-1', 'eu-north-1b'),
            'aws_instance.web.0': web('i-0', 'eu-north-1a'),
            'data.aws_ami.ubuntu': {
              type: 'aws_ami',
              primary: { id: 'ami-1', attributes: {} },
            },
          },
        },
        {
          path: ['root'],
          outputs: {
            ip: { sensitive: false, type: 'string', value: '10.0.0.1' },
          },
          resources: {
            'aws_s3_bucket.logs': {
              type: 'aws_s3_bucket',
              provider: 'provider.aws.west',
              primary: { id: 'logs', attributes: { bucket: 'logs' } },
            },
          },
        },
      ]),
      { providerRegions: { 'aws.west': 'us-west-2' } },
    );

    expect(inventory).toMatchObject({
      status: 'ok',
      format: 'v3',
      serial: 3,
      lineage: 'l-1',
    });
    expect(inventory.outputs).toEqual({
      ip: { sensitive: false, value: '10.0.0.1' },
    });
    // Sorted like Terraform's normalize(): module, then mode, type, name.
    expect(inventory.resources.map(r => r.address)).toEqual([
      'aws_s3_bucket.logs',
      'module.app.module.web.data.aws_ami.ubuntu',
      'module.app.module.web.aws_instance.web',
    ]);
    const [bucket, ami, instances] = inventory.resources;
    expect(bucket.module).toBeUndefined();
    expect(bucket.provider).toBe('registry.terraform.io/hashicorp/aws');
    // A first-class id fills the empty `id` attribute, as Terraform's upgrade does.
    expect(bucket.instances[0]).toMatchObject({
      region: 'us-west-2',
      attributes: { id: 'logs' },
    });
    expect(ami).toMatchObject({
      mode: 'data',
      module: 'module.app.module.web',
      type: 'aws_ami',
    });
    expect(
      instances.instances.map(i => [i.address, i.indexKey, i.region]),
    ).toEqual([
      ['module.app.module.web.aws_instance.web[0]', 0, 'eu-north-1'],
      ['module.app.module.web.aws_instance.web[1]', 1, 'eu-north-1'],
    ]);
  });

  it('rebuilds nested attributes and tags from the flatmap', async () => {
    const inventory = await parseBoth(
      legacyState(3, [
        {
          path: ['root'],
          resources: { 'aws_instance.web': web('i-0', 'eu-north-1a') },
        },
      ]),
    );
    const instance = inventory.resources[0].instances[0];
    expect(instance.tags).toEqual({
      Name: 'web',
      'kubernetes.io/cluster/prod': 'owned',
    });
    expect(instance.attributes).toEqual({
      id: 'i-0',
      availability_zone: 'eu-north-1a',
      tags: { Name: 'web', 'kubernetes.io/cluster/prod': 'owned' },
      security_groups: ['sg-a', 'sg-b'],
      root_block_device: [{ volume_size: '8' }],
      ebs_block_device: [],
      timeouts: { create: '10m' },
    });
  });

  it('reads format 1: bare output strings, a root module without path, implied providers', async () => {
    const inventory = await parseBoth({
      version: 1,
      serial: 1,
      modules: [
        {
          outputs: { endpoint: 'db.internal' },
          resources: {
            'aws_db_instance.main': {
              type: 'aws_db_instance',
              primary: { id: 'db-1', attributes: { password: 'x' } },
            },
            'google_compute_instance.vm': {
              type: 'google_compute_instance',
              provider: 'google.eu',
              primary: { id: 'vm', attributes: { zone: 'europe-west1-b' } },
            },
          },
        },
      ],
    });
    expect(inventory.format).toBe('v1');
    expect(inventory.terraformVersion).toBeUndefined();
    expect(inventory.outputs).toEqual({
      endpoint: { sensitive: false, value: 'db.internal' },
    });
    expect(inventory.resources.map(r => [r.address, r.provider])).toEqual([
      ['aws_db_instance.main', 'registry.terraform.io/hashicorp/aws'],
      ['google_compute_instance.vm', 'registry.terraform.io/hashicorp/google'],
    ]);
    expect(inventory.resources[0].instances[0].attributes).toEqual({
      id: 'db-1',
    });
    expect(inventory.resources[1].instances[0].region).toBe('europe-west1');
  });

  it('reads format 2 maps still counted with "#" as maps', async () => {
    const inventory = await parseBoth(
      legacyState(2, [
        {
          path: ['root'],
          resources: {
            'aws_vpc.main': {
              type: 'aws_vpc',
              primary: {
                id: 'vpc-1',
                attributes: { 'tags.#': '1', 'tags.Name': 'main' },
              },
            },
          },
        },
      ]),
    );
    expect(inventory.resources[0].instances[0].tags).toEqual({ Name: 'main' });
  });

  it('keeps a resource that has only deposed objects, without instances', async () => {
    const inventory = await parseBoth(
      legacyState(3, [
        {
          path: ['root'],
          resources: {
            'aws_instance.old': {
              type: 'aws_instance',
              deposed: [{ id: 'i-9' }],
            },
          },
        },
      ]),
    );
    expect(inventory.resources).toEqual([
      expect.objectContaining({ address: 'aws_instance.old', instances: [] }),
    ]);
  });

  it.each([
    [
      'a resource key that is not an address',
      { 'not-an-address': {} },
      ['root'],
    ],
    ['a module path outside root', { 'aws_vpc.a': {} }, ['child']],
    ['an invalid module name', { 'aws_vpc.a': {} }, ['root', 'bad name']],
  ])('refuses %s as corrupt, like Terraform', async (_, resources, path) => {
    await expect(
      parseBoth(legacyState(3, [{ path, resources }])),
    ).rejects.toMatchObject({
      reason: 'corrupt',
    });
  });

  itCorpus(
    'reads the real v3 state of pulumi-terraform-bridge (TF 0.11.13)',
    async () => {
      const file =
        'pulumi__pulumi-terraform-bridge/hist-0a9ddf5__examples__localstate-nodejs__terraform.tfstate';
      const inventory = await parseState(readCorpus(file), corpusContext(file));
      const subnets = inventory.resources.find(
        r => r.address === 'aws_subnet.public',
      )!;
      expect(
        subnets.instances.map(i => [i.address, i.indexKey, i.region]),
      ).toEqual([
        ['aws_subnet.public[0]', 0, 'us-west-2'],
        ['aws_subnet.public[1]', 1, 'us-west-2'],
        ['aws_subnet.public[2]', 2, 'us-west-2'],
      ]);
      expect(inventory.outputs.public_subnet_ids.value).toHaveLength(3);
    },
  );

  itCorpus(
    'reads the real v3 state of inframap, all in module.cycloid',
    async () => {
      const file =
        'cycloidio__inframap/generate__testdata__version_3_state.json';
      const inventory = await parseState(readCorpus(file), corpusContext(file));
      expect(new Set(inventory.resources.map(r => r.module))).toEqual(
        new Set(['module.cycloid']),
      );
    },
  );
});
