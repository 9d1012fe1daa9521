import {
  Check,
  CompleteCheckSchema,
  CompliancePolicy,
  Framework,
  FrameworkSchema,
  PolicyOverride,
  PolicyOverrideSchema,
} from './model';
import {
  Locator,
  PolicyLoadError,
  PolicyProblem,
  referenceProblems,
  zodProblems,
} from './problems';
import { validatePolicyReferences } from './validate';
import { mergeGate } from '../gate/mergeGate';

function defined<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>)
    if (patch[key] !== undefined) out[key] = patch[key];
  return out;
}

function byId<T extends { id: string }>(
  base: readonly T[],
  patches: readonly T[],
): T[] {
  const out = [...base];
  for (const p of patches) {
    const at = out.findIndex(x => x.id === p.id);
    if (at >= 0) out[at] = p;
    else out.push(p);
  }
  return out;
}

/**
 * Merges an override onto a policy; `raw` is the override as written (for locating problems).
 *
 * @internal
 */
export function mergeOverride(
  base: CompliancePolicy,
  raw: unknown,
  fileName: string,
  locate?: Locator,
): CompliancePolicy {
  const parsed = PolicyOverrideSchema.safeParse(raw);
  if (!parsed.success)
    throw new PolicyLoadError(
      fileName,
      zodProblems(raw, parsed.error.issues, locate),
    );
  const o = parsed.data;
  const problems: PolicyProblem[] = [];
  // Within one override an id said twice is a mistake (the second would silently win).
  for (const list of ['frameworks', 'checks'] as const) {
    const seen = new Set<string>();
    o[list]?.forEach((entry, i) => {
      if (seen.has(entry.id))
        problems.push(
          ...referenceProblems(
            raw,
            [
              {
                path: [list, i, 'id'],
                message: `${list === 'checks' ? 'check' : 'framework'} "${
                  entry.id
                }" is defined twice in this file`,
              },
            ],
            locate,
          ),
        );
      seen.add(entry.id);
    });
  }

  const frameworks: Framework[] = [...base.frameworks];
  o.frameworks?.forEach((patch, i) => {
    const at = frameworks.findIndex(f => f.id === patch.id);
    if (at >= 0) {
      const old = frameworks[at];
      // Controls merge by id, so an override can add one control without restating the others.
      frameworks[at] = {
        ...old,
        ...defined(patch),
        controls: byId(old.controls, patch.controls ?? []),
      };
      return;
    }
    const full = FrameworkSchema.safeParse(patch);
    if (full.success) frameworks.push(full.data);
    else
      problems.push(
        ...zodProblems(raw, full.error.issues, locate, ['frameworks', i]),
      );
  });

  const checks: Check[] = [...base.checks];
  o.checks?.forEach((patch, i) => {
    const at = checks.findIndex(c => c.id === patch.id);
    if (at >= 0) {
      checks[at] = { ...checks[at], ...defined(patch) };
      return;
    }
    // A check the base doesn't have is new, and must be complete.
    const full = CompleteCheckSchema.safeParse(patch);
    if (full.success) checks.push(full.data);
    else {
      const issues = [...full.error.issues];
      // zod skips the rule-or-attested refinement while other fields are missing: say it too.
      if (
        patch.rule === undefined &&
        patch.attested === undefined &&
        !issues.some(x => x.path[0] === 'rule')
      )
        issues.push({
          code: 'custom',
          path: ['rule'],
          message: 'give a rule, or attested for a control no state can show',
          input: patch,
        } as (typeof issues)[number]);
      problems.push(...zodProblems(raw, issues, locate, ['checks', i]));
    }
  });
  if (problems.length) throw new PolicyLoadError(fileName, problems);

  const merged: CompliancePolicy = {
    ...base,
    metadata: { ...base.metadata, ...defined(o.metadata ?? {}) },
    scoring: {
      severityWeights: {
        ...base.scoring.severityWeights,
        ...defined(o.scoring?.severityWeights ?? {}),
      },
    },
    parameters: {
      ...base.parameters,
      ...defined(o.parameters ?? {}),
      tagNames: {
        ...base.parameters.tagNames,
        ...defined(o.parameters?.tagNames ?? {}),
      },
      metaNames: {
        ...base.parameters.metaNames,
        ...defined(o.parameters?.metaNames ?? {}),
      },
    },
    frameworks,
    checks,
  };
  const gate = mergeGate(base.gate, o.gate);
  if (gate) merged.gate = gate;
  const issues = validatePolicyReferences(merged);
  if (issues.length)
    throw new PolicyLoadError(fileName, referenceProblems(raw, issues, locate));
  return merged;
}

/**
 * Applies an override (from app-config or a policy file) to a policy without code: tune
 * parameters, add or replace frameworks and controls, add checks, change a check's fields
 * (e.g. `severity`) or switch it off with `enabled: false`. The result is validated like a
 * loaded policy; problems throw {@link PolicyLoadError} naming `options.fileName`
 * (default `policy override`). Neither input is modified.
 *
 * @public
 */
export function mergePolicy(
  base: CompliancePolicy,
  override: PolicyOverride | unknown,
  options: { fileName?: string } = {},
): CompliancePolicy {
  return mergeOverride(base, override, options.fileName ?? 'policy override');
}
