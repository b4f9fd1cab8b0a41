import type { Database } from './database';
import { StorageError } from './storage-error';
import { MIGRATIONS, type Migration } from './migrations/index';

async function appliedVersion(db: Database): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const row = await db.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return row?.v ?? 0;
}

/**
 * Brings the schema up to `target` (default: the newest this build knows). Each migration runs in its
 * own BEGIN IMMEDIATE transaction and re-checks what is applied, so two processes starting together
 * cannot both apply one. A database written by a newer Byline is refused, never downgraded.
 */
export async function migrate(
  db: Database,
  options: { target?: number; migrations?: readonly Migration[]; now?: () => Date } = {},
): Promise<{ from: number; to: number }> {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = migrations.at(-1)?.version ?? 0;
  const target = options.target ?? known;
  const now = options.now ?? (() => new Date());
  const from = await appliedVersion(db);
  if (from > known) {
    throw new StorageError(
      'TOO_NEW',
      `이 데이터베이스는 더 새로운 바이라인(스키마 ${from})이 만든 것입니다. 이 버전은 스키마 ${known}까지만 압니다. 바이라인을 업데이트하세요. 파일은 바꾸지 않았습니다.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version > target) break;
    await db.transaction(async (tx) => {
      const done = await tx.get<{ version: number }>('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
      if (done) return;
      await tx.exec(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now().toISOString()]);
    });
  }
  return { from, to: Math.max(from, Math.min(target, known)) };
}
