import type { Subject } from './facts';
import { same } from './operators';
import { getPath, parsePath } from './paths';
import { linkTable, scalarKey } from './lookups';
import type { LinkedRule } from './rules';
import {
  Evidence,
  evidence,
  FAIL,
  fold,
  keep,
  PASS,
  RuleContext,
  RuleFn,
  Status,
  typeMatcher,
  UNKNOWN,
} from './ruleRuntime';

/**
 * `linked`: some resource of another type points at this one (or, without `by`, exists at all);
 * with `rule`, at least one such resource must also satisfy it. The linked resource is the
 * subject of the inner rule.
 *
 * @internal
 */
export function linkedRule(
  link: LinkedRule['linked'],
  rule: RuleFn | undefined,
): RuleFn {
  // Our side is read from the current scope (a forEach element), or from the resource with `$.`.
  const pairs = Object.entries(link.by ?? {}).map(([theirs, ours]) => ({
    theirsText: theirs,
    theirs: parsePath(theirs),
    root: ours.startsWith('$.'),
    ours: parsePath(ours.startsWith('$.') ? ours.slice(2) : ours),
  }));
  const matchesType = typeMatcher([link.resource]);
  const exact = !link.resource.includes('*');
  const oursText = (prefix: string) =>
    Object.values(link.by ?? {})
      .map(p => (p.startsWith('$.') ? p.slice(2) : prefix + p))
      .join(', ');
  const theirsText = Object.keys(link.by ?? {}).join(', ') || 'address';
  const tableId = `${link.resource} ${pairs[0]?.theirsText}`;
  // Candidates: by the first pair's value through a lookup table; the other pairs are checked.
  const candidates = (
    ctx: RuleContext,
    scope: unknown,
  ): Subject[] | undefined => {
    if (!pairs.length)
      return exact
        ? ctx.facts.byType.get(link.resource)
        : ctx.facts.all.filter(c => matchesType(c.type));
    const first = pairs[0];
    const key = scalarKey(
      getPath(first.root ? ctx.subject.attributes : scope, first.ours),
    );
    if (key === undefined || key === '' || !exact) return undefined;
    const found = linkTable(
      ctx.facts,
      tableId,
      link.resource,
      first.theirs,
    ).get(key);
    if (!found || pairs.length === 1) return found;
    return found.filter(c =>
      pairs.every(p => {
        const ours = getPath(p.root ? ctx.subject.attributes : scope, p.ours);
        const theirs = getPath(c.attributes, p.theirs);
        return Array.isArray(theirs)
          ? theirs.some(t => same(t, ours))
          : same(theirs, ours);
      }),
    );
  };
  return (ctx, scope, prefix, out) => {
    const self = ctx.subject;
    const linked = candidates(ctx, scope);
    let fail = false;
    let unknown = false;
    const buffers: Evidence[][] | undefined = out && [];
    const statuses: Status[] | undefined = out && [];
    for (const c of linked ?? []) {
      if (!rule) {
        const theirs = pairs.length
          ? getPath(c.attributes, pairs[0].theirs)
          : c.address;
        out?.push(
          evidence(
            { ...ctx, subject: c },
            theirsText,
            theirs,
            `links to ${self.address}`,
          ),
        );
        return PASS;
      }
      // The linked resource becomes the subject of the inner rule; restored right after.
      ctx.subject = c;
      const b: Evidence[] | undefined = out ? [] : undefined;
      const s = rule(ctx, c.attributes, '', b);
      ctx.subject = self;
      if (s === PASS) {
        if (b) out!.push(...b);
        return PASS;
      }
      if (s === FAIL) fail = true;
      if (s === UNKNOWN) unknown = true;
      if (b) {
        buffers!.push(b);
        statuses!.push(s);
      }
    }
    if (!fail && !unknown) {
      if (out) {
        const ours = pairs.map(p =>
          getPath(p.root ? self.attributes : scope, p.ours),
        );
        const attr = pairs.length ? oursText(prefix) : link.resource;
        const note = pairs.length
          ? `no ${link.resource} refers to it`
          : `there is no ${link.resource}`;
        out.push(
          evidence(
            ctx,
            attr,
            ours.length > 1 ? ours : ours[0],
            `a linked ${link.resource}`,
            note,
          ),
        );
      }
      return link.missing === 'unknown' ? UNKNOWN : FAIL;
    }
    const result = fold(false, fail, unknown, true);
    if (out) keep(out, buffers!, statuses!, result);
    return result;
  };
}
