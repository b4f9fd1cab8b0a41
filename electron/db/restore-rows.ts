/**
 * A restore brings back a backup's rows, never its schema. A backup file is whatever is in the backups
 * folder: anyone who can put a file there could add a trigger that deletes revisions on every save or
 * rewrites CMS addresses, or drop the triggers that keep history append-only, and a page-for-page copy
 * would carry all of it into the live database. Comparing the backup's sqlite_schema with what the
 * migrations make would also refuse honest backups whose SQL text differs in spacing between SQLite
 * versions, and would still trust the rows' structure; copying rows is simpler and stronger: the
 * schema comes from this build's migrations, the backup is only read (attached to a connection whose
 * schema trust is off), and every CHECK, NOT NULL, STRICT type and foreign key of the fresh tables
 * judges every row on the way in. Search indexes are derived data, rebuilt rather than copied.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { openDatabase, type Database, type Executor } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { rebuildSearchIndexIfNeeded } from './search/article-index';
import { signMissing } from './duplicates/duplicates-repo';
import { quoteIdentifier } from './sql-identifier';

/** Rebuilt from the copied rows (search/rebuild.ts): their version rows say the index is missing. */
const DERIVED = new Set(['search_index_state', 'media_search_state', 'article_signatures', 'article_signature_bands']);

const KEPT_AS_IS = '현재 데이터는 그대로입니다.';

function notByline(file: string, why: string): AppError {
  return new AppError('VALIDATION', `바이라인 백업이 아니어서 복원하지 않았습니다: ${path.basename(file)} (${why}). ${KEPT_AS_IS}`);
}

function damaged(file: string, why: string): AppError {
  return new AppError('STORAGE', `백업 파일이 손상되었거나 바이라인 백업이 아닙니다: ${path.basename(file)} (${why}). ${KEPT_AS_IS}`);
}

/** The backup's schema version, once its migration log is exactly the one this build's migrations write. */
async function bylineVersion(db: Executor, file: string): Promise<number> {
  const log = await db.get<{ type: string }>("SELECT type FROM pragma_table_list WHERE schema = 'src' AND name = 'schema_migrations'");
  if (log?.type !== 'table') throw notByline(file, '마이그레이션 기록이 없습니다');
  const rows = await db.all<{ version: unknown; name: unknown }>('SELECT version, name FROM src.schema_migrations ORDER BY version');
  const newest = rows.at(-1)?.version;
  if (typeof newest === 'number' && newest > MIGRATIONS.at(-1)!.version) {
    throw new AppError('STORAGE', '이 백업은 더 새로운 바이라인이 만든 것이라 복원할 수 없습니다.');
  }
  if (rows.length === 0) throw notByline(file, '마이그레이션 기록이 비어 있습니다');
  rows.forEach((row, i) => {
    const known = MIGRATIONS[i];
    if (!known || row.version !== known.version || row.name !== known.name)
      throw notByline(file, `마이그레이션 기록이 바이라인의 것과 다릅니다 (${String(row.version)})`);
  });
  // The version, not the count: the two differ while a number is held by a branch not yet merged.
  return MIGRATIONS[rows.length - 1]!.version;
}

/** Plain columns only: a generated column would be computed by the backup's own expression. */
async function columns(db: Executor, schema: 'main' | 'src', table: string): Promise<Map<string, number>> {
  const rows = await db.all<{ name: string; hidden: number }>('SELECT name, hidden FROM pragma_table_xinfo(?, ?)', [table, schema]);
  return new Map(rows.map((r) => [r.name, r.hidden]));
}

