import { StorageError } from '../storage-error';
import { PG_MIGRATIONS, type Migration } from '../migrations/index';
import type { PgDatabase, PgSession } from './pg-database';

/**
 * Classid of Byline's advisory locks (the objid is the schema's hash, so schemas migrate independently).
 * Any fixed number unlikely to be used by another application on the same server: "BYLN" in ASCII.
 */
export const MIGRATION_LOCK_CLASS = 0x42594c4e;

async function appliedVersions(s: PgSession): Promise<Set<number>> {
  await s.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
  const rows = await s.all<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => r.version));
}

/**
 * Brings the shared schema up to `target` (default: the newest this build knows). Every workstation runs
 * this at start; the first to take the session-level advisory lock migrates, the others wait on the lock
 * and then find nothing left to do. A session lock (not a transaction one) so that the lock is held across
 * the migrations, each in its own transaction, and is released by the server if this workstation dies
 * mid-way. A schema written by a newer Byline is refused, never downgraded, as migrate.ts does for SQLite.
 */
export async function migratePg(
  db: PgDatabase,
  options: { target?: number; migrations?: readonly Migration[]; now?: () => Date } = {},
): Promise<{ from: number; to: number; applied: number[] }> {
  const migrations = options.migrations ?? PG_MIGRATIONS;
  const known = migrations.at(-1)?.version ?? 0;
  const target = options.target ?? known;
  const now = options.now ?? (() => new Date());
  return db.session(async (s) => {
    await s.run('SELECT pg_advisory_lock(?, hashtext(current_schema()))', [MIGRATION_LOCK_CLASS]);
    try {
      const done = await appliedVersions(s);
      const from = Math.max(0, ...done);
      // Not only a higher number: PostgreSQL-only migrations number from 101 (db/migrations/index.ts), so a
      // newer build's 010 sits below this build's newest and only its absence from the list tells.
      const versions = new Set(migrations.map((m) => m.version));
      const unknown = [...done].filter((v) => !versions.has(v)).sort((a, b) => a - b);
      if (unknown.length > 0) {
        throw new StorageError(
          'TOO_NEW',
          `이 데이터베이스는 더 새로운 바이라인이 만든 것입니다(이 버전이 모르는 스키마 ${unknown.join(', ')}). 이 버전은 스키마 ${known}까지만 압니다. 바이라인을 업데이트하세요. 데이터베이스는 바꾸지 않았습니다.`,
        );
      }
      const applied: number[] = [];
      for (const migration of migrations) {
        if (migration.version > target) break;
        if (done.has(migration.version)) continue;
        await s.transaction(async (tx) => {
          await tx.exec(migration.sql);
          await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now().toISOString()]);
        });
        applied.push(migration.version);
      }
      return { from, to: Math.max(from, Math.min(target, known)), applied };
    } finally {
      await s.run('SELECT pg_advisory_unlock(?, hashtext(current_schema()))', [MIGRATION_LOCK_CLASS]).catch(() => undefined);
    }
  });
}
