import type { AttributeOperator } from './rules';

/*
 * Comparison semantics of the rule language. Terraform states and Kafka configs often carry
 * typed values as strings (`"min.insync.replicas": "2"`, `auto_minor_version_upgrade: "true"`),
 * so comparisons coerce numeric strings to numbers and `"true"`/`"false"` to booleans.
 */

/** A number, from a number or a numeric string; NaN otherwise. @internal */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

/** Equality with the coercions above; lists compare element by element. @internal */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a === 'string' &&
    (typeof b === 'boolean' || typeof b === 'number')
  )
    return a === String(b);
  if (
    typeof b === 'string' &&
    (typeof a === 'boolean' || typeof a === 'number')
  )
    return b === String(a);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return false;
}

const globs = new Map<string, RegExp>();
/** `*` matches any run of characters; everything else is literal. Cached: patterns repeat. @internal */
export function glob(pattern: string): RegExp {
  let re = globs.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split('*')
        .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    globs.set(pattern, re);
  }
  return re;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

const splits = new Map<string, string[]>();
/**
 * A list value, or a label such as `GDPR,PCI_DSS` / `GDPR:PCI_DSS` / `gdpr--pci_dss` split into items. Cached:
 * the same few labels repeat on every resource.
 */
function items(v: unknown): unknown[] {
  if (typeof v !== 'string') return list(v);
  let parts = splits.get(v);
  if (!parts) {
    parts = v
      // GCP label values allow neither commas nor colons: lists there are joined by `--`.
      .split(/[,:;]|--/)
      .map(s => s.trim())
      .filter(Boolean);
    if (splits.size > 10_000) splits.clear();
    splits.set(v, parts);
  }
  return parts;
}

const nameKeys = new Map<string, string>();
/**
 * A name as people write it, for `like`: case, spaces, hyphens and underscores don't matter
 * (`PCI-DSS`, `pci_dss`, `PCI DSS`). Cached: the same few labels repeat on every resource.
 */
function nameKey(v: unknown): string {
  const s = String(v);
  let key = nameKeys.get(s);
  if (key === undefined) {
    key = s
      .normalize('NFKC')
      .toLocaleLowerCase('en')
      .replace(/[\s_-]+/g, ' ')
      .trim();
    if (nameKeys.size > 10_000) nameKeys.clear();
    nameKeys.set(s, key);
  }
  return key;
}

const memberSets = new WeakMap<readonly unknown[], Set<string> | null>();
/**
 * Whether `a` is one of `b`, as {@link same} decides it. Lists of scalars (regions, ports, tag
 * names: the same parameter arrays for every subject) are turned into a set of their string
 * forms once, which gives the same answers as `same` for scalars.
 */
function member(a: unknown, b: unknown): boolean {
  if (!Array.isArray(b)) return same(a, b);
  let set = memberSets.get(b);
  if (set === undefined) {
    set = b.every(x => ['string', 'number', 'boolean'].includes(typeof x))
      ? new Set(b.map(String))
      : null;
    memberSets.set(b, set);
  }
  if (
    set &&
    (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean')
  )
    return set.has(String(a));
  return b.some(x => same(a, x));
}

/** @internal */
export function isNonEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** @internal */
export const OPERATORS: Record<
  AttributeOperator,
  (actual: unknown, expected: unknown) => boolean
> = {
  equals: same,
  notEquals: (a, b) => !same(a, b),
  in: member,
  notIn: (a, b) => !member(a, b),
  atLeast: (a, b) => toNumber(a) >= toNumber(b),
  atMost: (a, b) => toNumber(a) <= toNumber(b),
  matches: (a, b) =>
    typeof a === 'string' && list(b).some(p => glob(String(p)).test(a)),
  contains: (a, b) =>
    Array.isArray(a)
      ? a.some(x => same(x, b))
      : typeof a === 'string' && a.includes(String(b)),
  containsAll: (a, b) => {
    const have = items(a);
    return list(b).every(x => member(x, have));
  },
  like: (a, b) =>
    typeof a === 'string' && list(b).some(x => nameKey(a) === nameKey(x)),
  likeAll: (a, b) => {
    const have = new Set(items(a).map(nameKey));
    return list(b).every(x => have.has(nameKey(x)));
  },
  nonEmpty: (a, b) => isNonEmpty(a) === b,
  exists: (a, b) => (a !== undefined && a !== null) === b,
};

const WORDS: Record<AttributeOperator, string> = {
  equals: '= ',
  notEquals: '!= ',
  in: 'one of ',
  notIn: 'none of ',
  atLeast: '>= ',
  atMost: '<= ',
  matches: 'matches ',
  contains: 'contains ',
  containsAll: 'contains all of ',
  like: '≈ ',
  likeAll: 'names all of ',
  nonEmpty: '',
  exists: '',
};

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(show).join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** What a rule expected, for evidence: `>= 2557 (recordRetentionDays)`. @internal */
export function describe(
  op: AttributeOperator,
  expected: unknown,
  label?: string,
): string {
  if (op === 'nonEmpty') return expected ? 'non-empty' : 'empty';
  if (op === 'exists') return expected ? 'present' : 'absent';
  return `${WORDS[op]}${show(expected)}${label ? ` (${label})` : ''}`;
}
