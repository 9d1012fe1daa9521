import { describe, OPERATORS } from './operators';
import { getPath, parsePath } from './paths';
import { ATTRIBUTE_OPERATORS, AttributeRule, Rule, ValueRef } from './rules';
import { ownershipRule, tagsRule } from './labelRules';
import { linkedRule } from './linkedRule';
import { readLabel } from './labels';
import {
  compileValue,
  Evidence,
  evidence,
  FAIL,
  fold,
  keep,
  markAlternatives,
  MISSING,
  PASS,
  RuleFn,
  SKIP,
  Status,
  typeMatcher,
  UNKNOWN,
} from './ruleRuntime';

function attributeRule(rule: AttributeRule): RuleFn {
  const op = ATTRIBUTE_OPERATORS.find(o => rule[o] !== undefined)!;
  const segs = rule.attribute !== undefined ? parsePath(rule.attribute) : [];
  const isRegion = segs.length === 1 && segs[0] === 'region';
  const types =
    rule.resource === undefined
      ? undefined
      : typeMatcher([rule.resource].flat());
  const flag =
    op === 'nonEmpty' || op === 'exists' ? (rule[op] as boolean) : undefined;
  const value =
    flag === undefined ? compileValue(rule[op] as ValueRef) : undefined;
  // Absent means empty for nonEmpty/exists; for the other operators the rule says what it means.
  const missing = rule.missing ?? (flag === undefined ? 'fail' : undefined);
  const onMissing = (
    { pass: PASS, unknown: UNKNOWN, skip: SKIP, fail: FAIL } as const
  )[missing ?? 'fail'];
  const test = OPERATORS[op];
  const { tag } = rule;
  return (ctx, scope, prefix, out) => {
    const s = ctx.subject;
    if (types && !types(s.type)) return SKIP;
    let actual: unknown;
    let label: string | undefined;
    if (tag !== undefined) {
      const read = readLabel(ctx, s, tag);
      actual = read.value;
      label = read.key;
    } else if (isRegion && scope === s.attributes) {
      // `region` at the top of a resource is the reader's derived region (ARN, zone, provider).
      actual = s.region ?? s.attributes.region;
    } else actual = getPath(scope, segs);
    const expected = value ? value.get(ctx, scope) : flag;
    let status: Status;
    let note: string | undefined;
    if (missing && (actual === undefined || actual === null)) {
      status = onMissing;
      note = 'not set';
    } else if (expected === MISSING) {
      status = UNKNOWN;
      note = `parameter ${value!.param} is not set for this service`;
    } else status = test(actual, expected) ? PASS : FAIL;
    if (out && status !== SKIP) {
      const name =
        tag !== undefined
          ? `${s.labelPrefix}.${label}`
          : prefix + rule.attribute;
      if (note === 'not set') note = `${name} is not set`;
      out.push(
        evidence(
          ctx,
          name,
          actual,
          describe(op, expected === MISSING ? '?' : expected, value?.label),
          note,
        ),
      );
    }
    return status;
  };
}

function combine(fns: RuleFn[], anyPasses: boolean): RuleFn {
  return (ctx, scope, prefix, out) => {
    if (!out) {
      let pass = false;
      let fail = false;
      let unknown = false;
      for (const f of fns) {
        const s = f(ctx, scope, prefix, undefined);
        if (s === PASS) {
          if (anyPasses) return PASS;
          pass = true;
        } else if (s === FAIL) {
          if (!anyPasses) return FAIL;
          fail = true;
        } else if (s === UNKNOWN) unknown = true;
      }
      return fold(pass, fail, unknown, anyPasses);
    }
    const buffers = fns.map(() => [] as Evidence[]);
    const statuses = fns.map((f, i) => f(ctx, scope, prefix, buffers[i]));
    const result = fold(
      statuses.includes(PASS),
      statuses.includes(FAIL),
      statuses.includes(UNKNOWN),
      anyPasses,
    );
    if (anyPasses)
      markAlternatives(
        ctx,
        buffers.filter((_, i) => statuses[i] === result),
      );
    keep(out, buffers, statuses, result);
    return result;
  };
}

function forEachRule(
  path: string,
  where: RuleFn | undefined,
  rule: RuleFn,
  nonEmpty: boolean,
): RuleFn {
  const segs = parsePath(path);
  return (ctx, scope, prefix, out) => {
    const value = getPath(scope, segs);
    const list = Array.isArray(value) ? value : [];
    let matched = 0;
    let fail = false;
    let unknown = false;
    const buffers: Evidence[][] | undefined = out && [];
    const statuses: Status[] | undefined = out && [];
    for (let i = 0; i < list.length; i++) {
      const p = out ? `${prefix}${path}[${i}].` : '';
      if (where && where(ctx, list[i], p, undefined) !== PASS) continue;
      matched++;
      const b: Evidence[] | undefined = out ? [] : undefined;
      const s = rule(ctx, list[i], p, b);
      if (s === FAIL) {
        if (!out) return FAIL;
        fail = true;
      } else if (s === UNKNOWN) unknown = true;
      if (b) {
        buffers!.push(b);
        statuses!.push(s === SKIP ? PASS : s);
      }
    }
    if (!matched && nonEmpty) {
      out?.push(
        evidence(ctx, prefix + path, value, 'at least one matching element'),
      );
      return FAIL;
    }
    // Every matching element must satisfy the rule; with none, there is nothing to violate.
    const result = fold(true, fail, unknown, false);
    if (out) keep(out, buffers!, statuses!, result);
    return result;
  };
}

/** Compiles a validated rule into a function; paths and patterns are parsed here, once. @internal */
export function compileRule(rule: Rule): RuleFn {
  if ('allOf' in rule) return combine(rule.allOf.map(compileRule), false);
  if ('anyOf' in rule) return combine(rule.anyOf.map(compileRule), true);
  if ('forEach' in rule)
    return forEachRule(
      rule.forEach,
      rule.where && compileRule(rule.where),
      compileRule(rule.rule),
      !!rule.nonEmpty,
    );
  if ('linked' in rule)
    return linkedRule(
      rule.linked,
      rule.linked.rule && compileRule(rule.linked.rule),
    );
  if ('tags' in rule) return tagsRule(rule.tags.required);
  if ('ownership' in rule)
    return ownershipRule(
      rule.ownership.slice(0, rule.ownership.indexOf('-')) as
        | 'team'
        | 'tribe'
        | 'chapter'
        | 'guild',
    );
  return attributeRule(rule);
}
