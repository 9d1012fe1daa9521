import { Readable } from 'node:stream';
import { v4Resource, v4State } from './parse/__testUtils__/states';
import type { StateSource } from './sources/types';
import { TerraformStateReader } from './TerraformStateReader';

/** A source serving `count` resources in 4 KiB chunks, logging each chunk it serves. */
function chunkedSource(events: string[], count = 400) {
  const resources = Array.from({ length: count }, (_, i) =>
    v4Resource({ type: 'aws_s3_bucket', name: `b${i}` }, { bucket: `b${i}` }),
  );
  const bytes = Buffer.from(JSON.stringify(v4State(resources)));
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
  return TerraformStateReader.create({ sources: new Map([['mem', source]]) });
}

const tick = () => new Promise(resolve => setTimeout(resolve, 5));

describe('TerraformStateReader.readEach with an asynchronous consumer', () => {
  it('reads no further while a write is pending, and returns after the last one', async () => {
    const events: string[] = [];
    const reader = chunkedSource(events, 4000);
    let pending = 0;
    let mostChunksWhilePending = 0;
    let written = 0;
    const result = await reader.readEach('mem:big.tfstate', {
      streamingThresholdBytes: 0,
      onResource: () => {
        // Every 50th resource completes a "batch" whose write takes a while.
        if (++written % 50 !== 0) return undefined;
        pending++;
        const chunksBefore = events.length;
        return tick().then(() => {
          mostChunksWhilePending = Math.max(
            mostChunksWhilePending,
            events.length - chunksBefore,
          );
          pending--;
        });
      },
    });
    expect(result.resourceCount).toBe(4000);
    expect(pending).toBe(0);
    expect(events.length).toBeGreaterThan(100);
    // While a batch is written the gate holds the source: at most what the source itself
    // reads ahead (Readable.from buffers 16 chunks) is served, never the rest of the state.
    expect(mostChunksWhilePending).toBeLessThanOrEqual(17);
  });

  it('fails with the consumer’s error when a write fails', async () => {
    const reader = chunkedSource([]);
    let calls = 0;
    await expect(
      reader.readEach('mem:big.tfstate', {
        streamingThresholdBytes: 0,
        onResource: () =>
          ++calls === 120
            ? Promise.reject(new Error('database is gone'))
            : undefined,
      }),
    ).rejects.toThrow('database is gone');
    // It stopped soon after: the source was not drained into a consumer that already failed.
    expect(calls).toBeLessThan(400);
  });

  it('waits for writes of states parsed whole too', async () => {
    const reader = chunkedSource([]);
    let done = 0;
    await reader.readEach('mem:big.tfstate', {
      onResource: () => tick().then(() => void done++),
    });
    expect(done).toBe(400);
  });
});
