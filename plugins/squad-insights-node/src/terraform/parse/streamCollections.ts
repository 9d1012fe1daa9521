/**
 * Where the streaming reader is in a document, and what it keeps: the path rules of
 * `StreamAssembler`, kept apart so they can be read next to `walkDocument`.
 */

/** A step of a path: an object key or an array index. */
export type Step = string | number;
/** A container being assembled. */
export type Container = Record<string, unknown> | unknown[];
/** The resource collections whose elements are handed over one at a time. */
export type Collection = 'v4' | 'legacy' | 'show' | 'prior';

/**
 * Top-level fields the inventory reads. Others (a plan's `planned_values`, `resource_changes`,
 * `configuration`, ...) can be as large as the state itself and are only noted as present.
 */
export const KEEP = new Set([
  'version',
  'terraform_version',
  'serial',
  'lineage',
  'outputs',
  'backend',
  'remote',
  'modules',
  'resources',
  'format_version',
  'values',
  'prior_state',
]);

/** OpenTofu's envelope: stop at once, before a possibly gigabyte-long `encrypted_data`. */
export const ENCRYPTED = new Set(['encryption_version', 'encrypted_data']);

/** The same collections `walkDocument` visits, recognised by their path. */
export function collectionOf(
  path: Step[],
  array: boolean,
): Collection | undefined {
  if (!array) {
    const legacy =
      path.length === 3 && path[0] === 'modules' && typeof path[1] === 'number';
    return legacy && path[2] === 'resources' ? 'legacy' : undefined;
  }
  if (path.length === 1 && path[0] === 'resources') return 'v4';
  let i = path[0] === 'prior_state' ? 1 : 0;
  if (path[i] !== 'values' || path[i + 1] !== 'root_module') return undefined;
  i += 2;
  while (path[i] === 'child_modules' && typeof path[i + 1] === 'number') i += 2;
  if (i !== path.length - 1 || path[i] !== 'resources') return undefined;
  return path[0] === 'prior_state' ? 'prior' : 'show';
}

/** Adds a value to an array, or under `key` to an object, exactly as `JSON.parse` would. */
export function assign(
  container: Container,
  key: string | undefined,
  value: unknown,
): void {
  if (Array.isArray(container)) container.push(value);
  // JSON.parse makes `__proto__` an own property; plain assignment would set the prototype.
  else if (key === '__proto__') {
    Object.defineProperty(container, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else container[key as string] = value;
}
