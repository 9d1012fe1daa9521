import type { Knex } from 'knex';

/** Well below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const CHUNK = 500;

/**
 * Restricts a query to rows whose `column` is one of `refs`; no restriction when `refs` is
 * undefined. The refs travel as one JSON parameter on SQLite and PostgreSQL, so the list may
 * be as long as the portfolio (thousands) without reaching a bound-parameter limit, and the
 * count, the page and the facets are all computed by the database over the same rows.
 */
export function whereVisible(
  db: Knex,
  query: Knex.QueryBuilder,
  column: string,
  refs: readonly string[] | undefined,
): Knex.QueryBuilder {
  if (refs === undefined) return query;
  const client = String(db.client.config.client ?? '');
  const json = JSON.stringify(refs);
  if (client === 'pg' || client === 'postgres' || client === 'postgresql') {
    return query.whereRaw(`?? in (select json_array_elements_text(?::json))`, [
      column,
      json,
    ]);
  }
  if (client.includes('sqlite')) {
    return query.whereRaw(`?? in (select value from json_each(?))`, [
      column,
      json,
    ]);
  }
  // Other databases: plain lists, a chunk at a time.
  return query.where(sub => {
    sub.whereRaw('1 = 0');
    for (let i = 0; i < refs.length; i += CHUNK)
      sub.orWhereIn(column, refs.slice(i, i + CHUNK));
  });
}
