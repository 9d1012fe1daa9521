import { matchCondition, resolveApplicability } from './applicability';
import { CompiledCheck, compilePolicy } from './compilePolicy';
import { consulSubject } from './consulFacts';
import { ConsulSource, indexInventories, ServiceFacts, Subject } from './facts';
import type { CompliancePolicy } from './model';
import type {
  CheckResult,
  ComplianceEvaluation,
  EvaluationInput,
} from './results';
import type { GroupIdentity } from '../groupNames';
import type { OwnershipRole } from './ruleRuntime';
import { attestedResult } from './attested';
import {
  Evidence,
  FAIL,
  PASS,
  RuleContext,
  SKIP,
  UNKNOWN,
} from './ruleRuntime';
import { ScoreAccumulator } from './score';

function terraformGap(facts: ServiceFacts): string | undefined {
  if (facts.references.length) return undefined;
  return facts.gaps.length
    ? facts.gaps.join('; ')
    : 'no Terraform state is declared for this service';
}

function consulGap(
  consul: ConsulSource | undefined,
  cc: CompiledCheck,
): string | undefined {
  if (!consul) return 'Consul was not read for this service';
  if (consul.stale) return 'the Consul view is stale';
  if (!consul.view && !cc.onlyRegistered)
    return 'the service is not registered in Consul';
  return undefined;
}

function identities(
  ownership: EvaluationInput['ownership'],
): Partial<Record<OwnershipRole, GroupIdentity>> {
  const out: Partial<Record<OwnershipRole, GroupIdentity>> = {};
  for (const role of ['squad', 'tribe', 'chapter', 'guild'] as const) {
    const g = ownership[role];
    if (g) out[role] = typeof g === 'string' ? { ref: g } : g;
  }
  return out;
}

function run(
  cc: CompiledCheck,
  ctx: RuleContext,
  subjects: Subject[],
  all: boolean,
) {
  let failed = 0;
  let unknown = 0;
  let passed = 0;
  let reason: string | undefined;
  let evidence: Evidence[] | undefined;
  for (const s of subjects) {
    ctx.subject = s;
    if (cc.where && cc.where(ctx, s.attributes, '', undefined) !== PASS)
      continue;
    const status = cc.rule(ctx, s.attributes, '', undefined);
    if (status === SKIP) continue;
    if (status === FAIL) failed++;
    else if (status === UNKNOWN) unknown++;
    else passed++;
    if (status !== PASS || all) {
      // Decide fast, explain only what needs explaining: the second run collects evidence.
      evidence ??= [];
      const before = evidence.length;
      cc.rule(ctx, s.attributes, '', evidence);
      if (status === UNKNOWN && !reason)
        reason = evidence.slice(before).find(e => e.note)?.note;
    }
  }
  return { failed, unknown, passed, evidence, reason };
}

/**
 * Evaluates a policy against one service's facts. Pure and synchronous: the caller reads the
 * Terraform states and Consul; this only looks at what it is given.
 *
 * A check is `not-applicable` when none of its frameworks applies, its `when` doesn't match or
 * no subject of its kind exists; `unknown` when its source is missing or stale (and no fresh
 * source shows a failure); otherwise `fail` when any subject fails, else `pass`.
 *
 * @public
 */
export function evaluate(
  policy: CompliancePolicy,
  input: EvaluationInput,
): ComplianceEvaluation {
  const compiled = compilePolicy(policy);
  const { profile } = input;
  const app = resolveApplicability(policy, profile);
  const facts = indexInventories(input.inventories, profile.terraformStates);
  const tfGap = terraformGap(facts);
  const consul = input.consul;
  const consulIndex = consul?.index;
  const consulSubj: Subject = consul?.view
    ? consulSubject(consul.view, consulIndex)
    : {
        source: 'consul',
        address: `consul:${profile.consulService ?? '?'}`,
        type: 'consul',
        labels: {},
        labelPrefix: 'meta',
        taggable: false,
        attributes: { registered: false },
        consulIndex,
      };
  const consulSubjects = [consulSubj];
  const serviceSubj: Subject = {
    source: facts.references.join(', ') || 'terraform',
    address: input.entityRef ?? 'service',
    type: 'service',
    labels: {},
    labelPrefix: 'tags',
    taggable: false,
    attributes: {},
  };
  const ctx: RuleContext = {
    subject: serviceSubj,
    facts,
    params: app.parameters,
    ownership: identities(input.ownership),
    groups: input.groups,
    tagNames: policy.parameters.tagNames,
    metaNames: policy.parameters.metaNames,
  };
  const now = (input.now ?? new Date()).getTime();
  const all = input.evidence === 'all';

  const checks = compiled.map((cc): CheckResult => {
    const { check } = cc;
    const result: CheckResult = {
      checkId: check.id,
      title: check.title,
      severity: check.severity,
      controls: check.controls,
      frameworks: cc.frameworks,
      status: 'not-applicable',
      remediation: check.remediation,
      evidence: [],
    };
    if (!cc.frameworks.some(f => app.applied.has(f))) {
      result.reason = cc.notApplicable;
      return result;
    }
    const when = check.when && matchCondition(check.when, profile);
    if (when && !when.matches) {
      result.reason = when.reason;
      return result;
    }
    if (check.attested)
      return attestedResult(result, input.attestations, now, all);
    const gap = cc.source === 'consul' ? consulGap(consul, cc) : tfGap;
    if (gap) return { ...result, status: 'unknown', reason: gap };
    const subjects =
      cc.source === 'consul' ? consulSubjects : cc.select(facts, serviceSubj);
    const r = run(cc, ctx, subjects, all);
    if (r.evidence) result.evidence = r.evidence;
    if (r.failed) result.status = 'fail';
    else if (r.unknown)
      Object.assign(result, { status: 'unknown', reason: r.reason });
    else if (r.passed) result.status = 'pass';
    else result.reason = 'nothing of this kind in the service';
    // Missing or stale states may hide a failure; a failure seen in fresh data stands.
    if (cc.source === 'terraform' && facts.gaps.length) {
      if (result.status !== 'fail') result.status = 'unknown';
      result.reason = [result.reason, ...facts.gaps].filter(Boolean).join('; ');
    }
    if (result.status === 'fail') {
      const w = input.waivers?.find(
        x => x.checkId === check.id && new Date(x.expiresAt).getTime() > now,
      );
      if (w)
        result.waiver = {
          expiresAt: new Date(w.expiresAt).toISOString(),
          reason: w.reason,
        };
    }
    return result;
  });

  const weights = policy.scoring.severityWeights;
  const byFramework = new Map(
    app.frameworks.map(f => [f.id, new ScoreAccumulator(weights)]),
  );
  const service = new ScoreAccumulator(weights);
  for (const c of checks) {
    service.add(c);
    for (const f of c.frameworks)
      if (app.applied.has(f)) byFramework.get(f)!.add(c);
  }
  return {
    policy: { name: policy.metadata.name, version: policy.metadata.version },
    frameworks: app.frameworks.map(f => ({
      ...f,
      score: byFramework.get(f.id)!.score,
    })),
    parameters: app.parameters,
    checks,
    score: service.score,
  };
}
