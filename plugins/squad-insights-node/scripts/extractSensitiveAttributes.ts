/*
 * Generates `src/terraform/parse/providerSensitive.ts`: the attributes Terraform provider schemas
 * mark `Sensitive`, by resource type (data sources share the type namespace; see there).
 *
 *   node --import tsx scripts/extractSensitiveAttributes.ts            # rewrite the table
 *   node --import tsx scripts/extractSensitiveAttributes.ts --fetched <dir>
 *                                      # print hand-fetched files as JSON for the kept entries
 *
 * Two inputs, merged (a type's attributes are the union of both):
 *
 * 1. Pulumi's bridged providers, from the npm registry (`npm pack` of the versions in
 *    `PROVIDERS`, into a temporary directory; needs `npm` and `tar` on PATH). The bridge turns
 *    every attribute a Terraform schema marks `Sensitive` into a Pulumi secret, and the
 *    generated SDK lists a resource's secret properties in `additionalSecretOutputs`. Those
 *    packages name resources by Pulumi token (`aws:iam/accessKey:AccessKey`) and properties in
 *    camelCase (`sesSmtpPasswordV4`), and carry no Terraform names, so the Terraform type and
 *    attribute names are taken from the CDKTF prebuilt provider of the same provider
 *    (`@cdktf/provider-*`: generated from `terraform providers schema -json`, every class
 *    carries `tfResourceType` and every attribute its Terraform name, but not `sensitive`).
 *    A token maps to the Terraform type that the bridge's own naming gives
 *    (`<prefix>_<module>_<name>` snake-cased, or `<prefix>_<name>`) when CDKTF has that type
 *    and it has the secret attributes; otherwise to the one CDKTF resource type whose
 *    attribute set matches the Pulumi resource's properties best (Jaccard >= MIN_SIMILARITY,
 *    strictly ahead of the runner-up, at least one secret present). Tokens matching neither are left
 *    out and listed on stderr (as is every mapping made by attribute set, for review), and
 *    the types read by hand below are compared with the join's result. A secret property maps
 *    to the CDKTF attribute whose camelCase it is, or whose plural it is (the bridge pluralises
 *    list blocks: `secrets` for `secret`); a write-only twin newer than the CDKTF build
 *    (`passwordWo`) is snake-cased. Where the bridge marks a whole block secret
 *    (`replica_configuration`), the table lists the block, which drops it whole.
 *    Limits: only top-level attributes (the SDK marks no nested secrets) and no data sources
 *    (Pulumi invokes mark none); Kubernetes and Helm have no bridged Pulumi provider.
 * 2. `scripts/providerSensitive.fetched.json`: entries read by hand from provider schema
 *    sources (schema JSON split per type by the exporter repository, Go schema code,
 *    tfplugindocs pages), each with the repository, path and commit it came from. They are
 *    kept as they are; `--fetched <dir>` turns newly fetched files into such entries. Each
 *    fetched file starts with a line naming its source (`// source: <repo> <path> @ <commit>`
 *    or `<!-- source: … -->`), optionally followed by a note in parentheses. Three kinds:
 *    - Go schemas of terraform-plugin-sdk and terraform-plugin-framework (`.go`): every
 *      `"attr": { … Sensitive: true … }` or `"attr": schema.StringAttribute{ … Sensitive: true … }`,
 *      nested ones (inside an `Elem` or `Attributes` of another) as `block.attr`. The type
 *      comes from `// @SDKResource("type", …)` (AWS) or else from the file name
 *      `resource_<type>.go` in the source path (GitHub, Kubernetes);
 *    - the JSON `terraform providers schema -json` prints for one type (`.json`:
 *      `{ "block": { "attributes": { "attr": { "sensitive": true } }, "block_types": … } }`),
 *      the type taken from the source path `…/<type>.json` (a path under
 *      `data_source_schemas/` marks a data source);
 *    - the schema pages tfplugindocs generates (`.md`: `# type (Resource)` or
 *      `# Resource: type`, then `` - `attr` (String, Sensitive) ``, nested ones under
 *      `` ### Nested Schema for `block` ``).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The providers read from npm: Pulumi's bridged SDK and CDKTF's prebuilt bindings. */
