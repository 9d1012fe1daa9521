/*
 * Parse steps of attribute paths (`server_properties|properties["min.insync.replicas"]`): some
 * settings reach the state as one text attribute in another format, such as the Kafka broker
 * configuration of `aws_msk_configuration.server_properties` or a JSON policy document. A parse
 * step turns the text into a map so that the rest of the path reads it like any other attribute.
 */

/** The formats a path's `|name` step can read. @public */
export const PATH_PARSERS = ['properties', 'json'] as const;
/** @public */
export type PathParser = (typeof PATH_PARSERS)[number];

/**
 * Reads Java/Kafka properties text into a map of strings, as `java.util.Properties.load` does:
 * `#`/`!` comment lines, `key=value`, `key: value` or `key value`, backslash line continuations and
 * `\uXXXX`/`\t`-style escapes. One deliberate extension: a `#` after whitespace ends the value
 * (`log.retention.hours=61320  # 7 years`). Terraform examples (the design document's MSK
 * configuration among them) annotate values that way, and no broker setting legitimately holds
 * " #", whereas a reader that kept the comment would misread every annotated number as text.
 * Later lines override earlier ones, as in Kafka.
 *
 * @public
 */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the logical line.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length)
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    const sep = /^((?:[^\\=: \t\f]|\\.)*)[ \t\f]*[=: \t\f]?[ \t\f]*/.exec(
      line,
    )!;
    const key = unescape(sep[1]);
    const value = unescape(
      line.slice(sep[0].length).replace(/[ \t\f]+#.*$/, ''),
    );
    if (key) out[key] = value.replace(/[ \t\f]+$/, '');
  }
  return out;
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };
function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e.length === 5
      ? String.fromCharCode(parseInt(e.slice(1), 16))
      : ESCAPES[e] ?? e,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (yet): an unknown computed value or a typo reads as absent, like a missing key.
    return undefined;
  }
}

// The same texts are read for every check and every evaluation; parse each once. Results are
// shared, so readers must not modify them (getPath only reads).
const cache = new Map<string, unknown>();

/** Applies a parse step to a value; anything but a string reads as absent. @internal */
export function applyParser(parser: PathParser, value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  const key = `${parser}\u0000${value}`;
  if (cache.has(key)) return cache.get(key);
  const parsed =
    parser === 'properties' ? parseProperties(value) : parseJson(value);
  if (cache.size > 1_000) cache.clear();
  cache.set(key, parsed);
  return parsed;
}
