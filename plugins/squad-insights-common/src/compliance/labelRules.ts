import {
  findGroupsNamed,
  GroupIdentity,
  groupNameMatches,
  groupNames,
} from '../groupNames';
import { readLabel } from './labels';
import type { ValueRef } from './rules';
import {
  compileValue,
  evidence,
  FAIL,
  MISSING,
  PASS,
  RuleFn,
  SKIP,
  UNKNOWN,
} from './ruleRuntime';

/** `tags: { required }`: every listed logical tag is present with a value. @internal */
export function tagsRule(required: ValueRef): RuleFn {
  const value = compileValue(required);
  // The required list and tag names are the same objects for every subject: map them once.
  let lastList: unknown;
  let lastTagNames: unknown;
  let logical: string[] = [];
  let awsKeys: string[] = [];
  return (ctx, scope, _prefix, out) => {
    const s = ctx.subject;
    if (!s.taggable) return SKIP;
    const list = value.get(ctx, scope);
    if (list === MISSING) return UNKNOWN;
    if (list !== lastList || ctx.tagNames !== lastTagNames) {
      logical = [list].flat().map(String);
      awsKeys = logical.map(t => ctx.tagNames[t] ?? t);
      lastList = list;
      lastTagNames = ctx.tagNames;
    }
    // Fast path, the common case: AWS tags, read as written, every tag present and non-empty.
    if (
      !out &&
      s.labelPrefix === 'tags' &&
      !/^(google|azurerm)_/.test(s.type)
    ) {
      for (const key of awsKeys) {
        const v = s.labels[key];
        if (v === undefined || v.trim() === '') return FAIL;
      }
      return PASS;
    }
    let ok = true;
    const keys: string[] = [];
    for (const t of logical) {
      const { key, value: v } = readLabel(ctx, s, t);
      keys.push(key);
      if (v !== undefined && v.trim() !== '') continue;
      ok = false;
      if (!out) break;
      out.push(
        evidence(
          ctx,
          `${s.labelPrefix}.${key}`,
          v,
          'present',
          v === undefined
            ? 'required tag is missing'
            : 'required tag is present but empty',
        ),
      );
    }
    if (ok)
      out?.push(evidence(ctx, s.labelPrefix, keys, `has ${keys.join(', ')}`));
    return ok ? PASS : FAIL;
  };
}

const ROLE_OF = {
  team: 'squad',
  tribe: 'tribe',
  chapter: 'chapter',
  guild: 'guild',
} as const;

function accepted(group: GroupIdentity): string {
  return groupNames(group)
    .map(n => `"${n}"`)
    .join(', ');
}

/**
 * `ownership`: the label names the catalog's group for that role, as a person would read it
 * (`Payments Squad` names `group:default/payments-squad`). A label naming no group of the catalog
 * at all says so, rather than calling it drift. @internal
 */
export function ownershipRule(
  which: 'team' | 'tribe' | 'chapter' | 'guild',
): RuleFn {
  const role = ROLE_OF[which];
  return (ctx, _scope, _prefix, out) => {
    const s = ctx.subject;
    const catalog = ctx.ownership[role];
    // A chapter or guild the service doesn't declare is not the catalog's to contradict.
    if (!catalog && (role === 'chapter' || role === 'guild')) return SKIP;
    const { key, value: actual } = readLabel(ctx, s, which);
    if (!actual || !actual.trim()) return SKIP;
    const name = `${s.labelPrefix}.${key}`;
    if (!catalog) {
      out?.push(
        evidence(
          ctx,
          name,
          actual,
          '?',
          `the catalog names no ${role} for this service`,
        ),
      );
      return UNKNOWN;
    }
    const ok = groupNameMatches(actual, catalog, role);
    if (out) {
      let note: string | undefined;
      if (!ok) {
        const named = ctx.groups && findGroupsNamed(actual, ctx.groups, role);
        note =
          named && named.length === 0
            ? `no such ${role} in the catalog; accepted names: ${accepted(
                catalog,
              )}`
            : `ownership drift${
                named?.length ? ` (names ${named[0].ref})` : ''
              }; accepted names: ${accepted(catalog)}`;
      }
      out.push(
        evidence(
          ctx,
          name,
          actual,
          `names ${catalog.ref} (catalog ${role})`,
          note,
        ),
      );
    }
    return ok ? PASS : FAIL;
  };
}
