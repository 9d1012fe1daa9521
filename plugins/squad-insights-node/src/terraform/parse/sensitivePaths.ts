type Step = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One step of a `sensitive_attributes` path. Terraform writes `{"type":"get_attr","value":"x"}`
 * and `{"type":"index","value":{"value":0,"type":"number"}}` (a cty JSON value of dynamic
 * type); a bare index value is accepted too. `undefined` means the step is not understood.
 */
function readStep(raw: unknown): Step | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'get_attr' && typeof raw.value === 'string')
    return raw.value;
  if (raw.type !== 'index') return undefined;
  const key = isRecord(raw.value) ? raw.value.value : raw.value;
  return typeof key === 'string' || typeof key === 'number' ? key : undefined;
}

/** Reads one path; a dotted string (`"a.b"`) and a single bare step are accepted as well. */
function readPath(raw: unknown): Step[] | undefined {
  if (typeof raw === 'string') return raw.split('.');
  const steps = Array.isArray(raw) ? raw.map(readStep) : [readStep(raw)];
  return steps.every(s => s !== undefined) ? (steps as Step[]) : undefined;
}

function dropPath(root: unknown, path: Step[]): void {
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (typeof step !== 'number') {
        // An index into a set is keyed by the element's value, which we cannot match
        // reliably: give up the whole collection rather than risk keeping the secret.
        node.length = 0;
        return;
      }
      if (last) node[step] = null;
      else node = node[step];
    } else if (isRecord(node)) {
      const key = String(step);
      if (last) delete node[key];
      else node = node[key];
    } else {
      return;
    }
  }
}

/**
 * Drops the attribute paths a v4 instance lists in `sensitive_attributes`, in place. List
 * elements are replaced by `null` so the remaining indexes keep their meaning. Returns the
 * top-level names still to go (`undefined`: none), or `null` when every attribute must go:
 * when the list has a shape this reader does not understand, an empty inventory entry is
 * better than a leaked secret.
 *
 * @internal
 */
export function dropSensitiveAttributes(
  attrs: Record<string, unknown>,
  sensitive: unknown,
): ReadonlySet<string> | undefined | null {
  if (sensitive === undefined || sensitive === null) return undefined;
  if (!Array.isArray(sensitive)) return null;
  let topLevel: Set<string> | undefined;
  for (const raw of sensitive) {
    const path = readPath(raw);
    if (!path) return null;
    if (path.length === 0) return null;
    // The usual case (`password`): left to the scrubber, which leaves it out of the copy it
    // makes of an object that loses a key, rather than deleted here, which would make the
    // attributes a slow dictionary for every later reader.
    if (path.length === 1) (topLevel ??= new Set()).add(String(path[0]));
    else dropPath(attrs, path);
  }
  return topLevel;
}

/**
 * Drops what `terraform show -json` marks in `sensitive_values`: a tree shaped like `values`
 * where `true` marks a sensitive value. In place; returns the values.
 *
 * @internal
 */
export function dropSensitiveValues(
  values: Record<string, unknown>,
  sensitive: unknown,
): Record<string, unknown> {
  if (sensitive === true) return {};
  walk(values, sensitive);
  return values;
}

function walk(node: unknown, marks: unknown): void {
  if (Array.isArray(node) && Array.isArray(marks)) {
    marks.forEach((mark, i) => {
      if (mark === true) node[i] = null;
      else walk(node[i], mark);
    });
  } else if (isRecord(node) && isRecord(marks)) {
    for (const key of Object.keys(marks)) {
      if (marks[key] === true) delete node[key];
      else walk(node[key], marks[key]);
    }
  }
}
