/**
 * What `npm run server -- import` reads: a single workstation's data folder (byline.sqlite3 and its media
 * folder) or one of its backups (backups/byline-….sqlite3 beside the backups' photo pool, backups/media).
 * Either way the database is judged exactly as a restore judges a backup (db/restore-rows.ts): copied aside,
 * checked, and its rows rebuilt under this build's schema in a scratch file, so a damaged file, a file that
 * is not Byline's, one from a newer Byline or rows its schema refuses stop the import before the newsroom's
 * database is touched, and nothing of the file's own schema (triggers, views) ever runs.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { openDatabase, type Database } from '../db/database';
import { rebuildFromBackup } from '../db/restore-rows';
import { DATABASE_FILE_NAME } from '../host/open-storage';
import { MEDIA_DIR_NAME } from '../host/bootstrap';
import { MediaFileStore } from '../media/file-store';

export interface ArchiveSource {
  /** The archive's rows at this build's schema, in a scratch file only this import reads. */
  db: Database;
  /** The archive's photo files (a data folder's media folder, or the backups' photo pool). */
  photos: MediaFileStore;
  /** What was named, as the summary shows it. */
  label: string;
  close(): Promise<void>;
}

function refused(message: string): AppError {
  return new AppError('VALIDATION', `${message} 아무것도 가져오지 않았습니다.`);
}

/** The database file a named folder or file stands for; photos sit in `media` beside it either way. */
function databaseFileOf(named: string): string {
  const full = path.resolve(named);
  if (!existsSync(full)) throw refused(`가져올 폴더나 백업 파일이 없습니다: ${full}.`);
  const info = statSync(full);
  if (info.isDirectory()) {
    const file = path.join(full, DATABASE_FILE_NAME);
    if (!existsSync(file)) throw refused(`바이라인 데이터 폴더가 아닙니다: ${full}에 ${DATABASE_FILE_NAME} 파일이 없습니다.`);
    return file;
  }
  if (!info.isFile()) throw refused(`가져올 수 있는 것은 바이라인 데이터 폴더나 백업 파일(.sqlite3)뿐입니다: ${full}.`);
  return full;
}

/** Size and change time of the file and its write-ahead log: equal twice means no write came between. */
function fingerprint(file: string): string {
  return [file, `${file}-wal`].map((f) => (existsSync(f) ? `${statSync(f).size}:${statSync(f).mtimeMs}` : '-')).join('/');
}

/**
 * Copies the database and its write-ahead log as one moment: a workstation still running on the folder may
 * write (or checkpoint) between the two copies, which would pair a log with a file it does not belong to.
 * Copied again until nothing changed meanwhile; a folder that never stops changing is refused.
 */
function copySettled(file: string, copy: string): void {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before = fingerprint(file);
    copyFileSync(file, copy);
    rmSync(`${copy}-wal`, { force: true });
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    if (fingerprint(file) === before) return;
  }
  throw refused(`${file}에 쓰기가 계속되고 있어 한 시점의 사본을 만들 수 없습니다. 그 폴더를 쓰는 바이라인을 닫고 다시 실행하세요.`);
}

/**
 * Opens the archive at `named` for reading. The original is never opened: a workstation still running on
 * that folder keeps its file, and a hostile file gets no connection of its own. Its write-ahead log, if
 * any, is copied with it, so the newest saves of a folder whose workstation was not closed come too.
 */
export async function openArchiveSource(named: string): Promise<ArchiveSource> {
  const file = databaseFileOf(named);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'byline-archive-import-'));
  const discard = () => rmSync(scratch, { recursive: true, force: true });
  let db: Database | undefined;
  try {
    const copy = path.join(scratch, 'archive.sqlite3');
    copySettled(file, copy);
    const rebuilt = path.join(scratch, 'rebuilt.sqlite3');
    await rebuildFromBackup(copy, rebuilt).catch((err: unknown) => {
      if (!(err instanceof AppError)) throw err;
      // restore-rows speaks of a restore; the reason it gives is the one that matters here.
      throw new AppError(err.code, `가져올 수 없는 보관본입니다: ${err.message.replace(/ ?현재 데이터는 그대로입니다\.$/, '')} 아무것도 가져오지 않았습니다.`);
    });
    db = await openDatabase(rebuilt);
  } catch (err) {
    discard();
    throw err;
  }
  const opened = db;
  return {
    db: opened,
    photos: new MediaFileStore(path.join(path.dirname(file), MEDIA_DIR_NAME)),
    label: path.resolve(named),
    close: async () => {
      await opened.close().catch(() => undefined);
      discard();
    },
  };
}
