import { InputError } from '@backstage/errors';
import { itCorpus } from '../../__testUtils__/corpus';
import { corpusContext, readCorpus } from './__testUtils__/corpus';
import {
  parseBoth,
  TEST_CONTEXT,
  v4Resource,
  v4State,
} from './__testUtils__/states';
import { parseState } from './parseState';
import { StateParseError } from './StateParseError';

const reasonOf = (doc: unknown) =>
  parseBoth(doc).then(
    () => 'parsed',
    (e: StateParseError) => e.reason,
  );

describe('StateParseError', () => {
  it('is an InputError (a router answers 400) carrying source, key and reason', async () => {
    const envelope = {
      encryption_version: 'v0',
      meta: {},
      encrypted_data: 'ZmFrZQ==',
    };
    const error = await parseBoth(envelope).catch(e => e);
    expect(error).toBeInstanceOf(StateParseError);
    expect(error).toBeInstanceOf(InputError);
    expect(error.name).toBe('InputError');
    expect(StateParseError.isStateParseError(error)).toBe(true);
    expect(StateParseError.isStateParseError(new Error('x'))).toBe(false);
    expect(error).toMatchObject({
      sourceId: 'demo',
      key: 'payments/terraform.tfstate',
      reason: 'encrypted',
    });
    expect(error.message).toBe(
      'Terraform state demo:payments/terraform.tfstate is encrypted with OpenTofu state encryption; configure decryption or point at an unencrypted state',
    );
  });

  it.each([
    [
      'format version 5',
      { version: 5, resources: [] },
      'unknown-version',
      'format version 5',
    ],
    ['format version 0', { version: 0 }, 'unknown-version', 'format version 0'],
    [
      'a missing version',
      { serial: 1, resources: [] },
      'unknown-version',
      'no format version',
    ],
    [
      'a version that is a string',
      { version: '4' },
      'unknown-version',
      undefined,
    ],
    [
      'show -json format 2',
      { format_version: '2.0' },
      'unknown-version',
      'show -json format 2.0',
    ],
    ['a JSON array', [], 'corrupt', undefined],
    ['a JSON string', '"state"', 'corrupt', undefined],
    [
      'resources that are not a list',
      { version: 4, resources: {} },
      'corrupt',
      undefined,
    ],
    [
      'a resource with an unknown mode',
      v4State([v4Resource({ type: 'aws_vpc', mode: 'weird' })]),
      'corrupt',
      undefined,
    ],
    [
      'an instance with an invalid index key',
      v4State([
        v4Resource({ type: 'aws_vpc', instances: [{ index_key: true }] }),
      ]),
      'corrupt',
      undefined,
    ],
    [
      'modules that are not a list',
      { version: 3, modules: {} },
      'corrupt',
      undefined,
    ],
    ['not JSON', 'hello', 'not-json', undefined],
    ['garbage after the document', '{"version": 4}}', 'not-json', undefined],
  ])('refuses %s', async (_, doc, reason, detail) => {
    const error = await parseBoth(
      typeof doc === 'string' ? doc : JSON.stringify(doc),
    ).catch(e => e);
    expect(error.reason).toBe(reason);
    expect(error.message).toContain('demo:payments/terraform.tfstate');
    expect(error.message).toContain(detail ?? '');
  });

  it('names the first bad resource of several, on both paths', async () => {
    // The fast path reads `resources[]` from the end; the error must still be the first one's.
    const doc = v4State([
      v4Resource({ type: 'aws_vpc' }),
      v4Resource({ type: 'aws_vpc', name: 'a', mode: 'weird' }),
      v4Resource({
        type: 'aws_vpc',
        name: 'b',
        instances: [{ index_key: true }],
      }),
    ]);
    const error = await parseBoth(doc).catch(e => e);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('a resource has an unknown mode');
    expect(error.message).not.toContain('index key');
  });

  it('tells a truncated state from garbage wherever it was cut', async () => {
    const text = JSON.stringify(
      v4State([
        v4Resource(
          { type: 'aws_vpc' },
          { id: 'vpc-1', cidr_block: '10.0.0.0/16', n: 1.5, ok: true },
        ),
      ]),
      null,
      2,
    );
    for (let cut = 1; cut < text.length - 1; cut += 7) {
      expect(await reasonOf(text.slice(0, cut))).toBe('truncated');
    }
  });

  itCorpus(
    'reads the upstream error corpus: garbled and runaway-brace JSON are not JSON',
    async () => {
      for (const file of [
        'snyk__driftctl/pkg__iac__terraform__state__testdata__v4__invalid.tfstate',
        'hashicorp__terraform-json/testdata__invalid__state.json',
      ]) {
        await expect(
          parseState(readCorpus(file), corpusContext(file)),
        ).rejects.toMatchObject({ reason: 'not-json' });
      }
    },
  );
});

describe('states that are not errors', () => {
  it.each(['', '   \n\t ', '\uFEFF'])('reads %j as no state', async text => {
    expect(await parseBoth(text)).toEqual({
      status: 'no-state',
      format: 'empty',
      resources: [],
      outputs: {},
    });
  });

  it.each([
    [
      'format 3 with a backend',
      {
        version: 3,
        serial: 1,
        lineage: 'l',
        backend: { type: 's3', config: { bucket: 'b' }, hash: 1 },
        modules: [{ path: ['root'], outputs: {}, resources: {} }],
      },
    ],
    [
      'format 1 with remote state',
      { version: 1, serial: 1, remote: { type: 'consul', config: {} } },
    ],
  ])('reads %s as a backend config without resources', async (_, doc) => {
    expect(await parseBoth(doc)).toMatchObject({
      status: 'no-resources',
      format: 'backend-config',
      resources: [],
      outputs: {},
    });
  });

  it.each(['invalid', '999.0.0'])(
    'keeps terraform_version %j: only the format version matters',
    async version => {
      const inventory = await parseBoth(
        v4State([v4Resource({ type: 'aws_vpc' })], {
          terraform_version: version,
        }),
      );
      expect(inventory).toMatchObject({
        status: 'ok',
        format: 'v4',
        terraformVersion: version,
      });
    },
  );

  it('reads a UTF-8 byte order mark', async () => {
    const inventory = await parseBoth(`\uFEFF${JSON.stringify(v4State([]))}`);
    expect(inventory).toMatchObject({ status: 'ok', format: 'v4', serial: 7 });
  });

  it('reads a format-4 state without resources or outputs', async () => {
    expect(await parseState('{"version": 4}', TEST_CONTEXT)).toEqual({
      status: 'ok',
      format: 'v4',
      resources: [],
      outputs: {},
    });
  });
});
