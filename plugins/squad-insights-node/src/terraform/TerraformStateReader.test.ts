import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { InventoryResource } from '@squad-insights/backstage-plugin-squad-insights-common';
import { describeCorpus } from '../__testUtils__/corpus';
import { corpusRows, TERRAFORM_CORPUS } from './parse/__testUtils__/corpus';
import { expectNoCanary, secretState } from './parse/__testUtils__/secretState';
import { v4Resource, v4State } from './parse/__testUtils__/states';
import { LocalStateSource } from './sources/LocalStateSource';
import type { StateSource } from './sources/types';
import { TerraformStateReader } from './TerraformStateReader';

/** The result, or the error's name, reason and message: what read and readEach must agree on. */
async function outcome<T>(run: () => Promise<T>) {
  try {
    return { result: await run() };
  } catch (error) {
    const e = error as { name: string; reason?: string; message: string };
    return { name: e.name, reason: e.reason, message: e.message };
  }
}

/** Runs `readEach`, collecting what it hands on. */
async function readEach(
  reader: TerraformStateReader,
  reference: string,
  streamingThresholdBytes?: number,
) {
  const resources: InventoryResource[] = [];
  const summary = await reader.readEach(reference, {
    onResource: r => resources.push(r),
    streamingThresholdBytes,
  });
  return { ...summary, resources };
}

/** `read`'s answer in the shape `readEach` gives it. */
async function readWhole(reader: TerraformStateReader, reference: string) {
  const { inventory, ...rest } = await reader.read(reference);
  const { resources, ...remainder } = inventory;
  return {
    ...rest,
    inventory: remainder,
    resourceCount: resources.length,
    resources,
  };
}

describe('TerraformStateReader.readEach', () => {
  // Every corpus file, valid or broken, through both the fast and the streaming path.
  describeCorpus('over the Terraform corpus', () => {
    const corpus = TerraformStateReader.create({
      sources: new Map([
        [
          'corpus',
          LocalStateSource.create({ id: 'corpus', root: TERRAFORM_CORPUS }),
        ],
      ]),
    });

    describe.each(corpusRows().map(row => row.file))('%s', file => {
      it.each([
        ['fast', undefined],
        ['streaming', 0],
      ])(
        'hands on exactly what read returns, or fails the same way (%s)',
        async (_, threshold) => {
          const whole = await outcome(() =>
            readWhole(corpus, `corpus:${file}`),
          );
          const each = await outcome(() =>
            readEach(corpus, `corpus:${file}`, threshold),
          );
          expect(each).toEqual(whole);
          // A failure is the clear one, naming the source and key.
          const clear =
            !('message' in whole) ||
            (whole.name === 'InputError' &&
              whole.message.includes(`Terraform state corpus:${file} `));
          expect(clear).toBe(true);
        },
      );
    });
  });

  describe('over a local source', () => {
    let root: string;
    let reader: TerraformStateReader;
    const write = (key: string, text: string) =>
      fs.writeFile(path.join(root, key), text);

    beforeEach(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'si-read-each-'));
      await fs.mkdir(path.join(root, 'team'));
      reader = TerraformStateReader.create({
        sources: new Map([
          ['disk', LocalStateSource.create({ id: 'disk', root })],
        ]),
      });
    });

    afterEach(() => fs.rm(root, { recursive: true, force: true }));

    it.each([
      [
        'truncated',
        '{"version": 4, "resources": [{"mode": "managed"',
        'truncated',
      ],
      [
        'corrupt',
        JSON.stringify(v4State([{ mode: 'sideways', type: 'x', name: 'y' }])),
        'corrupt',
      ],
      [
        'unknown-version',
        JSON.stringify({ version: 9, resources: [] }),
        'unknown-version',
      ],
      ['not-json', 'terraform { backend "s3" {} }', 'not-json'],
    ])(
      'refuses a %s state naming the source and key, as read does',
      async (name, text, reason) => {
        await write(`team/${name}.tfstate`, text);
        const reference = `disk:team/${name}.tfstate`;
        for (const threshold of [undefined, 0]) {
          const error = await readEach(reader, reference, threshold).catch(
            e => e,
          );
          expect(error.name).toBe('InputError');
          expect(error.reason).toBe(reason);
          expect(error.message).toContain(`Terraform state ${reference} `);
          expect(error.message).toBe(
            (await reader.read(reference).catch(e => e)).message,
          );
        }
      },
    );

    it('gives no-state for a missing state and an empty file', async () => {
      await write('team/empty.tfstate', '');
      for (const key of ['team/missing.tfstate', 'team/empty.tfstate']) {
        const result = await readEach(reader, `disk:${key}`);
        expect(result.inventory).toEqual({
          status: 'no-state',
          format: 'empty',
          outputs: {},
        });
        expect(result.resources).toEqual([]);
        expect(result.resourceCount).toBe(0);
      }
    });

    it('never hands on a secret, on either path', async () => {
      await write('team/secrets.tfstate', JSON.stringify(secretState()));
      for (const threshold of [undefined, 0]) {
        const result = await readEach(
          reader,
          'disk:team/secrets.tfstate',
          threshold,
        );
        expect(result.resourceCount).toBeGreaterThan(5);
        const text = JSON.stringify(result);
        expectNoCanary(text);
        expect(text).toContain('"visible-17"');
      }
    });

    it('gives the marker of the state it read', async () => {
      await write('team/a.tfstate', JSON.stringify(v4State([])));
      const result = await readEach(reader, 'disk:team/a.tfstate');
      expect(result.marker).toBe(await reader.marker('disk:team/a.tfstate'));
      expect(result.inventory.status).toBe('ok');
    });
  });

  it.each([
    'corpus:../etc/passwd',
    'corpus:/etc/passwd',
    'corpus:https://example.com/state',
    'elsewhere:team/a.tfstate',
  ])('refuses %s before anything is read', async reference => {
    const read = jest.fn();
    const source: StateSource = {
      id: 'corpus',
      type: 'local',
      marker: jest.fn(),
      read,
    };
    const reader = TerraformStateReader.create({
      sources: new Map([['corpus', source]]),
    });
    const onResource = jest.fn();
    await expect(reader.readEach(reference, { onResource })).rejects.toThrow(
      /Terraform state reference/,
    );
    expect(read).not.toHaveBeenCalled();
    expect(onResource).not.toHaveBeenCalled();
  });

  it('hands resources on while the state is still being read', async () => {
    // 400 resources, served in 4 KiB chunks: resources must arrive before the last chunk is
    // served, which proves they are not collected first.
    const resources = Array.from({ length: 400 }, (_, i) =>
      v4Resource(
        { type: 'aws_s3_bucket', name: `b${i}` },
        { bucket: `b${i}`, tags: { Team: 'data' } },
      ),
    );
    const bytes = Buffer.from(JSON.stringify(v4State(resources)));
    const events: string[] = [];
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 4096) {
        events.push('chunk');
        yield bytes.subarray(i, i + 4096);
      }
    }
    const source: StateSource = {
      id: 'mem',
      type: 'http',
      marker: async () => 'etag-1',
      read: async () => ({ marker: 'etag-1', body: Readable.from(chunks()) }),
    };
    const reader = TerraformStateReader.create({
      sources: new Map([['mem', source]]),
    });

    const result = await reader.readEach('mem:team/big.tfstate', {
      onResource: () => events.push('resource'),
      streamingThresholdBytes: 0,
    });

    expect(result.resourceCount).toBe(400);
    expect(result.marker).toBe('etag-1');
    expect(events.filter(e => e === 'resource')).toHaveLength(400);
    expect(events.indexOf('resource')).toBeLessThan(
      events.lastIndexOf('chunk'),
    );
  });
});

