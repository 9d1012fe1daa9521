/**
 * A timestamp column as the driver returns it: a `Date` from PostgreSQL, a string or epoch
 * milliseconds from SQLite (better-sqlite3 keeps what was written).
 */
export type DbTime = Date | string | number;

/** A timestamp column as a `Date`, whichever database it came from. */
export const dateFromDb = (v: DbTime): Date =>
  v instanceof Date ? v : new Date(v);
