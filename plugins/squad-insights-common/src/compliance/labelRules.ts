import { entityName } from './lookups';
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

/** `tags: { required }`: every listed logical tag is present. @internal */
export function tagsRule(required: ValueRef): RuleFn {
  const value = compileValue(required);
  // The required list and tag names are the same objects for every subject: map them once.
  let lastList: unknown;
  let lastTagNames: unknown;
  let keys: string[] = [];
  return (ctx, scope, _prefix, out) => {
    const s = ctx.subject;
    if (!s.taggable) return SKIP;
    const list = value.get(ctx, scope);
    if (list === MISSING) return UNKNOWN;
    if (list !== lastList || ctx.tagNames !== lastTagNames) {
      keys = [list].flat().map(t => ctx.tagNames[String(t)] ?? String(t));
      lastList = list;
      lastTagNames = ctx.tagNames;
    }
    let ok = true;
    for (const key of keys) {
      if (s.labels[key]) continue;
      ok = false;
      if (!out) break;
      out.push(
        evidence(
          ctx,
          `${s.labelPrefix}.${key}`,
          s.labels[key],
          'present',
          'required tag is missing',
        ),
      );
    }
    if (ok)
      out?.push(evidence(ctx, s.labelPrefix, keys, `has ${keys.join(', ')}`));
    return ok ? PASS : FAIL;
  };
}

/** `ownership`: the team or tribe label agrees with the catalog. @internal */
export function ownershipRule(which: 'team' | 'tribe'): RuleFn {
  const role = which === 'team' ? 'squad' : 'tribe';
  return (ctx, _scope, _prefix, out) => {
    const s = ctx.subject;
    const key = ctx.tagNames[which];
    const actual = s.labels[key];
    if (!actual) return SKIP;
    const catalog = ctx.ownership[role];
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
    const ok = entityName(actual) === catalog;
    out?.push(
      evidence(
        ctx,
        name,
        actual,
        `= ${catalog} (catalog ${role})`,
        ok ? undefined : 'ownership drift',
      ),
    );
    return ok ? PASS : FAIL;
  };
}
