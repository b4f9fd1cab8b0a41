/**
 * Which engine a statement ran on, told by the row it returns. The index writers (search/article-index.ts,
 * media-repo.ts) get only the Executor of a transaction, which does not say, and must shape text for
 * PostgreSQL (search/pg-query.ts) there: a comparison comes back from pg as a boolean and from
 * sqlite3 as 0 or 1, so a column of the SELECT they already run answers it at no extra statement.
 */
export const ENGINE_PROBE = '(1 = 1) AS engine_probe';

export interface EngineProbe {
  engine_probe: boolean | number;
}

export function answeredByPostgres(row: EngineProbe): boolean {
  return typeof row.engine_probe === 'boolean';
}
