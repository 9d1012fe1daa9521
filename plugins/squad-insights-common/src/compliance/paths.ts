/*
 * Attribute paths of the rule language: `storage_encrypted`, `encryption_info[0].encryption_in_transit[0].client_broker`,
 * `config["retention.ms"]`. Dots separate keys; `[n]` indexes a list (Terraform writes nested
 * blocks as lists, so `[0]` is the usual way into a block); `["…"]` quotes a key that itself
 * contains dots or brackets, as Kafka config keys do. Paths are parsed once, at load time.
 */

/** One step of a parsed path: a map key or a list index. @public */
export type PathSegment = string | number;

const BARE = /^[^.[\]"]+/;

/**
 * Parses a path; throws an Error naming the offending position on bad syntax.
 *
 * @public
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
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
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (BARE.exec(s)?.[0] === s) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Reads a parsed path; undefined as soon as a step is missing. No copying. @public */
export function getPath(
  value: unknown,
  segments: readonly PathSegment[],
): unknown {
  let current = value;
  for (let i = 0; i < segments.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segments[i]];
  }
  return current;
}
