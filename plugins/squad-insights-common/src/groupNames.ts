import type { Entity } from '@backstage/catalog-model';

/*
 * Tags, Consul meta and CLI flags name squads the way people write them: "Payments Squad",
 * "payments-squad", "Payments". The catalog knows a group by its entity name, its
 * `metadata.title` and its `spec.profile.displayName`. One rule decides when they are the same
 * group, for the backend, the CLI and the template alike.
 */

/**
 * A catalog group as names can refer to it: its entity ref and the other names people use
 * (entity name, `metadata.title`, `spec.profile.displayName`).
 *
 * @public
 */
export interface GroupIdentity {
  /** `group:default/payments-squad`, or a bare name. */
  ref: string;
  /** Titles and display names besides the ref's own name. */
  names?: readonly string[];
  /** The group's `spec.type` (squad, tribe, chapter, guild, …), when known. */
  type?: string;
}

const normalized = new Map<string, Map<string, string>>();

/**
 * The comparable form of a group name: the entity ref's kind and namespace dropped, lower case,
 * runs of spaces, hyphens and underscores as one space, and the group type word (`squad`,
 * `tribe`, …) optional at the end. `Payments Squad`, `payments-squad`, `group:default/payments_squad`
 * and `Payments` all give `payments`.
 *
 * @public
 */
export function normalizeGroupName(value: string, typeWord?: string): string {
  // Cached per type word: the same few labels repeat on every resource of every service.
  let cache = normalized.get(typeWord ?? '');
  if (!cache) normalized.set(typeWord ?? '', (cache = new Map()));
  let out = cache.get(value);
  if (out === undefined) {
    out = value
      .trim()
      .replace(/^[a-z]+:(?:[^/\s]+\/)?(?=\S)/i, '')
      .normalize('NFKC')
      .toLocaleLowerCase('en')
      .replace(/[\s_-]+/g, ' ')
      .trim();
    if (typeWord) {
      const word = typeWord.toLocaleLowerCase('en');
      if (out.endsWith(` ${word}`)) out = out.slice(0, -word.length - 1);
      else if (out.startsWith(`${word} `)) out = out.slice(word.length + 1);
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(value, out);
  }
  return out;
}

/** Every name a group answers to: its ref's name and its other names. @public */
export function groupNames(group: GroupIdentity): string[] {
  const own = group.ref
    .slice(group.ref.lastIndexOf('/') + 1)
    .replace(/^[a-z]+:/i, '');
  return [...new Set([own, ...(group.names ?? [])].filter(n => n.trim()))];
}

/**
 * Whether `value` names `group`, as a person reading it would decide: equal to its entity name,
 * title or display name, ignoring case, treating spaces, hyphens and underscores alike, with the
 * type word optional (`Commerce` names `commerce-tribe`).
 *
 * @public
 */
export function groupNameMatches(
  value: string,
  group: GroupIdentity,
  typeWord?: string,
): boolean {
  const wanted = normalizeGroupName(value, typeWord);
  if (!wanted) return false;
  return comparableNames(group, typeWord).has(wanted);
}

// Labels of every resource are compared with the same few groups: their comparable names are
// worked out once per group object and type word (identities are treated as immutable).
const comparable = new WeakMap<GroupIdentity, Map<string, Set<string>>>();
function comparableNames(group: GroupIdentity, typeWord = ''): Set<string> {
  let byWord = comparable.get(group);
  if (!byWord) comparable.set(group, (byWord = new Map()));
  let names = byWord.get(typeWord);
  if (!names) {
    names = new Set(
      groupNames(group).map(n => normalizeGroupName(n, typeWord)),
    );
    byWord.set(typeWord, names);
  }
  return names;
}

/** A group entity's identity for {@link groupNameMatches}. @public */
export function groupIdentityOf(entity: Entity): GroupIdentity {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  const names = [entity.metadata.title, profile.displayName].filter(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  return {
    ref: `${entity.kind.toLocaleLowerCase('en')}:${
      entity.metadata.namespace ?? 'default'
    }/${entity.metadata.name}`,
    names,
    type: typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
  };
}

/**
 * The groups among `groups` that `value` names (of `type`, when given). Empty means the value
 * names no group at all, which is worth saying differently from "names another group".
 *
 * @public
 */
export function findGroupsNamed(
  value: string,
  groups: readonly GroupIdentity[],
  type?: string,
): GroupIdentity[] {
  return groups.filter(
    g =>
      (!type || !g.type || g.type === type) && groupNameMatches(value, g, type),
  );
}
