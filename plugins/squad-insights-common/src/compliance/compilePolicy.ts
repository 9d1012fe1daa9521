import { compileRule } from './compileRule';
import { RuleFn, SKIP, typeMatcher } from './ruleRuntime';
import type { ServiceFacts, Subject } from './facts';
import type { Check, CompliancePolicy } from './model';
import type { Rule } from './rules';

/** A check ready to run: rules compiled, subject selection prepared. @internal */
export interface CompiledCheck {
  check: Check;
  /** Framework ids the check's controls belong to. */
  frameworks: string[];
  source: 'terraform' | 'consul';
  select(facts: ServiceFacts, service: Subject): Subject[];
  where?: RuleFn;
  rule: RuleFn;
  /** The reason when none of its frameworks applies. */
  notApplicable: string;
  /** The rule reads nothing but `registered`, so it can run for a service Consul doesn't know. */
  onlyRegistered: boolean;
}

function attributesOf(rule: Rule): string[] {
  if ('allOf' in rule) return rule.allOf.flatMap(attributesOf);
  if ('anyOf' in rule) return rule.anyOf.flatMap(attributesOf);
  if ('forEach' in rule) return [rule.forEach];
  if ('linked' in rule || 'tags' in rule || 'ownership' in rule) return ['*'];
  return [rule.attribute ?? '*'];
}

function selector(appliesTo: readonly string[]): CompiledCheck['select'] {
  const service = appliesTo.includes('service');
  const types = appliesTo.filter(t => t !== 'service' && t !== 'consul');
  const exact = types.filter(t => !t.includes('*'));
  const exactSet = new Set(exact);
  const patterns = types.filter(t => t.includes('*'));
  const matches = typeMatcher(patterns);
  if (types.includes('*'))
    return (facts, serviceSubject) =>
      service ? [serviceSubject, ...facts.all] : facts.all;
  return (facts, serviceSubject) => {
    const out: Subject[] = service ? [serviceSubject] : [];
    for (const t of exact) {
      const list = facts.byType.get(t);
      if (list) for (const s of list) out.push(s);
    }
    if (patterns.length) {
      for (const s of facts.all)
        if (!exactSet.has(s.type) && matches(s.type)) out.push(s);
    }
    return out;
  };
}

const cache = new WeakMap<CompliancePolicy, CompiledCheck[]>();

/**
 * Compiles the enabled checks of a policy once; the result is cached per policy object, so
 * evaluating thousands of services parses no path and builds no rule twice.
 *
 * @internal
 */
export function compilePolicy(policy: CompliancePolicy): CompiledCheck[] {
  let compiled = cache.get(policy);
  if (compiled) return compiled;
  compiled = policy.checks
    .filter(check => check.enabled !== false)
    .map(check => {
      const consul = check.appliesTo.includes('consul');
      // Attested checks have no rule: evaluate() decides them from attestations.
      const rule: Rule = check.rule ?? { allOf: [] };
      const frameworks = [
        ...new Set(check.controls.map(c => c.slice(0, c.indexOf('/')))),
      ];
      return {
        check,
        frameworks,
        notApplicable: `none of its frameworks applies (${frameworks.join(
          ', ',
        )})`,
        source: consul ? ('consul' as const) : ('terraform' as const),
        select: selector(check.appliesTo),
        where: check.where && compileRule(check.where),
        rule: check.rule ? compileRule(rule) : () => SKIP,
        onlyRegistered:
          consul && attributesOf(rule).every(a => a === 'registered'),
      };
    });
  cache.set(policy, compiled);
  return compiled;
}
