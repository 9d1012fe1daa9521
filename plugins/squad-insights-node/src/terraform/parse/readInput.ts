import { Readable } from 'node:stream';

/**
 * An input made ready for one of the two paths: the whole text, or a stream.
 *
 * @internal
 */
export type PreparedInput = { text: string } | { stream: Readable };

// V8's longest string is 2^29 - 24 UTF-16 units; a UTF-8 byte count below that is always safe.
const MAX_TEXT_BYTES = 2 ** 29 - 1024;
const CHUNK = 1024 * 1024;

function* chunksOf(buffer: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += CHUNK) {
    yield buffer.subarray(offset, offset + CHUNK);
  }
}

/**
 * A stream chunk as bytes: Buffers pass through, other byte arrays are wrapped without
 * copying, strings (a Readable with an encoding set) are encoded back to UTF-8.
 *
 * @internal
 */
export function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return Buffer.from(String(chunk), 'utf8');
}

/** Replays the chunks already read, then the rest of the source, releasing each as it goes. */
async function* replay(
  head: Buffer[],
  rest: AsyncIterator<unknown>,
): AsyncGenerator<Buffer> {
  while (head.length) yield head.shift()!;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield toBuffer(next.value);
  }
}

/**
 * Decides between the fast and the streaming path. A Buffer or string is measured; a Readable
 * of unknown size is read until it ends (fast path) or grows past the threshold (streaming,
 * replaying what was read). A caller that knows the size up front (`sizeBytes`, e.g. from a
 * Content-Length) spares the buffering of the first `threshold` bytes.
 *
 * @internal
 */
export async function prepareInput(
  input: Readable | Buffer | string,
  threshold: number,
  sizeBytes?: number,
): Promise<PreparedInput> {
  const limit = Math.min(Math.max(threshold, 0), MAX_TEXT_BYTES);
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') <= limit) return { text: input };
    return { stream: Readable.from(chunksOf(Buffer.from(input, 'utf8'))) };
  }
  if (Buffer.isBuffer(input)) {
    if (input.length <= limit) return { text: input.toString('utf8') };
    return { stream: Readable.from(chunksOf(input)) };
  }
  if (sizeBytes !== undefined && sizeBytes > limit) return { stream: input };

  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { text: Buffer.concat(head, size).toString('utf8') };
    const chunk = toBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
    if (size > limit) return { stream: Readable.from(replay(head, iterator)) };
  }
}
