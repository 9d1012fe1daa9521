/*
 * Shows how the table in `src/terraform/parse/providerSensitive.ts` is made: it reads provider
 * schema sources fetched by hand into a directory (not committed: provider code stays out of
 * this repository) and prints the attributes each marks sensitive, with where each came from,
 * as the body of that table.
 *
 *   node --import tsx scripts/extractSensitiveAttributes.ts <dir-of-fetched-files>
 *
 * Each fetched file starts with a line naming its source (`// source: <repo> <path> @ <commit>`
 * or `<!-- source: … -->`), optionally followed by a note in parentheses (e.g. that the file
 * is an excerpt). Three kinds are understood:
 * - Go schemas of terraform-plugin-sdk and terraform-plugin-framework (`.go`): every
 *   `"attr": { … Sensitive: true … }` or `"attr": schema.StringAttribute{ … Sensitive: true … }`,
 *   nested ones (inside an `Elem` or `Attributes` of another) as `block.attr`. The resource
 *   type comes from `// @SDKResource("type", …)` (AWS) or else from the file name
 *   `resource_<type>.go` in the source path (GitHub, Kubernetes);
 * - the JSON that `terraform providers schema -json` prints for one resource type
 *   (`.schema.json`: `{ "block": { "attributes": { "attr": { "sensitive": true } },
 *   "block_types": { … } } }`), the type taken from the source path `…/<type>.json`;
 * - the schema pages tfplugindocs generates (`.md`: `# type (Resource)` or
 *   `# Resource: type`, then `` - `attr` (String, Sensitive) ``, nested ones under
 *   `` ### Nested Schema for `block` ``).
 */
import fs from 'node:fs';
import path from 'node:path';

type Entry = { attributes: string[]; source: string };

/** The source line's `<repo> <path> @ <commit>`, without any note in parentheses. */
function sourceOf(text: string): string {
  const first = text.split('\n', 1)[0];
  const m = /source:\s*(.+?)\s*(?:\(.*\))?\s*(?:-->)?\s*$/.exec(first);
  if (!m) throw new Error('first line must name the source');
  return m[1];
}

/** The path inside the repository named by the source line. */
function sourcePath(source: string): string {
  return source.split(/\s+/)[1] ?? '';
}

/** Skips a Go string literal or comment starting at `i`; returns the index after it. */
function skipGoLiteral(text: string, i: number): number {
  const ch = text[i];
  if (ch === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (ch === '`') {
    const end = text.indexOf('`', i + 1);
    return end === -1 ? text.length : end + 1;
  }
  if (ch === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i;
}

/**
 * Go (plugin SDK or framework): the path of named blocks (`"name": … {`) around every
 * `Sensitive: true` that sits directly in one of them. Braces are matched, strings and
 * comments skipped, so `ConflictsWith: []string{…}` or a `{` in a description do not confuse it.
 */
function sensitiveGoPaths(text: string): string[] {
  const found: string[] = [];
  const open: Array<{ name: string | undefined; depth: number }> = [];
  let depth = 0;
  const key = /^"([A-Za-z0-9_]+)":\s*(?:[&\w.[\]*]+)?\s*\{/;
  const sensitive = /^Sensitive:\s*true\b/;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"') {
      const m = key.exec(text.slice(i, i + 200));
      if (m) {
        depth++;
        open.push({ name: m[1], depth });
        i += m[0].length;
        continue;
      }
    }
    const after = skipGoLiteral(text, i);
    if (after !== i) {
      i = after;
      continue;
    }
    if (ch === '{') {
      depth++;
      open.push({ name: undefined, depth });
    } else if (ch === '}') {
      while (open.length && open[open.length - 1].depth >= depth) open.pop();
      depth--;
    } else if (ch === 'S' && sensitive.test(text.slice(i, i + 30))) {
      const top = open[open.length - 1];
      if (top?.name && top.depth === depth) {
        found.push(open.flatMap(o => (o.name ? [o.name] : [])).join('.'));
      }
    }
    i++;
  }
  return found;
}

function fromGo(text: string, source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const type =
    /@SDKResource\("([a-z0-9_]+)"/.exec(text)?.[1] ??
    /(?:^|\/)resource_([a-z0-9_]+)\.go$/.exec(sourcePath(source))?.[1];
  if (!type) return out;
  const attrs = sensitiveGoPaths(text.slice(text.indexOf('\n') + 1));
  if (attrs.length) out.set(type, attrs);
  return out;
}

type SchemaBlock = {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, { block?: SchemaBlock }>;
};
type SchemaAttribute = {
  sensitive?: boolean;
  nested_type?: { attributes?: Record<string, SchemaAttribute> };
};

function walkJsonBlock(
  block: SchemaBlock | undefined,
  prefix: string,
  out: string[],
) {
  for (const [name, attr] of Object.entries(block?.attributes ?? {})) {
    if (attr.sensitive) out.push(prefix + name);
    if (attr.nested_type)
      walkJsonBlock(attr.nested_type, `${prefix}${name}.`, out);
  }
  for (const [name, nested] of Object.entries(block?.block_types ?? {})) {
    walkJsonBlock(nested.block, `${prefix}${name}.`, out);
  }
}

/** `terraform providers schema -json`, one resource type's entry. */
function fromSchemaJson(text: string, source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const type = /(?:^|\/)([a-z0-9_]+)\.json$/.exec(sourcePath(source))?.[1];
  if (!type) return out;
  const doc = JSON.parse(text.slice(text.indexOf('\n') + 1)) as {
    block?: SchemaBlock;
  };
  const attrs: string[] = [];
  walkJsonBlock(doc.block, '', attrs);
  if (attrs.length) out.set(type, attrs);
  return out;
}

/** tfplugindocs: `- \`attr\` (Type, Sensitive)`, nested under `### Nested Schema for \`x\``. */
function fromDocs(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const title =
    /^# (?:([a-z0-9_]+) \((?:Resource|Data Source)\)|Resource: ([a-z0-9_]+))\s*$/m.exec(
      text,
    );
  const type = title?.[1] ?? title?.[2];
  if (!type) return out;
  const attrs: string[] = [];
  let prefix = '';
  for (const line of text.split('\n')) {
    const nested = /^### Nested Schema for `([a-z0-9_.]+)`/.exec(line);
    if (nested) prefix = `${nested[1]}.`;
    const attr = /^- `([a-z0-9_]+)` \([^)]*\bSensitive\b[^)]*\)/.exec(line);
    if (attr) attrs.push(prefix + attr[1]);
  }
  if (attrs.length) out.set(type, attrs);
  return out;
}

function extract(file: string, text: string): Map<string, string[]> {
  const source = sourceOf(text);
  if (file.endsWith('.go')) return fromGo(text, source);
  if (file.endsWith('.json')) return fromSchemaJson(text, source);
  return fromDocs(text);
}

function main(dir: string) {
  const table: Record<string, Entry> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [type, attributes] of extract(file, text)) {
      const unique = [...new Set(attributes)].sort();
      table[type] = { attributes: unique, source: sourceOf(text) };
    }
  }
  for (const type of Object.keys(table).sort()) {
    const { attributes, source } = table[type];
    process.stdout.write(
      `  // ${source}\n  ${type}: ${JSON.stringify(attributes)},\n`,
    );
  }
  process.stderr.write(`${Object.keys(table).length} resource types\n`);
}

main(process.argv[2] ?? '.');
