import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { InventoryResource } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  corpusContext,
  corpusPath,
  corpusRows,
  readCorpus,
} from './__testUtils__/corpus';
import { describeCorpus, itCorpus } from '../../__testUtils__/corpus';
import { parseState } from './parseState';

/** The inventory, or the error's reason and message: what both paths must agree on. */
async function outcome(run: () => Promise<unknown>) {
  try {
    return { inventory: await run() };
  } catch (error) {
    const e = error as { reason?: string; message: string };
    return { reason: e.reason, message: e.message };
  }
}

const STREAM = { streamingThresholdBytes: 0 };
describe('streaming path', () => {
  describeCorpus('over the Terraform corpus', () => {
    it.each(corpusRows().map(row => row.file))(
      'gives the same result as the fast path for %s',
      async file => {
        const ctx = corpusContext(file);
        const fast = await outcome(() => parseState(readCorpus(file), ctx));
        const streamed = await outcome(() =>
          parseState(fs.createReadStream(corpusPath(file)), ctx, STREAM),
        );
        expect(streamed).toEqual(fast);
      },
    );
  });

  itCorpus(
    'streams a Readable of unknown size once it grows past the threshold',
    async () => {
      const file = 'fujiwara__tfstate-lookup/tfstate__test__terraform.tfstate';
      const bytes = readCorpus(file);
      const chunks = Array.from(
        { length: Math.ceil(bytes.length / 1000) },
        (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000),
      );
      const fast = await parseState(bytes, corpusContext(file));
      const streamed = await parseState(
        Readable.from(chunks),
        corpusContext(file),
        {
          streamingThresholdBytes: 4096,
        },
      );
      expect(streamed).toEqual(fast);
      expect(streamed.resources).toHaveLength(12);
    },
  );

  it('keeps multi-byte characters split across chunks intact', async () => {
    const state = JSON.stringify({
      version: 4,
      resources: [
        {
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'ünïcödé',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            { attributes: { id: 'b', tags: { Team: 'Zürich 🚀 チーム' } } },
          ],
        },
      ],
    });
    const bytes = Buffer.from(`\uFEFF${state}`, 'utf8');
    const oneByteChunks = Readable.from(
      Array.from(bytes, b => Buffer.from([b])),
    );
    const ctx = { sourceId: 'test', key: 'unicode' };
    const streamed = await parseState(oneByteChunks, ctx, STREAM);
    expect(streamed).toEqual(await parseState(bytes, ctx));
    expect(streamed.resources[0].instances[0].tags.Team).toBe(
      'Zürich 🚀 チーム',
    );
  });

  itCorpus('streams strings and Buffers above the threshold too', async () => {
    const file = 'cycloidio__inframap/generate__testdata__version_3_state.json';
    const text = readCorpus(file).toString('utf8');
    const fast = await parseState(text, corpusContext(file));
    expect(await parseState(text, corpusContext(file), STREAM)).toEqual(fast);
    expect(
      await parseState(Buffer.from(text), corpusContext(file), STREAM),
    ).toEqual(fast);
  });

  itCorpus(
    'streams from the first byte when the caller gives the size',
    async () => {
      const file =
        'snyk__driftctl/pkg__iac__terraform__state__test__aws_s3_full__terraform.tfstate';
      const fast = await parseState(readCorpus(file), corpusContext(file));
      const source = fs.createReadStream(corpusPath(file));
      const streamed = await parseState(source, corpusContext(file), {
        streamingThresholdBytes: 1024,
        sizeBytes: fs.statSync(corpusPath(file)).size,
      });
      expect(streamed).toEqual(fast);
    },
  );

  itCorpus.each([
    ['fast', {}],
    ['streaming', STREAM],
  ])(
    'hands resources to onResource instead of collecting them (%s)',
    async (_, options) => {
      for (const file of [
        'fujiwara__tfstate-lookup/tfstate__test__terraform.tfstate',
        'cycloidio__inframap/generate__testdata__version_3_state.json',
        'hashicorp__terraform-json/testdata__has_checks__state.json',
      ]) {
        const collected = await parseState(
          readCorpus(file),
          corpusContext(file),
        );
        const handed: InventoryResource[] = [];
        const inventory = await parseState(
          readCorpus(file),
          corpusContext(file),
          {
            ...options,
            onResource: r => handed.push(r),
          },
        );
        expect(inventory.resources).toEqual([]);
        expect(handed).toEqual(collected.resources);
        expect({ ...inventory, resources: collected.resources }).toEqual(
          collected,
        );
      }
    },
  );

  it('passes errors of the source stream on unchanged', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(
      parseState(failing, { sourceId: 's3', key: 'k' }, STREAM),
    ).rejects.toThrow('connection reset');

    async function* halfThenFail() {
      yield Buffer.from('{"version": 4, "resources": [');
      throw new Error('connection reset midway');
    }
    await expect(
      parseState(
        Readable.from(halfThenFail()),
        { sourceId: 's3', key: 'k' },
        STREAM,
      ),
    ).rejects.toThrow('connection reset midway');
  });
});
