import { applyParser, PATH_PARSERS, PathParser } from './parsers';

/*
 * Attribute paths of the rule language: `storage_encrypted`, `encryption_info[0].encryption_in_transit[0].client_broker`,
 * `config["retention.ms"]`, `server_properties|properties["min.insync.replicas"]`. Dots separate
 * keys; `[n]` indexes a list (Terraform writes nested blocks as lists, so `[0]` is the usual way
 * into a block); `["…"]` quotes a key that itself contains dots or brackets, as Kafka config keys
 * do; `|properties` / `|json` parse a text attribute (see parsers.ts) so the path can go on into
 * it. Paths are parsed once, at load time, so a bad step or an unknown parser fails the policy.
 */

/** One step of a parsed path: a map key or a list index. @public */
export type PathSegment = string | number;

/** A step of a parsed attribute path: a key, an index, or a parse of the text found so far. @public */
export type PathStep = PathSegment | { parse: PathParser };

const BARE = /^[^.[\]"|]+/;

/**
 * Parses a path; throws an Error naming the offending position on bad syntax.
 *
 * @public
 */
export function parsePath(path: string): PathStep[] {
  const out: PathStep[] = [];
  let i = 0;
  let expectKey = true;
  while (i < path.length) {
    const rest = path.slice(i);
    if (rest.startsWith('[')) {
      const index = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
      if (index) out.push(Number(index[1]));
      else if (quoted) out.push(JSON.parse(`"${quoted[1]}"`));
      else
        throw new Error(
          `bad path "${path}": expected [n] or ["key"] at position ${i}`,
        );
      i += (index ?? quoted)![0].length;
      expectKey = false;
    } else if (rest.startsWith('|') && !expectKey) {
      const name = /^\|([a-z]*)/.exec(rest)![1];
      if (!(PATH_PARSERS as readonly string[]).includes(name))
        throw new Error(
          `bad path "${path}": unknown parser "|${name}" at position ${i}; parsers are ${PATH_PARSERS.map(
            p => `|${p}`,
          ).join(', ')}`,
        );
      out.push({ parse: name as PathParser });
      i += name.length + 1;
    } else if (rest.startsWith('.') && !expectKey) {
      i += 1;
      expectKey = true;
      if (i === path.length)
        throw new Error(`bad path "${path}": ends with "."`);
    } else {
      const bare = expectKey ? BARE.exec(rest) : null;
      if (!bare)
        throw new Error(
          `bad path "${path}": unexpected "${rest[0]}" at position ${i}`,
        );
      out.push(bare[0]);
      i += bare[0].length;
      expectKey = false;
    }
  }
  if (out.length === 0) throw new Error('empty path');
  return out;
}

/** Writes segments back in the syntax {@link parsePath} reads, for evidence. @public */
export function formatPath(segments: readonly PathStep[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'object') out += `|${s.parse}`;
    else if (typeof s === 'number') out += `[${s}]`;
    else if (BARE.exec(s)?.[0] === s) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Reads a parsed path; undefined as soon as a step is missing. No copying (parsed texts are
 * cached and shared).
 *
 * @public
 */
export function getPath(
  value: unknown,
  segments: readonly PathStep[],
): unknown {
  let current = value;
  for (let i = 0; i < segments.length; i++) {
    const step = segments[i];
    if (typeof step === 'object') {
      current = applyParser(step.parse, current);
      continue;
    }
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
