import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { InventoryBuilder } from './InventoryBuilder';
import { StateShapeError } from './StateParseError';
import { walkDocument } from './walkDocument';

/**
 * The inventory of a location that holds no state (an empty file), as Terraform treats it:
 * `ErrNoState`, not an error.
 *
 * @internal
 */
export function emptyInventory(): StateInventory {
  return { status: 'no-state', format: 'empty', resources: [], outputs: {} };
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Tells a document cut short from one with garbage in it, from `JSON.parse`'s error: V8
 * reports either "Unexpected end of JSON input" or a position; a position at (or past) the
 * last non-whitespace character means the input ran out. The message itself is never passed
 * on: V8 quotes the input in it.
 *
 * @internal
 */
export function syntaxReason(
  text: string,
  start: number,
  error: unknown,
): 'truncated' | 'not-json' {
  const opener = text.charCodeAt(start);
  if (opener !== 0x7b && opener !== 0x5b) return 'not-json'; // { or [
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/i.test(message)) return 'truncated';
  let end = text.length;
  while (end > start && isJsonWhitespace(text.charCodeAt(end - 1))) end--;
  const position = /at position (\d+)/.exec(message);
  return position && Number(position[1]) >= end ? 'truncated' : 'not-json';
}

/**
 * The fast path: one `JSON.parse` of the whole document, then the same hand-over to the
 * builder as the streaming path does.
 *
 * @internal
 */
export function parseText(
  raw: string,
  builder: InventoryBuilder,
): StateInventory {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let start = 0;
  while (start < text.length && isJsonWhitespace(text.charCodeAt(start)))
    start++;
  if (start === text.length) return emptyInventory();

  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new StateShapeError(syntaxReason(text, start, error));
  }
  if (typeof doc === 'object' && doc !== null && 'version' in doc) {
    builder.setFormatVersion(doc.version);
  }
  walkDocument(doc, builder);
  return builder.finish(doc);
}
