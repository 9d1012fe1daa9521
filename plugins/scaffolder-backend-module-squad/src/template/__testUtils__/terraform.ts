import { parse } from '@cdktn/hcl2json';
import { posix } from 'node:path';

/** One `.tf` file as HCL2 JSON (`{ variable: { x: [{...}] }, resource: {...}, ... }`). */
export type HclDocument = Record<string, any>;

/** The files of a rendered repository grouped by module folder, each `.tf` file parsed. */
export async function parseModules(files: Map<string, string>) {
  const modules = new Map<string, Map<string, HclDocument>>();
  for (const [path, text] of files) {
    if (!path.endsWith('.tf') && !path.endsWith('.tfvars')) continue;
    const dir = posix.dirname(path);
    if (!modules.has(dir)) modules.set(dir, new Map());
    modules.get(dir)!.set(posix.basename(path), await parse(path, text));
  }
  return modules;
}

/** The single block of `kind` named `name` (e.g. `variable`, `module`) across a module's files. */
export function block(
  files: Map<string, HclDocument>,
  kind: string,
  ...names: string[]
) {
  for (const doc of files.values()) {
    let node: any = doc[kind];
    for (const name of names) node = node?.[name];
    if (Array.isArray(node)) return node[0];
  }
  return undefined;
}

/** Names declared by `kind` blocks (`variable`, `module`, `output`) in a module's files. */
export function declared(
  files: Map<string, HclDocument>,
  kind: string,
): Set<string> {
  const names = new Set<string>();
  for (const doc of files.values())
    for (const name of Object.keys(doc[kind] ?? {})) names.add(name);
  return names;
}

/**
 * Names after `prefix.` in the module's expressions (`var` → `var.x`). hcl2json keeps
 * expressions as `${...}` strings and drops comments, so only real references are found.
 */
export function references(
  files: Map<string, HclDocument>,
  prefix: string,
): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`(?<![\\w.])${prefix}\\.([A-Za-z_][\\w-]*)`, 'g');
  for (const [file, doc] of files) {
    if (file.endsWith('.tfvars')) continue;
    for (const match of JSON.stringify(doc).matchAll(pattern))
      names.add(match[1]);
  }
  return names;
}
