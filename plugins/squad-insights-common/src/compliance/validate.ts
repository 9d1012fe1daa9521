import { DERIVED_PARAMETERS } from './applicability';
import { CONSUL_FACTS } from './consulFacts';
import { CompliancePolicy, ParametersSchema } from './model';
import { parsePath, PathSegment } from './paths';
import { gateReferenceIssues } from '../gate/validateGate';
import type { Rule, ValueRef } from './rules';

/**
 * A problem the schema cannot see: references between parts of the policy. `path` is relative
 * to the check or framework named by `anchor`, so a loader can find it in an override file too.
 *
 * @public
 */
export interface PolicyReferenceIssue {
  anchor?: { list: 'checks' | 'frameworks'; id: string };
  path: PathSegment[];
  message: string;
}

type Scope = 'resource' | 'consul' | 'consul-instance' | 'consul-element';

/**
 * Checks what zod can't: unique ids, control references, parameter and tag names, and that
 * `consul` checks only name Consul facts. Runs on every loaded or merged policy.
 *
 * @public
 */
export function validatePolicyReferences(
  policy: CompliancePolicy,
): PolicyReferenceIssue[] {
  const issues: PolicyReferenceIssue[] = [];
  // Optional parameters (organization, country) may be named before anyone sets them.
  const params = new Set<string>([
    ...Object.keys(ParametersSchema.shape),
    ...Object.keys(policy.parameters),
    ...DERIVED_PARAMETERS,
  ]);
  const tags = new Set(Object.keys(policy.parameters.tagNames));
  const controls = new Set<string>();
  const seenFrameworks = new Set<string>();
  const requirements = new Set(knownRequirements(policy));
  const condition = (
    when: { requirements?: string[] } | undefined,
    anchor: PolicyReferenceIssue['anchor'],
    path: PathSegment[],
  ) =>
    when?.requirements?.forEach((r, i) => {
      if (!requirements.has(r))
        issues.push({
          anchor,
          path: [...path, 'requirements', i],
          message: `unknown framework "${r}"; the policy defines ${[
            ...requirements,
          ].join(', ')}`,
        });
    });
  for (const f of policy.frameworks) {
    const anchor = { list: 'frameworks' as const, id: f.id };
    if (seenFrameworks.has(f.id))
      issues.push({
        anchor,
        path: ['id'],
        message: `duplicate framework id "${f.id}"`,
      });
    seenFrameworks.add(f.id);
    f.controls.forEach((c, i) => {
      const ref = `${f.id}/${c.id}`;
      if (controls.has(ref))
        issues.push({
          anchor,
          path: ['controls', i, 'id'],
          message: `duplicate control "${ref}"`,
        });
      controls.add(ref);
    });
  }
  policy.frameworks.forEach(f =>
    condition(f.appliesWhen, { list: 'frameworks', id: f.id }, ['appliesWhen']),
  );
  const { allowedRegions, drRegions, primaryRegion } = policy.parameters;
  for (const [i, r] of drRegions.entries()) {
    if (!allowedRegions.includes(r))
      issues.push({
        path: ['parameters', 'drRegions', i],
        message: `DR region "${r}" is not in allowedRegions`,
      });
  }
  if (!allowedRegions.includes(primaryRegion))
    issues.push({
      path: ['parameters', 'primaryRegion'],
      message: `"${primaryRegion}" is not in allowedRegions`,
    });

  issues.push(...newServiceIssues(policy));

  const seenChecks = new Set<string>();
  for (const check of policy.checks) {
    const anchor = { list: 'checks' as const, id: check.id };
    const add = (path: PathSegment[], message: string) =>
      issues.push({ anchor, path, message });
    if (seenChecks.has(check.id))
      add(['id'], `duplicate check id "${check.id}"`);
    seenChecks.add(check.id);
    check.controls.forEach((c, i) => {
      if (!controls.has(c))
        add(['controls', i], `unknown control "${c}"; no framework defines it`);
    });
    condition(check.when, anchor, ['when']);
    if (check.attested) {
      if (check.rule)
        add(['attested'], 'give either rule or attested, not both');
      if (check.where) add(['where'], 'an attested check has no where');
      if (check.appliesTo.some(a => a !== 'service'))
        add(['appliesTo'], 'an attested check applies to [service]');
      continue;
    }
    if (!check.rule) {
      add(
        ['rule'],
        'a check needs a rule (or attested for a control no state can show)',
      );
      continue;
    }
    const consul = check.appliesTo.includes('consul');
    if (consul && check.appliesTo.length > 1)
      add(['appliesTo'], '"consul" cannot be combined with other subjects');

    const fact = (p: string, path: PathSegment[], scope: Scope) => {
      if (scope !== 'consul' && scope !== 'consul-instance') return;
      const allowed: readonly string[] =
        scope === 'consul' ? CONSUL_FACTS.service : CONSUL_FACTS.instance;
      const head = String(parsePath(p)[0]);
      if (!allowed.includes(head))
        add(
          path,
          `unknown Consul fact "${head}"; known: ${allowed.join(', ')}`,
        );
    };
    const value = (
      v: ValueRef | undefined,
      path: PathSegment[],
      scope: Scope,
    ) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        if ('param' in v && !params.has(v.param))
          add([...path, 'param'], `unknown parameter "${v.param}"`);
        if ('attribute' in v) fact(v.attribute, [...path, 'attribute'], scope);
      }
    };
    const walk = (rule: Rule, path: PathSegment[], scope: Scope): void => {
      if ('allOf' in rule)
        rule.allOf.forEach((r, i) => walk(r, [...path, 'allOf', i], scope));
      else if ('anyOf' in rule)
        rule.anyOf.forEach((r, i) => walk(r, [...path, 'anyOf', i], scope));
      else if ('forEach' in rule) {
        fact(rule.forEach, [...path, 'forEach'], scope);
        // Inside a forEach the element is the scope: Consul instances have their own facts.
        let inner: Scope = scope === 'resource' ? 'resource' : 'consul-element';
        if (scope === 'consul' && rule.forEach === 'instances')
          inner = 'consul-instance';
        if (rule.where) walk(rule.where, [...path, 'where'], inner);
        walk(rule.rule, [...path, 'rule'], inner);
      } else if ('linked' in rule) {
        if (consul)
          add([...path, 'linked'], 'consul checks cannot link resources');
        if (rule.linked.rule)
          walk(rule.linked.rule, [...path, 'linked', 'rule'], 'resource');
      } else if ('tags' in rule) {
        const req = rule.tags.required;
        value(req, [...path, 'tags', 'required'], scope);
        for (const t of Array.isArray(req) ? req : []) {
          if (!tags.has(String(t)))
            add(
              [...path, 'tags', 'required'],
              `unknown tag "${t}"; tagNames defines ${[...tags].join(', ')}`,
            );
        }
      } else if ('ownership' in rule) {
        // Needs only the team/tribe tag names, which the schema requires.
      } else {
        if (rule.tag !== undefined && !tags.has(rule.tag))
          add(
            [...path, 'tag'],
            `unknown tag "${rule.tag}"; tagNames defines ${[...tags].join(
              ', ',
            )}`,
          );
        if (rule.attribute !== undefined)
          fact(rule.attribute, [...path, 'attribute'], scope);
        for (const [k, v] of Object.entries(rule)) {
          if (!['attribute', 'tag', 'resource', 'missing'].includes(k))
            value(v as ValueRef, [...path, k], scope);
        }
      }
    };
    const scope: Scope = consul ? 'consul' : 'resource';
    if (check.where) walk(check.where, ['where'], scope);
    walk(check.rule, ['rule'], scope);
  }
  issues.push(...gateReferenceIssues(policy.gate, requirements));
  return issues;
}

