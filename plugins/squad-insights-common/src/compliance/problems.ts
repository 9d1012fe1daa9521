import type { z } from 'zod';
import { formatPath, PathSegment } from './paths';
import type { PolicyReferenceIssue } from './validate';

/** One problem in a policy, located in its file where possible. @public */
export interface PolicyProblem {
  /** e.g. `checks[3].severity`; the check's id is added for orientation. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/**
 * A policy that cannot be used. The message names the file, line and field of every problem,
 * e.g. `team-policy.yaml:14:7: checks[2] (encryption.rds-storage).severity: Invalid option…`.
 *
 * @public
 */
export class PolicyLoadError extends Error {
  readonly fileName: string;
  readonly problems: PolicyProblem[];
  constructor(fileName: string, problems: PolicyProblem[]) {
    const lines = problems.map(
      p =>
        `${fileName}${p.line ? `:${p.line}:${p.column}` : ''}: ${
          p.path ? `${p.path}: ` : ''
        }${p.message}`,
    );
    super(`Invalid compliance policy in ${fileName}:\n${lines.join('\n')}`);
    this.name = 'PolicyLoadError';
    this.fileName = fileName;
    this.problems = problems;
  }
}

/** Finds the line of a path in the raw document (data): the key of the deepest field that exists. @internal */
export type Locator = (
  path: readonly PathSegment[],
) => { line: number; column: number } | undefined;

function suffix(rest: readonly PathSegment[]): string {
  if (!rest.length) return '';
  return typeof rest[0] === 'number'
    ? formatPath(rest)
    : `.${formatPath(rest)}`;
}

/** Turns issue paths into problems, naming the check for orientation. @internal */
export function toProblem(
  raw: unknown,
  path: readonly PathSegment[],
  message: string,
  locate?: Locator,
): PolicyProblem {
  let text = formatPath(path);
  const checks = (raw as { checks?: Array<{ id?: unknown }> } | null)?.checks;
  if (
    path[0] === 'checks' &&
    typeof path[1] === 'number' &&
    Array.isArray(checks)
  ) {
    const id = checks[path[1]]?.id;
    if (typeof id === 'string')
      text = `${formatPath(path.slice(0, 2))} (${id})${suffix(path.slice(2))}`;
  }
  return { path: text, message, ...locate?.(path) };
}

/** @internal */
export function zodProblems(
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
  locate?: Locator,
  prefix: PathSegment[] = [],
): PolicyProblem[] {
  return issues.flatMap(issue => {
    const base = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map(k =>
        toProblem(raw, [...base, k], `unknown field "${k}"`, locate),
      );
    return [toProblem(raw, base, issue.message, locate)];
  });
}

/** Locates reference issues by check/framework id in the raw document they were written in. @internal */
export function referenceProblems(
  raw: unknown,
  issues: PolicyReferenceIssue[],
  locate?: Locator,
): PolicyProblem[] {
  return issues.map(issue => {
    if (!issue.anchor) return toProblem(raw, issue.path, issue.message, locate);
    const list = (raw as Record<string, unknown> | null)?.[issue.anchor.list];
    const index = Array.isArray(list)
      ? list.findIndex(x => x?.id === issue.anchor!.id)
      : -1;
    if (index >= 0)
      return toProblem(
        raw,
        [issue.anchor.list, index, ...issue.path],
        issue.message,
        locate,
      );
    return {
      path: `${issue.anchor.list}[id=${issue.anchor.id}]${suffix(issue.path)}`,
      message: issue.message,
    };
  });
}
