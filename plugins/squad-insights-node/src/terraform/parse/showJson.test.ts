import { itCorpus } from '../../__testUtils__/corpus';
import { corpusContext, readCorpus } from './__testUtils__/corpus';
import { parseBoth } from './__testUtils__/states';
import { parseState } from './parseState';

const entry = (address: string, extra: Record<string, unknown> = {}) => {
  const local = address
    .replace(/^(module\.[^.]+(\[[^\]]+\])?\.)+/, '')
    .replace(/\[.*\]$/, '');
  const [type, name] = local.replace(/^data\./, '').split('.');
  return {
    address,
    mode: local.startsWith('data.') ? 'data' : 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values: { id: address },
    sensitive_values: {},
    ...extra,
  };
};

describe('terraform show -json', () => {
  it('reads child modules recursively, grouping instances by resource', async () => {
    const inventory = await parseBoth({
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        outputs: {
          url: { sensitive: false, value: 'https://x' },
          key: { sensitive: true, value: 'k' },
        },
        root_module: {
          resources: [
            entry('aws_s3_bucket.logs["eu"]', { index: 'eu' }),
            entry('aws_s3_bucket.logs["us"]', { index: 'us' }),
          ],
          child_modules: [
            {
              // Terraform writes a module's address after its resources.
              resources: [entry('module.a.data.aws_ami.x')],
              child_modules: [
                {
                  resources: [
                    entry('module.a.module.b["k"].aws_sqs_queue.q[0]', {
                      index: 0,
                    }),
                  ],
                  address: 'module.a.module.b["k"]',
                },
              ],
              address: 'module.a',
            },
          ],
        },
      },
    });
    expect(inventory).toMatchObject({
      status: 'ok',
      format: 'show-json',
      terraformVersion: '1.9.5',
    });
    expect(inventory.outputs).toEqual({
      url: { sensitive: false, value: 'https://x' },
      key: { sensitive: true },
    });
    expect(
      inventory.resources.map(r => [
        r.address,
        r.module,
        r.mode,
        r.instances.map(i => i.address),
      ]),
    ).toEqual([
      [
        'aws_s3_bucket.logs',
        undefined,
        'managed',
        ['aws_s3_bucket.logs["eu"]', 'aws_s3_bucket.logs["us"]'],
      ],
      [
        'module.a.data.aws_ami.x',
        'module.a',
        'data',
        ['module.a.data.aws_ami.x'],
      ],
      [
        'module.a.module.b["k"].aws_sqs_queue.q',
        'module.a.module.b["k"]',
        'managed',
        ['module.a.module.b["k"].aws_sqs_queue.q[0]'],
      ],
    ]);
  });

  itCorpus(
    'takes the module from the enclosing module when an old Terraform left it out',
    async () => {
      const file = 'hashicorp__terraform-json/testdata__has_changes__plan.json';
      const inventory = await parseState(readCorpus(file), corpusContext(file));
      expect(
        inventory.resources.find(r => r.module === 'module.foo')?.address,
      ).toBe('module.foo.null_resource.foo');
    },
  );

  it('reads the prior state of a plan, not its planned values', async () => {
    const inventory = await parseBoth({
      format_version: '1.2',
      planned_values: {
        root_module: { resources: [entry('aws_sqs_queue.planned')] },
      },
      resource_changes: [{ address: 'aws_sqs_queue.planned' }],
      prior_state: {
        format_version: '1.0',
        terraform_version: '1.8.0',
        values: {
          root_module: { resources: [entry('aws_sqs_queue.existing')] },
        },
      },
    });
    expect(inventory.terraformVersion).toBe('1.8.0');
    expect(inventory.resources.map(r => r.address)).toEqual([
      'aws_sqs_queue.existing',
    ]);
  });

  it('drops what sensitive_values marks and short provider names are completed', async () => {
    const inventory = await parseBoth({
      format_version: '0.1',
      values: {
        root_module: {
          resources: [
            entry('aws_db_instance.db', {
              provider_name: 'aws',
              values: {
                id: 'db',
                engine: 'postgres',
                custom: 'hidden',
                list: ['a', 'hidden'],
                block: [{ note: 'hidden', keep: 1 }],
              },
              sensitive_values: {
                custom: true,
                list: [false, true],
                block: [{ note: true }],
              },
            }),
          ],
        },
      },
    });
    const [resource] = inventory.resources;
    expect(resource.provider).toBe('registry.terraform.io/hashicorp/aws');
    expect(resource.instances[0].attributes).toEqual({
      id: 'db',
      engine: 'postgres',
      list: ['a', null],
      block: [{ keep: 1 }],
    });
  });

  it('skips deposed objects', async () => {
    const inventory = await parseBoth({
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            entry('aws_instance.a'),
            entry('aws_instance.a', { deposed_key: '00000001' }),
          ],
        },
      },
    });
    expect(inventory.resources[0].instances).toHaveLength(1);
  });

  it.each([
    ['show -json without a state', { format_version: '1.0' }],
    [
      'a plan made before any state existed',
      { format_version: '1.2', planned_values: {} },
    ],
  ])('reports no-state for %s', async (_, doc) => {
    expect(await parseBoth(doc)).toEqual({
      status: 'no-state',
      format: 'show-json',
      resources: [],
      outputs: {},
    });
  });

  itCorpus(
    'reads the corpus checks state with for_each keys in a child module',
    async () => {
      const file = 'hashicorp__terraform-json/testdata__has_checks__state.json';
      const inventory = await parseState(readCorpus(file), corpusContext(file));
      expect(
        inventory.resources[0].instances.map(i => [i.address, i.indexKey]),
      ).toEqual([
        ['module.files.local_file.foo["file1.txt"]', 'file1.txt'],
        ['module.files.local_file.foo["file2.txt"]', 'file2.txt'],
      ]);
      expect(inventory.resources[0].instances[0].attributes).not.toHaveProperty(
        'sensitive_content',
      );
    },
  );
});