const PROVIDERS = [
  {
    name: 'AWS',
    prefix: 'aws',
    pulumi: '@pulumi/aws@7.48.0',
    cdktf: '@cdktf/provider-aws@21.22.1',
  },
  {
    name: 'Google',
    prefix: 'google',
    pulumi: '@pulumi/gcp@9.37.0',
    cdktf: '@cdktf/provider-google@16.12.1',
  },
  {
    name: 'AzureRM',
    prefix: 'azurerm',
    pulumi: '@pulumi/azure@6.40.0',
    cdktf: '@cdktf/provider-azurerm@14.23.1',
  },
  {
    name: 'GitHub',
    prefix: 'github',
    pulumi: '@pulumi/github@6.15.0',
    cdktf: '@cdktf/provider-github@15.3.1',
  },
  {
    name: 'TLS',
    prefix: 'tls',
    pulumi: '@pulumi/tls@5.6.1',
    cdktf: '@cdktf/provider-tls@11.0.1',
  },
  {
    name: 'Random',
    prefix: 'random',
    pulumi: '@pulumi/random@4.21.2',
    cdktf: '@cdktf/provider-random@12.0.1',
  },
];
const MIN_SIMILARITY = 0.8;
const HERE = __dirname;
const FETCHED = path.join(HERE, 'providerSensitive.fetched.json');
const OUT = path.join(HERE, '../src/terraform/parse/providerSensitive.ts');

type Kept = { attributes: string[]; source: string; dataSource?: boolean };

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
    /^# (?:([a-z0-9_]+) \((?:Resource|Data Source)\)|(?:Resource|Data Source): ([a-z0-9_]+))\s*$/m.exec(
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

/** `--fetched <dir>`: the hand-fetched files as entries for `providerSensitive.fetched.json`. */
function fetchedEntries(dir: string): Record<string, Kept> {
  const table: Record<string, Kept> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [type, attributes] of extract(file, text)) {
      const source = sourceOf(text);
      table[type] = {
        attributes: [...new Set(attributes)].sort(),
        source,
        // The schema JSON and tfplugindocs pages of data sources sit under these folders.
        ...(/\/data_source_schemas\/|\/data-sources\//.test(sourcePath(source))
          ? { dataSource: true }
          : {}),
      };
    }
  }
  return table;
}

// ---- npm: Pulumi secrets joined to CDKTF's Terraform names ----

