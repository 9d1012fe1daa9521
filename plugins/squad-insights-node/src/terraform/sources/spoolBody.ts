import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a body to a private temporary file while hashing it, up to `maxBytes`, and returns
 * its sha256, its size and `open`, a stream over the file that deletes it once closed (a caller
 * that does not open it calls `discard`). For servers
 * that send no ETag: the marker (the hash) must be known before the body is parsed, and
 * spooling to disk rather than to memory keeps memory bounded for a state of any size.
 *
 * @internal
 */
export async function spoolBody(
  body: Readable,
  maxBytes: number,
  onExceeded: () => Error,
): Promise<{
  sha256: string;
  size: number;
  open: () => Readable;
  discard: () => void;
}> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'si-state-'));
  const file = path.join(dir, 'body');
  const remove = () => fs.rm(dir, { recursive: true, force: true }, () => {});
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      body,
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) return callback(onExceeded());
          hash.update(chunk);
          return callback(null, chunk);
        },
      }),
      // 0600: the state may hold secrets until it is parsed.
      fs.createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    remove();
    throw error;
  }
  return {
    sha256: hash.digest('hex'),
    size,
    open: () => {
      const stream = fs.createReadStream(file);
      stream.once('close', remove);
      return stream;
    },
    discard: remove,
  };
}
