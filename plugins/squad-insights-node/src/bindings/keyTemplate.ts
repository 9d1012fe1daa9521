/*
 * Key templates of binding rules: `squads/{owner}/{name}/**`, `{namespace}/{name}.tfstate`.
 *
 * A small matcher of its own rather than minimatch or picomatch (neither is a dependency of
 * this package, only transitive ones): the values substituted for placeholders come from
 * catalog files that anyone may write, and must only ever match themselves. Keys may contain
 * `@` and `+` (Consul KV workspaces), which those libraries read as extglob syntax, so every
 * value would need escaping, and a missed escape would widen an operator's rule. Here a
 * placeholder's value is compared as a literal, never parsed.
 */

/** The entity values a template may name. @public */
export const BINDING_PLACEHOLDERS = [
  'namespace',
  'kind',
  'name',
  'owner',
  'system',
] as const;

/** @public */
export type BindingPlaceholder = (typeof BINDING_PLACEHOLDERS)[number];

/** The values of an entity for the placeholders; absent when the entity has none (no system). @public */
export type PlaceholderValues = Partial<Record<BindingPlaceholder, string>>;

type Part =
  | { type: 'literal'; text: string }
  | { type: 'placeholder'; name: BindingPlaceholder }
  | { type: 'star' };

type Segment = { type: 'globstar' } | { type: 'parts'; parts: Part[] };

/**
 * A parsed template, made by the binding rules from the operator's configuration. Its
 * segments are internal: match it with the binding functions, never by hand.
 *
 * @public
 */
export interface KeyTemplate {
  source: string;
  /** @internal */
  segments: Segment[];
}

/**
 * Parses a template, throwing an Error that names what is wrong (unknown placeholder,
 * unclosed brace, `**` inside a segment). Called at startup, so a typo stops the backend
 * instead of silently refusing every entity.
 */
export function parseKeyTemplate(template: string): KeyTemplate {
  if (!template.trim()) throw new Error('a template may not be empty');
  const segments = template.split('/').map((raw): Segment => {
    if (raw === '**') return { type: 'globstar' };
    if (raw === '')
      throw new Error(`template "${template}" has an empty path segment`);
    if (raw.includes('**')) {
      throw new Error(
        `template "${template}": "**" must be a whole path segment`,
      );
    }
    const parts: Part[] = [];
    let rest = raw;
    while (rest) {
      const brace = rest.search(/[{}*]/);
      if (brace < 0) {
        parts.push({ type: 'literal', text: rest });
        break;
      }
      if (brace > 0)
        parts.push({ type: 'literal', text: rest.slice(0, brace) });
      const c = rest[brace];
      if (c === '*') {
        parts.push({ type: 'star' });
        rest = rest.slice(brace + 1);
        continue;
      }
      const close = rest.indexOf('}', brace);
      if (c === '}' || close < 0)
        throw new Error(`template "${template}" has an unmatched brace`);
      const name = rest.slice(brace + 1, close);
      if (!(BINDING_PLACEHOLDERS as readonly string[]).includes(name)) {
        throw new Error(
          `template "${template}" names unknown placeholder {${name}}; use ${BINDING_PLACEHOLDERS.map(
            p => `{${p}}`,
          ).join(', ')}`,
        );
      }
      parts.push({ type: 'placeholder', name: name as BindingPlaceholder });
      rest = rest.slice(close + 1);
    }
    return { type: 'parts', parts };
  });
  return { source: template, segments };
}

/** The placeholders a template uses, to say which one an entity lacks. */
export function templatePlaceholders(
  template: KeyTemplate,
): BindingPlaceholder[] {
  return template.segments.flatMap(s =>
    s.type === 'parts'
      ? s.parts.flatMap(p => (p.type === 'placeholder' ? [p.name] : []))
      : [],
  );
}

/**
 * Whether `key` matches the template for an entity with these values. `*` matches any run of
 * characters inside one segment, `**` any number of whole segments (none included), and a
 * placeholder exactly its value (ignoring case, as the catalog does for entity names). A
 * template naming a placeholder the entity has no value for matches nothing.
 */
export function matchKeyTemplate(
  template: KeyTemplate,
  key: string,
  values: PlaceholderValues,
): boolean {
  const keySegments = key.split('/');
  const matchFrom = (t: number, k: number): boolean => {
    if (t === template.segments.length) return k === keySegments.length;
    const segment = template.segments[t];
    if (segment.type === 'globstar') {
      for (let skip = k; skip <= keySegments.length; skip++) {
        if (matchFrom(t + 1, skip)) return true;
      }
      return false;
    }
    if (k >= keySegments.length) return false;
    return (
      matchSegment(segment.parts, keySegments[k], values) &&
      matchFrom(t + 1, k + 1)
    );
  };
  return matchFrom(0, 0);
}

function matchSegment(
  parts: Part[],
  text: string,
  values: PlaceholderValues,
): boolean {
  const matchAt = (p: number, i: number): boolean => {
    if (p === parts.length) return i === text.length;
    const part = parts[p];
    if (part.type === 'star') {
      for (let end = i; end <= text.length; end++) {
        if (matchAt(p + 1, end)) return true;
      }
      return false;
    }
    if (part.type === 'literal') {
      return (
        text.startsWith(part.text, i) && matchAt(p + 1, i + part.text.length)
      );
    }
    const value = values[part.name];
    // A value holding a "/" could never be one segment; an empty one would let "{name}.tfstate"
    // match ".tfstate". Neither is a real entity's value: refuse rather than guess.
    if (!value || value.includes('/')) return false;
    const candidate = text.slice(i, i + value.length);
    return (
      candidate.toLocaleLowerCase('en') === value.toLocaleLowerCase('en') &&
      matchAt(p + 1, i + value.length)
    );
  };
  return matchAt(0, 0);
}
