function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tagValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return undefined;
}

function addMap(out: Record<string, string>, source: unknown): void {
  if (!isRecord(source)) return;
  for (const key of Object.keys(source)) {
    const value = tagValue(source[key]);
    if (value !== undefined) out[key] = value;
  }
}

/** `aws_autoscaling_group` writes tags as blocks: `tag { key, value, propagate_at_launch }`. */
function addBlocks(out: Record<string, string>, source: unknown): void {
  if (!Array.isArray(source)) return;
  for (const block of source) {
    if (isRecord(block) && typeof block.key === 'string') {
      const value = tagValue(block.value);
      if (value !== undefined) out[block.key] = value;
    }
  }
}

/**
 * An instance's tags or labels as one string map. Later sources win: provider-level defaults
 * (`tags_all`, GCP `effective_labels`/`terraform_labels`) are overridden by what the resource
 * sets itself (`tags`, `labels`). GCP's `tags` is a list of network tags, not a map, and is
 * ignored. Runs on already scrubbed attributes, so secret-named tags are gone.
 *
 * @internal
 */
export function deriveTags(
  attrs: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  addMap(out, attrs.effective_labels);
  addMap(out, attrs.terraform_labels);
  addMap(out, attrs.labels);
  addBlocks(out, attrs.tag);
  addBlocks(out, attrs.tags);
  addMap(out, attrs.tags_all);
  addMap(out, attrs.tags);
  return out;
}
