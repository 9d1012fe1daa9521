import type { WireSchemas } from '../api';
import type { ServiceFacts, Subject } from './facts';
import { glob } from './operators';
import { getPath, parsePath } from './paths';
import type { ValueRef } from './rules';
import type { GroupIdentity } from '../groupNames';

/** The roles of the squad model a label can name. @public */
export type OwnershipRole = 'squad' | 'tribe' | 'chapter' | 'guild';

/** Outcome of a rule on one subject. SKIP: the rule does not concern this subject. */
export const PASS = 0;
export const FAIL = 1;
export const UNKNOWN = 2;
export const SKIP = 3;
/** @public */
export type Status = 0 | 1 | 2 | 3;

/**
 * What a check read from the facts and what it expected; `actual` is absent when the
 * attribute is not there. Defined by the backend's OpenAPI spec.
 *
 * @public
 */
export type Evidence = WireSchemas['Evidence'];

/** @internal */
export interface RuleContext {
  subject: Subject;
  facts: ServiceFacts;
  params: Readonly<Record<string, unknown>>;
  /** The catalog's groups of the service: its squad and tribe, and its declared chapter and guild. */
  ownership: Partial<Record<OwnershipRole, GroupIdentity>>;
  /** Every group of the catalog, when the caller knows them: tells "no such group" from drift. */
  groups?: readonly GroupIdentity[];
  tagNames: Readonly<Record<string, string>>;
  metaNames?: Readonly<Record<string, string>>;
  /** The last `alternativeGroup` handed out in this evaluation; see {@link markAlternatives}. */
  alternativeGroups?: number;
}

/**
 * A compiled rule. `out` collects evidence; without it the rule only decides: the fast path,
 * which allocates nothing (no evidence, no attribute names, no intermediate lists).
 *
 * @internal
 */
export type RuleFn = (
  ctx: RuleContext,
  scope: unknown,
  prefix: string,
  out: Evidence[] | undefined,
) => Status;

/** @internal */
export function evidence(
  ctx: RuleContext,
  attribute: string,
  actual: unknown,
  expected: string,
  note?: string,
): Evidence {
  const s = ctx.subject;
  const e: Evidence = {
    source: s.source,
    address: s.address,
    attribute,
    actual,
    expected,
  };
  if (s.serial !== undefined) e.serial = s.serial;
  if (s.consulIndex !== undefined) e.consulIndex = s.consulIndex;
  if (note) e.note = note;
  return e;
}

/** Matches resource types, with `*` and `prefix*` patterns. @internal */
export function typeMatcher(
  types: readonly string[],
): (type: string) => boolean {
  if (types.includes('*')) return () => true;
  const exact = new Set(types.filter(t => !t.includes('*')));
  const patterns = types.filter(t => t.includes('*')).map(glob);
  if (!patterns.length) return type => exact.has(type);
  return type => exact.has(type) || patterns.some(p => p.test(type));
}

/** Returned by a value whose parameter is not set for the service. @internal */
export const MISSING = Symbol('missing');

/** @internal */
export interface CompiledValue {
  get(ctx: RuleContext, scope: unknown): unknown;
  /** The parameter or attribute it names, for evidence. */
  label?: string;
  param?: string;
}

/** @internal */
export function compileValue(ref: ValueRef): CompiledValue {
  if (ref !== null && typeof ref === 'object' && !Array.isArray(ref)) {
    if ('param' in ref) {
      const name = ref.param;
      return {
        get: ctx =>
          ctx.params[name] === undefined ? MISSING : ctx.params[name],
        label: name,
        param: name,
      };
    }
    const segs = parsePath(ref.attribute);
    return { get: (_ctx, scope) => getPath(scope, segs), label: ref.attribute };
  }
  return { get: () => ref };
}

/**
 * Folds child outcomes. allOf: any fail fails, else any unknown is unknown, else any pass
 * passes. anyOf: any pass passes, else unknown, else fail. Nothing but skips: skip.
 *
 * @internal
 */
export function fold(
  pass: boolean,
  fail: boolean,
  unknown: boolean,
  anyPasses: boolean,
): Status {
  if (anyPasses ? pass : fail) return anyPasses ? PASS : FAIL;
  if (unknown) return UNKNOWN;
  if (anyPasses ? fail : pass) return anyPasses ? FAIL : PASS;
  return SKIP;
}

/** Keeps the evidence that explains the outcome: the children that decided it. @internal */
export function keep(
  out: Evidence[],
  buffers: Evidence[][],
  statuses: Status[],
  result: Status,
): void {
  for (let i = 0; i < buffers.length; i++)
    if (statuses[i] === result) out.push(...buffers[i]);
}

/**
 * Marks the evidence that several alternatives of an `anyOf` kept as one group, so a reader
 * sees "expected A or B" rather than two requirements. Evidence already in a group (a nested
 * `anyOf`) keeps its own. @internal
 */
export function markAlternatives(ctx: RuleContext, kept: Evidence[][]): void {
  const alternatives = kept.filter(b => b.length > 0);
  if (alternatives.length < 2) return;
  const group = (ctx.alternativeGroups ?? 0) + 1;
  ctx.alternativeGroups = group;
  for (const e of alternatives.flat()) e.alternativeGroup ??= group;
}