/**
 * The compliance requirements a service may declare under this policy: the id of every framework
 * (but the org-wide `baseline`, which always applies) and every requirement a framework's
 * `appliesWhen` names. Frameworks are data, so this is the only list there is.
 *
 * @public
 */
export function knownRequirements(policy: CompliancePolicy): string[] {
  const out = new Set<string>();
  for (const f of policy.frameworks) {
    if (!f.appliesWhen.always) out.add(f.id);
  }
  for (const f of policy.frameworks)
    for (const r of f.appliesWhen.requirements ?? []) out.add(r);
  return [...out];
}

/** The template's settings name checks that exist, and keep backups as long as the checks ask. */
function newServiceIssues(policy: CompliancePolicy): PolicyReferenceIssue[] {
  const issues: PolicyReferenceIssue[] = [];
  const { newService, minBackupRetentionDays } = policy.parameters;
  const checkIds = new Set(policy.checks.map(c => c.id));
  for (const [setting, ids] of Object.entries(newService.switchedOnBy)) {
    ids.forEach((checkId, i) => {
      if (!checkIds.has(checkId))
        issues.push({
          path: ['parameters', 'newService', 'switchedOnBy', setting, i],
          message: `unknown check "${checkId}"`,
        });
    });
  }
  const atLeastMinimum = (days: number, path: PathSegment[]) => {
    if (days < minBackupRetentionDays)
      issues.push({
        path: ['parameters', 'newService', 'backupRetentionDays', ...path],
        message: `${days} days is less than minBackupRetentionDays (${minBackupRetentionDays})`,
      });
  };
  const backup = newService.backupRetentionDays;
  atLeastMinimum(backup.value, ['value']);
  if (backup.stricter)
    atLeastMinimum(backup.stricter.value, ['stricter', 'value']);
  return issues;
}
