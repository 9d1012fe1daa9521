function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tagValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return undefined;
}

/** Only strings, and no `__proto__` key (which the stores below do not add). */
function plainStrings(source: Record<string, unknown>): boolean {
  // Objects from JSON.parse have no inherited enumerable keys: no guard needed.
  // eslint-disable-next-line guard-for-in
  for (const key in source) {
    if (typeof source[key] !== 'string' || key === '__proto__') return false;
  }
  return true;
}

type Tags = Record<string, string>;

function addMap(out: Tags | undefined, source: unknown): Tags | undefined {
  if (!isRecord(source)) return out;
  // The first map of plain strings (AWS `tags_all`) is copied whole: a spread copies an
  // object of JSON.parse's shape at once, where key-by-key stores build it up one property at
  // a time.
  if (out === undefined && plainStrings(source)) return { ...source } as Tags;
  const target = out ?? {};
  // eslint-disable-next-line guard-for-in
  for (const key in source) {
    const value = tagValue(source[key]);
    if (value !== undefined && target[key] !== value) target[key] = value;
  }
  return target;
}

/** `aws_autoscaling_group` writes tags as blocks: `tag { key, value, propagate_at_launch }`. */
function addBlocks(out: Tags | undefined, source: unknown): Tags | undefined {
  if (!Array.isArray(source)) return out;
  const target = out ?? {};
  for (const block of source) {
    if (isRecord(block) && typeof block.key === 'string') {
      const value = tagValue(block.value);
      if (value !== undefined) target[block.key] = value;
    }
  }
  return target;
}

/**
 * The attributes tags are read from: an instance's attributes, or the fields the scrubber
 * noted of them (`instanceFields.ts`).
 *
 * @internal
 */
export type TagSources = Partial<
  Record<
    | 'effective_labels'
    | 'terraform_labels'
    | 'labels'
    | 'tag'
    | 'tags'
    | 'tags_all',
    unknown
  >
>;

/**
 * An instance's tags or labels as one string map. Later sources win: provider-level defaults
 * (`tags_all`, GCP `effective_labels`/`terraform_labels`) are overridden by what the resource
 * sets itself (`tags`, `labels`). GCP's `tags` is a list of network tags, not a map, and is
 * ignored. Runs on already scrubbed attributes, so secret-named tags are gone.
 *
 * @internal
 */
export function deriveTags(attrs: TagSources): Tags {
  let out: Tags | undefined;
  out = addMap(out, attrs.effective_labels);
  out = addMap(out, attrs.terraform_labels);
  out = addMap(out, attrs.labels);
  out = addBlocks(out, attrs.tag);
  out = addBlocks(out, attrs.tags);
  out = addMap(out, attrs.tags_all);
  out = addMap(out, attrs.tags);
  return out ?? {};
}
