/** Keys per `whereIn` of a batched read: well below SQLite's limit on bound parameters. */
export const BATCH_SIZE = 500;

/** `values` cut into runs of at most `size`, in order. */
export function inBatches<T>(values: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size)
    out.push(values.slice(i, i + size));
  return out;
}

/** Rows grouped by their entity ref, each group in the order the rows came. */
export function groupByEntity<R extends { entity_ref: string }, T>(
  rows: readonly R[],
  map: (row: R) => T,
  into = new Map<string, T[]>(),
): Map<string, T[]> {
  for (const row of rows) {
    const list = into.get(row.entity_ref) ?? [];
    list.push(map(row));
    into.set(row.entity_ref, list);
  }
  return into;
}