/** Copies every table the migrations made at the backup's version, by column name, checked by the fresh schema. */
async function copyRows(db: Database, file: string): Promise<void> {
  const fresh = await db.all<{ name: string; sql: string }>(
    "SELECT l.name, s.sql FROM pragma_table_list l JOIN main.sqlite_schema s ON s.name = l.name WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY l.name",
  );
  const kinds = new Map(
    (await db.all<{ name: string; type: string }>("SELECT name, type FROM pragma_table_list WHERE schema = 'src'")).map((r) => [r.name, r.type]),
  );
  const plan: Array<{ table: string; cols: string }> = [];
  for (const { name } of fresh) {
    if (name === 'schema_migrations' || DERIVED.has(name)) continue;
    if (kinds.get(name) !== 'table') throw notByline(file, `${name} 표가 없거나 표가 아닙니다`);
    const want = [...(await columns(db, 'main', name)).entries()].filter(([, hidden]) => hidden === 0).map(([col]) => col);
    const have = await columns(db, 'src', name);
    const missing = want.filter((col) => have.get(col) !== 0);
    if (missing.length > 0) throw notByline(file, `${name} 표에 ${missing.join(', ')} 열이 없습니다`);
    plan.push({ table: name, cols: want.map(quoteIdentifier).join(', ') });
  }
  const autoincrement = new Set(fresh.filter((t) => /\bAUTOINCREMENT\b/i.test(t.sql)).map((t) => t.name));
  await db.transaction(async (tx) => {
    // References are checked once every table is in, at COMMIT, whatever order the tables come in.
    await tx.exec('PRAGMA defer_foreign_keys = ON');
    for (const { table, cols } of plan) {
      // An INSERT … SELECT of no rows would still start an AUTOINCREMENT counter the backup never had.
      if (!(await tx.get(`SELECT 1 AS found FROM src.${quoteIdentifier(table)} LIMIT 1`))) continue;
      await tx.run(`INSERT INTO main.${quoteIdentifier(table)} (${cols}) SELECT ${cols} FROM src.${quoteIdentifier(table)}`).catch((err: unknown) => {
        throw notByline(file, `${table} 표의 자료가 바이라인의 규칙에 맞지 않습니다: ${(err as Error).message}`);
      });
    }
    // An id once given out (a deleted publishing target's, say) is never given out again.
    if (kinds.get('sqlite_sequence') === 'table') {
      const seqs = await tx.all<{ name: string; seq: number }>("SELECT name, seq FROM src.sqlite_sequence WHERE typeof(seq) = 'integer'");
      for (const { name, seq } of seqs) {
        if (!autoincrement.has(name)) continue;
        const moved = await tx.run('UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = ?', [seq, name]);
        if (moved.changes === 0) await tx.run('INSERT INTO main.sqlite_sequence (name, seq) VALUES (?, ?)', [name, seq]);
      }
    }
    await tx.run(
      `UPDATE main.schema_migrations SET applied_at = coalesce((SELECT s.applied_at FROM src.schema_migrations s
         WHERE s.version = schema_migrations.version AND typeof(s.applied_at) = 'text'), applied_at)`,
    );
    const broken = await tx.all<{ table: string }>('PRAGMA main.foreign_key_check');
    if (broken.length > 0) throw notByline(file, `${[...new Set(broken.map((b) => b.table))].join(', ')} 표에 없는 기사나 프로필을 가리키는 행이 있습니다`);
  });
}

/**
 * Builds, at `target`, a database holding `backupFile`'s rows under this build's newest schema with its
 * search indexes rebuilt, and closes it. Refuses (nothing written outside `target`) a file that is
 * damaged, not a Byline database, from a newer Byline, or with rows the schema does not accept.
 */
export async function rebuildFromBackup(backupFile: string, target: string): Promise<void> {
  const db = await openDatabase(target);
  try {
    // A scratch file: thrown away if anything fails, and made durable by the copy into the live file.
    await db.exec('PRAGMA synchronous = OFF');
    const attach = () =>
      db.run('ATTACH DATABASE ? AS src', [backupFile]).catch((err: unknown) => {
        throw damaged(backupFile, (err as Error).message);
      });
    await attach();
    const check = await db.all<{ quick_check: string }>('PRAGMA src.quick_check').catch((err: unknown) => {
      throw damaged(backupFile, (err as Error).message);
    });
    if (check[0]?.quick_check !== 'ok')
      throw damaged(
        backupFile,
        check
          .map((r) => r.quick_check)
          .slice(0, 3)
          .join('; '),
      );
    const version = await bylineVersion(db, backupFile);
    // The tables as the backup's Byline had them, so that every later migration reshapes the rows as it
    // did. Migrations name tables without a schema: the backup is detached while they run.
    await db.exec('DETACH DATABASE src');
    await migrate(db, { target: version });
    await attach();
    await copyRows(db, backupFile);
    await db.exec('DETACH DATABASE src');
    await migrate(db);
    await rebuildSearchIndexIfNeeded(db);
    await signMissing(db);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged(backupFile, (err as Error).message);
  } finally {
    await db.close().catch(() => undefined);
  }
}
