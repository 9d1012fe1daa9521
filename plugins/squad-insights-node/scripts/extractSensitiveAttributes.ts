/*
 * Shows how `src/terraform/parse/providerSensitive.json` is made: it reads provider schema
 * sources fetched by hand into a directory (not committed: provider code stays out of this
 * repository) and prints the attributes each marks sensitive, with where each came from, as
 * the body of the table in `src/terraform/parse/providerSensitive.ts`.
 *
 *   node --import tsx scripts/extractSensitiveAttributes.ts <dir-of-fetched-files>
 *
 * Each fetched file starts with a line naming its source (`// source: <repo> <path> @ <commit>`
 * or `<!-- source: … -->`). Two kinds are understood:
 * - Go schemas of terraform-plugin-sdk (`// @SDKResource("type", …)` then `"attr": { …
 *   Sensitive: true, … }`);
 * - the schema pages tfplugindocs generates (`# type (Resource)` then
 *   `` - `attr` (String, Sensitive) ``), published by the Random, TLS, Datadog, Kubernetes,
 *   Helm and GitHub providers from the provider's own schema.
 * Nested attributes (a block's field) are printed as `block.attr`.
 */
import fs from 'node:fs';
import path from 'node:path';

type Entry = { attributes: string[]; source: string };

function sourceOf(text: string): string {
  const m = /source:\s*(.+?)\s*(?:-->)?\s*$/m.exec(text.split('\n', 1)[0]);
  if (!m) throw new Error('first line must name the source');
  return m[1];
}

/** terraform-plugin-sdk: the attribute whose `{ … }` holds `Sensitive: true`. */
function fromGo(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const type = /@SDKResource\("([a-z0-9_]+)"/.exec(text)?.[1];
  if (!type) return out;
  const attrs: string[] = [];
  const field = /"([a-z0-9_]+)":\s*\{([^{}]*)\}/g;
  for (let m = field.exec(text); m; m = field.exec(text)) {
    if (/\bSensitive:\s*true\b/.test(m[2])) attrs.push(m[1]);
  }
  if (attrs.length) out.set(type, attrs);
  return out;
}

/** tfplugindocs: `- \`attr\` (Type, Sensitive)` under `# type (Resource)`. */
function fromDocs(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const type = /^# ([a-z0-9_]+) \((?:Resource|Data Source)\)/m.exec(text)?.[1];
  if (!type) return out;
  const attrs: string[] = [];
  const line = /^- `([a-z0-9_.]+)` \([^)]*\bSensitive\b[^)]*\)/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) attrs.push(m[1]);
  if (attrs.length) out.set(type, attrs);
  return out;
}

function main(dir: string) {
  const table: Record<string, Entry> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const found = file.endsWith('.go') ? fromGo(text) : fromDocs(text);
    for (const [type, attributes] of found) {
      table[type] = { attributes: attributes.sort(), source: sourceOf(text) };
    }
  }
  for (const [type, { attributes, source }] of Object.entries(table)) {
    process.stdout.write(`  // ${source}\n  ${type}: ${JSON.stringify(attributes)},\n`);
  }
}

main(process.argv[2] ?? '.');
