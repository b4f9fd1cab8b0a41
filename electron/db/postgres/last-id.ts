/**
 * `run()` answers `lastId` as SQLite's last_insert_rowid() does. PostgreSQL has no such thing: an INSERT
 * says which id it made only through RETURNING. Until the repositories ask for it themselves
 * (`get<{id:number}>('INSERT … RETURNING id')`, which SQLite 3.35+ runs too), `run` adds `RETURNING id`
 * to an INSERT into a table whose id the database assigns: those are the only tables whose lastId a
 * repository reads (workflow_events, review_comments, publish_targets, publish_attempts).
 */

/** Tables with `id bigint GENERATED … AS IDENTITY` in the PostgreSQL schema (migrations/). */
export const IDENTITY_TABLES: ReadonlySet<string> = new Set(['revisions', 'workflow_events', 'review_comments', 'publish_targets', 'publish_attempts']);

const INSERT_INTO = /^\s*INSERT\s+INTO\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

/** The SQL with `RETURNING id` added where lastId can be known, and whether it was. */
export function withReturningId(sql: string): { sql: string; returning: boolean } {
  const table = INSERT_INTO.exec(sql)?.[1]?.toLowerCase();
  if (!table || !IDENTITY_TABLES.has(table) || /\bRETURNING\b/i.test(sql)) return { sql, returning: false };
  return { sql: `${sql.replace(/[\s;]+$/, '')} RETURNING id`, returning: true };
}