describe('TerraformStateReader on a state several services share', () => {
  // The design document's `module "squad_microservice" { for_each = local.squad_services }`:
  // one state, one module instance per service.
  const fixtures = path.resolve(__dirname, '../conformance/__fixtures__');
  const reader = TerraformStateReader.create({
    sources: new Map([
      ['seed', LocalStateSource.create({ id: 'seed', root: fixtures })],
    ]),
  });
  const PAYMENTS =
    'seed:squad-services.tfstate#module.squad_microservice["payment-processing"]';

  it('reads only the selected module instance, on both paths, without the root outputs', async () => {
    const whole = await reader.read('seed:squad-services.tfstate');
    const instances = new Set(
      whole.inventory.resources.map(
        r => r.module?.match(/^module\.squad_microservice\["[^"]+"\]/)?.[0],
      ),
    );
    expect(instances).toEqual(
      new Set([
        'module.squad_microservice["music-discovery"]',
        'module.squad_microservice["playlist-management"]',
        'module.squad_microservice["payment-processing"]',
      ]),
    );

    const selected = await reader.read(PAYMENTS);
    expect(selected.reference.module).toBe(
      'module.squad_microservice["payment-processing"]',
    );
    expect(selected.inventory.resources.length).toBeGreaterThan(0);
    expect(selected.inventory.resources.length).toBeLessThan(
      whole.inventory.resources.length,
    );
    // The instance and the modules nested in it, nothing of the other services.
    expect(
      selected.inventory.resources.every(r =>
        r.module?.startsWith('module.squad_microservice["payment-processing"]'),
      ),
    ).toBe(true);
    expect(
      selected.inventory.resources.some(r =>
        r.module?.endsWith('.module.database'),
      ),
    ).toBe(true);
    expect(selected.inventory.outputs).toEqual({});

    const each = await readEach(reader, PAYMENTS, 0);
    expect(each.resources.map(r => r.address)).toEqual(
      selected.inventory.resources.map(r => r.address),
    );
    expect(each.resourceCount).toBe(selected.inventory.resources.length);
    expect(each.inventory.outputs).toEqual({});
  });

  it('gives an empty inventory for a module instance the state does not have', async () => {
    const none = await reader.read(
      'seed:squad-services.tfstate#module.squad_microservice["fraud-detection"]',
    );
    expect(none.inventory.resources).toEqual([]);
  });
});
