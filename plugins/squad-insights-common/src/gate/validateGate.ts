import type { PathSegment } from '../compliance/paths';
import type { GatePolicy } from './gatePolicy';

/**
 * The gate's references to frameworks, checked against the policy's frameworks like the rest of
 * the policy's references: a misspelt framework would silently gate nothing.
 *
 * @internal
 */
export function gateReferenceIssues(
  gate: GatePolicy | undefined,
  frameworks: ReadonlySet<string>,
): Array<{ path: PathSegment[]; message: string }> {
  if (!gate) return [];
  const issues: Array<{ path: PathSegment[]; message: string }> = [];
  const known = [...frameworks].join(', ');
  const check = (id: string, path: PathSegment[]) => {
    if (id !== '*' && !frameworks.has(id)) {
      issues.push({
        path,
        message: `unknown framework "${id}"; the policy defines ${known}`,
      });
    }
  };
  for (const [name, env] of Object.entries(gate.environments)) {
    env.frameworks.forEach((f, i) =>
      check(f, ['gate', 'environments', name, 'frameworks', i]),
    );
  }
  gate.reviewPeriods?.forEach((p, i) =>
    p.when.requirements?.forEach((r, j) =>
      check(r, ['gate', 'reviewPeriods', i, 'when', 'requirements', j]),
    ),
  );
  gate.failClosed?.requirements?.forEach((r, j) =>
    check(r, ['gate', 'failClosed', 'requirements', j]),
  );
  return issues;
}
