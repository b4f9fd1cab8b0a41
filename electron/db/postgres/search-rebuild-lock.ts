import type { Database } from '../database';
import { MIGRATION_LOCK_CLASS } from './migrate';
import { PgDatabase } from './pg-database';

/**
 * Runs a search-index rebuild (search/article-index.ts) alone among the workstations sharing a PostgreSQL schema:
 * each checks the tokenizer version and rebuilds at start, and two rebuilding at once would empty the
 * index under each other's batches. A session lock, as the migration runner's, because a rebuild is many
 * transactions and the server releases the lock if this workstation dies mid-way; the objid is the
 * schema's hash salted apart from the migrations' own. On SQLite, one process owns the file: `fn` just runs.
 */
export async function withSearchRebuildLock<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (!(db instanceof PgDatabase)) return fn();
  return db.session(async (s) => {
    await s.run("SELECT pg_advisory_lock(?, hashtext(current_schema() || '/search-index'))", [MIGRATION_LOCK_CLASS]);
    try {
      return await fn();
    } finally {
      await s.run("SELECT pg_advisory_unlock(?, hashtext(current_schema() || '/search-index'))", [MIGRATION_LOCK_CLASS]).catch(() => undefined);
    }
  });
}
