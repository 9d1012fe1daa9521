import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';

/** Deeper than any real organisation chart; only a bound against a broken catalog. */
const MAX_LEVELS = 20;

/** A group ref in full form, or undefined for a ref to something that is not a group. */
function groupRef(ref: string, namespace: string): string | undefined {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
    return parsed.kind.toLocaleLowerCase('en') === 'group'
      ? stringifyEntityRef(parsed)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The groups an entity names as parents: `spec.parent` and `childOf` relations. */
function parentsOf(group: Entity): string[] {
  const namespace = group.metadata.namespace ?? 'default';
  const declared =
    typeof group.spec?.parent === 'string' ? [group.spec.parent] : [];
  const related = (group.relations ?? [])
    .filter(r => r.type === 'childOf')
    .map(r => r.targetRef);
  return [...declared, ...related].flatMap(r => groupRef(r, namespace) ?? []);
}

/** The groups a user entity names directly: `spec.memberOf` and `memberOf` relations. */
export function directGroupsOf(user: Entity | undefined): string[] {
  if (!user) return [];
  const namespace = user.metadata.namespace ?? 'default';
  const declared = Array.isArray(user.spec?.memberOf)
    ? (user.spec!.memberOf as unknown[])
    : [];
  const related = (user.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  return [
    ...declared.filter((r): r is string => typeof r === 'string'),
    ...related,
  ].flatMap(r => groupRef(r, namespace) ?? []);
}

/**
 * The given groups and every group above them, walking `childOf` (and `spec.parent`) upwards
 * level by level, nearest first. Each group maps to its entity, or to undefined when the
 * catalog does not know it (a sign-in resolver may name groups the catalog lacks).
 */
export async function groupAncestry(
  catalog: typeof catalogServiceRef.T,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<Map<string, Entity | undefined>> {
  const seen = new Map<string, Entity | undefined>();
  let level = [...new Set(refs.flatMap(r => groupRef(r, 'default') ?? []))];
  for (let depth = 0; level.length && depth < MAX_LEVELS; depth++) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: level,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'spec.type',
          'spec.parent',
          'relations',
        ],
      },
      { credentials },
    );
    level.forEach((ref, i) => seen.set(ref, items[i]));
    // Cycles in a broken catalog end here too: a group already seen is not walked again.
    level = [
      ...new Set(items.flatMap(group => (group ? parentsOf(group) : []))),
    ].filter(ref => !seen.has(ref));
  }
  return seen;
}
