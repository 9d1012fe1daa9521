/** Recursively sorts object keys, as Terraform's cty → JSON encoding and `jsonencode()` do. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sortKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}

/** What Terraform's `jsonencode()` produces: compact JSON with sorted object keys. */
export function jsonencode(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * Go's encoding/json escapes <, > and & (and U+2028/9) inside strings; Terraform's state
 * writer uses it, so real state files contain `\u003e` etc. These characters never occur
 * outside strings in JSON, so a plain replace is safe.
 */
export function goJsonEscape(text: string): string {
  return text.replace(
    /[<>&\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