const camel = (s: string) =>
  s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) =>
  s.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`).replace(/^_/, '');

function jsFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') jsFiles(p, out);
    } else if (e.name.endsWith('.js')) out.push(p);
  }
  return out;
}

/** `npm pack` a package into `tmp` and unpack its `.js` files; returns the package directory. */
function unpack(spec: string, tmp: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'pkg-'));
  const tgz = execFileSync('npm', ['pack', spec, '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('tar', ['xzf', tgz, '--wildcards', '*.js'], {
    cwd: dir,
    maxBuffer: 1 << 26,
  });
  return path.join(dir, 'package');
}

/** CDKTF: every resource type (not data source) with its top-level Terraform attribute names. */
function cdktfResources(pkg: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of jsFiles(path.join(pkg, 'lib'))) {
    const text = fs.readFileSync(file, 'utf8');
    const type = /\.tfResourceType = "([a-z0-9_]+)"/.exec(text)?.[1];
    const start = text.search(/extends cdktf\.TerraformResource \{/);
    if (!type || start < 0) continue;
    const body = text.slice(start);
    const attrs = new Set<string>();
    for (const m of body.matchAll(/get\w*Attribute\('([a-z0-9_]+)'\)/g))
      attrs.add(m[1]);
    for (const m of body.matchAll(/\(this, "([a-z0-9_]+)"/g)) attrs.add(m[1]);
    const synth =
      /synthesizeAttributes\(\) \{\s*return \{([\s\S]*?)\n\s*\};/.exec(body);
    for (const m of synth?.[1].matchAll(/^\s*([a-z0-9_]+):/gm) ?? [])
      attrs.add(m[1]);
    out.set(type, attrs);
  }
  return out;
}

type PulumiResource = { token: string; secrets: string[]; props: string[] };

function pulumiResources(pkg: string): PulumiResource[] {
  const out: PulumiResource[] = [];
  for (const file of jsFiles(pkg)) {
    const text = fs.readFileSync(file, 'utf8');
    const token = /static __pulumiType = '([^']+)'/.exec(text)?.[1];
    const secrets = /additionalSecretOutputs: \[([^\]]*)\]/.exec(text)?.[1];
    if (!token || !secrets) continue;
    out.push({
      token,
      secrets: [...secrets.matchAll(/"(\w+)"/g)].map(m => m[1]),
      props: [...text.matchAll(/resourceInputs\["(\w+)"\] = state/g)].map(
        m => m[1],
      ),
    });
  }
  return out;
}

/** The Terraform types the bridge's default naming gives a token. */
function namedTypes(prefix: string, token: string): string[] {
  const m = /^[^:]+:([^:/]*)(?:\/[^:]*)?:(\w+)$/.exec(token);
  if (!m) return [];
  const [, mod, name] = m;
  // `SSLCertificate` -> `ssl_certificate`, as the bridge's tokens capitalise acronyms.
  const base = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const own = base.startsWith(`${prefix}_`) ? base : `${prefix}_${base}`;
  return mod === 'index' ? [own] : [`${prefix}_${snake(mod)}_${base}`, own];
}

function similarity(props: string[], attrs: Map<string, string>): number {
  const inter = props.filter(
    p => attrs.has(p) || attrs.has(p.replace(/s$/, '')),
  ).length;
  const union =
    props.length + [...attrs.keys()].filter(a => a !== 'id').length - inter;
  return union ? inter / union : 0;
}

/**
 * Secrets the Pulumi bridge adds on its own, not from a Terraform schema: Google's label
 * copies (`effective_labels` is not sensitive in the provider; `pulumiLabels` is not in it).
 */
const PULUMI_ONLY = new Set(['effectiveLabels', 'pulumiLabels']);

/**
 * The Terraform attribute a Pulumi property names: its camelCase, or the singular of a
 * pluralised list block (`secrets` for `secret`); a write-only twin newer than the CDKTF
 * build (`passwordWo`) is snake-cased. Anything else is not in the schema: undefined.
 */
function attributeOf(
  prop: string,
  attrs: Map<string, string>,
): string | undefined {
  return (
    attrs.get(prop) ??
    attrs.get(prop.replace(/s$/, '')) ??
    (/Wo$/.test(prop) ? snake(prop) : undefined)
  );
}

type Joined = {
  table: Map<string, Set<string>>;
  unmapped: string[];
  byName: number;
  bySimilarity: number;
};

function join(
  prefix: string,
  pulumi: PulumiResource[],
  cdktf: Map<string, Set<string>>,
): Joined {
  const table = new Map<string, Set<string>>();
  const unmapped: string[] = [];
  let byName = 0;
  let bySimilarity = 0;
  const camelOf = new Map(
    [...cdktf].map(([t, attrs]) => [
      t,
      new Map([...attrs].map(a => [camel(a), a])),
    ]),
  );
  for (const r of pulumi) {
    const secrets = r.secrets.filter(s => !PULUMI_ONLY.has(s));
    // The provider's own configuration (`aws`, `github`) is no resource type.
    if (!secrets.length || !r.token.includes(':')) continue;
    const has = (t: string) =>
      secrets.some(s => !/Wo$/.test(s) && attributeOf(s, camelOf.get(t)!));
    let type = namedTypes(prefix, r.token).find(t => camelOf.has(t) && has(t));
    if (type) byName++;
    else {
      const scored = [...camelOf.keys()]
        .filter(has)
        .map(t => ({ t, s: similarity(r.props, camelOf.get(t)!) }))
        .sort((a, b) => b.s - a.s);
      if (
        scored[0] &&
        scored[0].s >= MIN_SIMILARITY &&
        scored[1]?.s !== scored[0].s
      ) {
        type = scored[0].t;
        bySimilarity++;
        process.stderr.write(
          `by attribute set: ${r.token} -> ${type} (${scored[0].s.toFixed(
            2,
          )})\n`,
        );
      }
    }
    if (!type) {
      unmapped.push(`${r.token} (${secrets.join(', ')})`);
      continue;
    }
    const names = table.get(type) ?? new Set<string>();
    for (const s of secrets) {
      const name = attributeOf(s, camelOf.get(type)!);
      if (name) names.add(name);
    }
    table.set(type, names);
  }
  return { table, unmapped, byName, bySimilarity };
}

// ---- the generated file ----

function render(
  entries: Map<string, { attributes: string[]; source?: string }>,
  sources: string[],
): string {
  const lines = [
    '/**',
    ' * GENERATED by `scripts/extractSensitiveAttributes.ts` (see there for how): do not edit.',
    ' *',
    ' * Attributes that Terraform provider schemas mark `Sensitive`, by resource type; nested ones',
    ' * are written `block.attr`. Data sources share the type namespace (a state instance is looked',
    " * up by `type` alone), so a data source with a resource's name is covered by its entry, and",
    ' * the data sources listed here are those read from their own schema.',
    ' *',
    ' * Sources:',
    ...sources.map(s => ` * ${s}`),
    ' *',
    ' * Not covered: nested attributes and data sources of the types only the npm join saw (the',
    ' * types read by hand have theirs), Pulumi resources the join could not map to a Terraform type',
    ' * (listed on stderr when generating), and types newer than the CDKTF builds.',
    ' *',
    ' * A `//` line above an entry names the schema source it was read from by hand; `(+ npm)`',
    ' * marks one the npm join lists too (attributes are the union). Entries without are from the',
    ' * npm join alone.',
    ' *',
    ' * Most sensitive attributes are also secret by name (`password`, `private_key`); this table',
    ' * matters for those that are not (`instrumentation_key`, `auth_string`, `value`, `key`), and',
    ' * value detection (`secretValues.ts`) covers what slips through all of them.',
    ' *',
    ' * @internal',
    ' */',
    'export const PROVIDER_SENSITIVE: Readonly<Record<string, readonly string[]>> = {',
  ];
  for (const type of [...entries.keys()].sort()) {
    const e = entries.get(type)!;
    if (e.source) lines.push(`  // ${e.source}`);
    lines.push(`  ${type}: ${JSON.stringify(e.attributes)},`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

function generate() {
  const kept = JSON.parse(fs.readFileSync(FETCHED, 'utf8')) as Record<
    string,
    Kept
  >;
  const entries = new Map<string, { attributes: string[]; source?: string }>();
  const fromNpm = new Map<string, Set<string>>();
  const sources: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-sensitive-'));
  try {
    for (const p of PROVIDERS) {
      const joined = join(
        p.prefix,
        pulumiResources(unpack(p.pulumi, tmp)),
        cdktfResources(unpack(p.cdktf, tmp)),
      );
      const attrs = [...joined.table.values()].reduce((n, s) => n + s.size, 0);
      sources.push(
        `- ${p.name}: npm ${p.pulumi} (secret outputs) joined to ${p.cdktf} (Terraform names):`,
        `  ${joined.table.size} resource types, ${attrs} attributes (${joined.byName} Pulumi resources mapped by name,`,
        `  ${joined.bySimilarity} by attribute set, ${joined.unmapped.length} not mapped).`,
      );
      for (const u of joined.unmapped)
        process.stderr.write(`${p.name}: not mapped: ${u}\n`);
      for (const [type, names] of joined.table) fromNpm.set(type, names);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const keptTypes = Object.keys(kept);
  const keptData = keptTypes.filter(t => kept[t].dataSource).length;
  sources.push(
    `- Kept, read by hand (${keptTypes.length} types, ${keptData} of them data sources; \`scripts/providerSensitive.fetched.json\`,`,
    '  each entry with its repository, path and commit below): `terraform providers schema -json` of',
    '  hashicorp/aws 6.19.0, azurerm 4.51.0 and google 7.9.0 as split per type by the public',
    '  vadirajks/terraform-provider-schema-exporter repository; Go schema code (AWS API Gateway API key,',
    '  GitHub Actions secrets); tfplugindocs pages (Kubernetes, Helm, Random, TLS, Datadog). These cannot',
    '  be re-read from npm: Kubernetes and Helm have no bridged Pulumi provider, and nested attributes',
    '  and data sources are not in the Pulumi SDKs.',
  );
  // The join checked against the schemas read by hand: top-level names of types in both.
  for (const type of keptTypes.filter(
    t => fromNpm.has(t) && !kept[t].dataSource,
  )) {
    const hand = kept[type].attributes
      .filter(a => !a.includes('.'))
      .sort()
      .join(',');
    const npm = [...fromNpm.get(type)!].sort().join(',');
    process.stderr.write(
      `${
        hand === npm ? 'agrees' : 'DIFFERS'
      }: ${type} by hand [${hand}] npm [${npm}]\n`,
    );
  }
  for (const type of new Set([...fromNpm.keys(), ...keptTypes])) {
    const names = new Set([
      ...(fromNpm.get(type) ?? []),
      ...(kept[type]?.attributes ?? []),
    ]);
    const source = kept[type]
      ? kept[type].source + (fromNpm.has(type) ? ' (+ npm)' : '')
      : undefined;
    entries.set(type, { attributes: [...names].sort(), source });
  }
  fs.writeFileSync(OUT, render(entries, sources));
  process.stderr.write(`${entries.size} types written to ${OUT}\n`);
}

const fetchedAt = process.argv.indexOf('--fetched');
if (fetchedAt >= 0) {
  process.stdout.write(
    `${JSON.stringify(
      fetchedEntries(process.argv[fetchedAt + 1] ?? '.'),
      null,
      2,
    )}\n`,
  );
} else generate();
