interface Node {
  value?: string;
  children?: Map<string, Node>;
}

function insert(root: Node, key: string, value: string): void {
  let node = root;
  for (const segment of key.split('.')) {
    node.children ??= new Map();
    let child = node.children.get(segment);
    if (!child) {
      child = {};
      node.children.set(segment, child);
    }
    node = child;
  }
  node.value = value;
}

/** Re-joins a subtree into dotted keys: map keys may themselves contain dots. */
function flatten(
  node: Node,
  prefix: string,
  out: Record<string, string>,
): void {
  if (node.value !== undefined && prefix) out[prefix] = node.value;
  for (const [segment, child] of node.children ?? []) {
    flatten(child, prefix ? `${prefix}.${segment}` : segment, out);
  }
}

const NUMERIC = /^\d+$/;

function convert(node: Node): unknown {
  const children = node.children;
  if (!children || children.size === 0) return node.value;
  if (children.has('%')) {
    // A map (`tags.%`). SDKv1 maps hold primitives, and their keys may contain dots
    // (`tags.kubernetes.io/cluster/x`), so everything below is one literal key.
    const map: Record<string, string> = {};
    for (const [segment, child] of children) {
      if (segment !== '%') flatten(child, segment, map);
    }
    return map;
  }
  const entries = [...children].filter(([segment]) => segment !== '#');
  if (
    children.has('#') &&
    entries.every(([segment]) => NUMERIC.test(segment))
  ) {
    // A list (`list.#`, `list.0`) or a set (`ingress.#`, `ingress.1234567.from_port`): both
    // become an array, ordered by index or hash. An empty collection (`x.# = 0`) is [].
    return entries
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, child]) => convert(child));
  }
  // A nested block without a count, or a v2-era map still counted with `#` (the v2→v3
  // upgrade turns those into maps when their keys are not numeric).
  const obj: Record<string, unknown> = {};
  for (const [segment, child] of entries) obj[segment] = convert(child);
  return obj;
}

/**
 * Rebuilds nested attributes from the flatmap of state formats 1–3 and `attributes_flat`
 * (`tags.% = 1`, `tags.Name = web`, `list.# = 2`, `list.0 = a`). Terraform itself needs the
 * provider schema for this; without it, maps and lists are recognised by their `%` and `#`
 * counters and leaf values stay strings (flatmap does not record types).
 *
 * @internal
 */
export function expandFlatmap(
  flat: Record<string, unknown>,
): Record<string, unknown> {
  const root: Node = {};
  for (const key of Object.keys(flat)) {
    const value = flat[key];
    if (typeof value === 'string') insert(root, key, value);
  }
  // The top level is always an object, whatever its attribute names look like.
  const out: Record<string, unknown> = {};
  for (const [segment, child] of root.children ?? [])
    out[segment] = convert(child);
  return out;
}
