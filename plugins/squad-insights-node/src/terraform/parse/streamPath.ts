import type { Readable } from 'node:stream';
import Parser from 'stream-json/Parser';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { emptyInventory } from './fastPath';
import type { InventoryBuilder } from './InventoryBuilder';
import { toBuffer } from './readInput';
import { JsonToken, StreamAssembler } from './StreamAssembler';
import { StateShapeError } from './StateParseError';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Parses a state incrementally with stream-json, for inputs too large to hold as one string
 * (V8 strings stop at ~512 MiB). Memory stays at one resource plus what the builder keeps.
 *
 * stream-json's own error messages are never passed on: like `JSON.parse`'s they may quote the
 * input. A syntax error raised once all input has been written means the document ended early
 * (`truncated`); one raised before means garbage (`not-json`).
 *
 * @internal
 */
export function parseStream(
  source: Readable,
  builder: InventoryBuilder,
): Promise<StateInventory> {
  const parser = new Parser({ packValues: true, streamValues: false });
  const assembler = new StreamAssembler(builder);
  let started = false;
  let first: number | undefined; // the first non-whitespace byte
  let settled = false;

  return new Promise<StateInventory>((resolve, reject) => {
    const settle = (error: unknown, result?: StateInventory) => {
      if (settled) return;
      settled = true;
      source.destroy();
      parser.destroy();
      if (result) resolve(result);
      else reject(error);
    };
    const fail = (error: unknown) => settle(error);

    parser.on('data', (token: JsonToken) => {
      if (settled) return;
      try {
        assembler.token(token);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('error', () => {
      // Nothing but whitespace: stream-json complains that it expected a value.
      if (first === undefined) return settle(undefined, emptyInventory());
      const startsLikeJson = first === 0x7b || first === 0x5b; // { or [
      const ended = parser.writableEnded;
      return fail(
        new StateShapeError(startsLikeJson && ended ? 'truncated' : 'not-json'),
      );
    });
    parser.on('end', () => {
      if (settled) return;
      try {
        settle(undefined, builder.finish(assembler.skeleton()));
      } catch (error) {
        fail(error);
      }
    });
    parser.on('drain', () => source.resume());

    source.on('data', (chunk: unknown) => {
      let bytes = toBuffer(chunk);
      if (!started && bytes.subarray(0, 3).equals(BOM))
        bytes = bytes.subarray(3);
      started = true;
      if (first === undefined) first = bytes.find(b => !JSON_WHITESPACE.has(b));
      if (!parser.write(bytes)) source.pause();
    });
    source.on('end', () => parser.end());
    source.on('error', fail);
  });
}
