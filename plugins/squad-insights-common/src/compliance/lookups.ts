import type { ServiceFacts, Subject } from './facts';
import { getPath, PathStep } from './paths';

const names = new Map<string, string>();
/**
 * `group:default/discovery-squad`, `group:discovery-squad` and `Discovery-Squad` are one squad.
 * Cached: the same few labels repeat over every resource of thousands of services.
 *
 * @internal
 */
export function entityName(ref: string): string {
  let name = names.get(ref);
  if (name === undefined) {
    name = ref
      .slice(ref.lastIndexOf('/') + 1)
      .replace(/^[a-z]+:/i, '')
      .trim()
      .toLowerCase();
    if (names.size > 10_000) names.clear();
    names.set(ref, name);
  }
  return name;
}

/** The string key of a scalar, as {@link same} compares scalars; undefined for anything else. */
export function scalarKey(v: unknown): string | undefined {
  return typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean'
    ? String(v)
    : undefined;
}

/**
 * The subjects of `type` by the value at `segs` (each element, when it is a list), built once
 * per service and `id` (type and path), so that `linked` rules cost a lookup instead of a scan.
 *
 * @internal
 */
export function linkTable(
  facts: ServiceFacts,
  id: string,
  type: string,
  segs: readonly PathStep[],
): Map<string, Subject[]> {
  facts.links ??= new Map();
  let table = facts.links.get(id);
  if (!table) {
    table = new Map();
    for (const s of facts.byType.get(type) ?? []) {
      const v = getPath(s.attributes, segs);
      for (const x of Array.isArray(v) ? v : [v]) {
        const key = scalarKey(x);
        if (key === undefined) continue;
        const list = table.get(key);
        if (list) list.push(s);
        else table.set(key, [s]);
      }
    }
    facts.links.set(id, table);
  }
  return table;
}
