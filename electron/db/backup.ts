/**
 * Backups of the database file: a compact, consistent copy made with VACUUM INTO while the app runs,
 * and a restore that rebuilds the backup's rows under this build's schema (restore-rows.ts) and puts
 * that database in place of the live one with SQLite's online backup API, after saving the current
 * state aside. Photos go into a pool shared by every backup (see media/backup-pool.ts) and come back
 * with a restore.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { AppError } from '../../shared/errors';
import type { MediaBackupPool } from '../media/backup-pool';
import { UNTRUSTED_SCHEMA, type Database } from './database';
import { ownerOnlyDir, ownerOnlyFile } from './owner-only';
import { rebuildFromBackup } from './restore-rows';

export interface BackupInfo {
  name: string;
  bytes: number;
  createdAt: string;
}

/** byline-YYYYMMDD-HHMMSS-mmm[-n][-before-restore].sqlite3: names sort in the order they were made. */
export const BACKUP_NAME = /^byline-[0-9]{8}-[0-9]{6}-[0-9]{3}(?:-[0-9]+)?(?:-before-restore)?\.sqlite3$/;

function stamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${p(now.getMilliseconds(), 3)}`;
}

function info(dir: string, name: string): BackupInfo {
  const s = statSync(path.join(dir, name));
  return { name, bytes: s.size, createdAt: s.mtime.toISOString() };
}

async function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
  await new Promise<void>((resolve, reject) => raw.exec(UNTRUSTED_SCHEMA, (err: Error | null) => (err ? reject(err) : resolve())));
  return raw;
}

/** node-sqlite3's online backup, which its type declarations leave out. */
interface BackupJob {
  step(pages: number, callback: (err: Error | null) => void): void;
  finish(callback?: () => void): void;
}
type WithBackup = sqlite3.Database & {
  backup(file: string, destName: string, sourceName: string, filenameIsDest: boolean, callback: (err: Error | null) => void): BackupJob;
};

const closeRaw = (raw: sqlite3.Database) => new Promise<void>((resolve) => raw.close(() => resolve()));

/**
 * A shared PostgreSQL is one newsroom's, not this workstation's: it is backed up on the server (pg_dump,
 * photos included since their originals live there), and putting one workstation's copy back would undo
 * everyone else's work since. Refused in words rather than failing on SQLite-only SQL.
 */
function sharedServer(): AppError {
  return new AppError(
    'STORAGE',
    '공유 데이터베이스 서버(PostgreSQL)를 쓰는 동안에는 이 컴퓨터에서 백업을 만들거나 복원할 수 없습니다. 공유 서버는 서버에서 pg_dump로 백업합니다. 한 컴퓨터의 사본으로 되돌리면 편집국 모두의 작업이 함께 되돌려지므로, 복원이 필요하면 서버 관리자에게 요청하세요.',
    { engine: 'postgres' },
  );
}

export class BackupStore {
  constructor(
    private readonly db: Database,
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
    private readonly photos?: MediaBackupPool,
  ) {}

  /**
   * Removes what a restore or a backup left behind when the process died mid-way (power cut, kill): a
   * `.restore-*` scratch folder holds a full copy of a backup, a `.byline-*.partial` a half-written one.
   * Only those older than `staleMs`, so that a restore running in another window of this data folder
   * keeps its scratch. Run at start; a failure to remove one is logged, never fatal.
   */
  sweep(staleMs = 60 * 60 * 1000): string[] {
    if (this.db.engine === 'postgres' || !existsSync(this.dir)) return [];
    const removed: string[] = [];
    const cutoff = this.now().getTime() - staleMs;
    for (const name of readdirSync(this.dir)) {
      if (!/^\.restore-/.test(name) && !/^\.byline-.*\.partial$/.test(name)) continue;
      const full = path.join(this.dir, name);
      try {
        if (statSync(full).mtimeMs > cutoff) continue;
        rmSync(full, { recursive: true, force: true });
        removed.push(name);
      } catch (err) {
        console.warn(`[byline] could not remove ${full}`, err);
      }
    }
    return removed;
  }

  list(): BackupInfo[] {
    if (this.db.engine === 'postgres') throw sharedServer();
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => BACKUP_NAME.test(n))
      .map((n) => info(this.dir, n))
      .sort((a, b) => b.name.localeCompare(a.name));
  }

  async create(suffix = ''): Promise<BackupInfo> {
    if (this.db.engine === 'postgres') throw sharedServer();
    ownerOnlyDir(this.dir);
    let name = `byline-${stamp(this.now())}${suffix}.sqlite3`;
    for (let i = 2; existsSync(path.join(this.dir, name)); i += 1) name = `byline-${stamp(this.now())}-${i}${suffix}.sqlite3`;
    // VACUUM INTO leaves what it wrote when the disk fills: write under a name the list never shows, and
    // give the backup its name only once it is whole.
    const partial = path.join(this.dir, `.${name}.partial`);
    rmSync(partial, { force: true });
    try {
      await this.db.run('VACUUM INTO ?', [partial]);
      ownerOnlyFile(partial);
      // Photos first: a backup listed under its name has every photo its stories show.
      await this.photos?.save();
      renameSync(partial, path.join(this.dir, name));
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    return info(this.dir, name);
  }

  /**
   * Replaces every story with the backup's, keeping the state it replaces as a backup of its own. The
   * backup is copied aside and only read; what goes live is built from its rows by this build's
   * migrations (restore-rows.ts), so a backup made by an older Byline comes back at the newest schema
   * and nothing of the file's own schema (triggers, views) comes with it. Anything refused changes nothing.
   */
  async restore(name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
    if (this.db.engine === 'postgres') throw sharedServer();
    if (!BACKUP_NAME.test(name) || !existsSync(path.join(this.dir, name))) throw new AppError('NOT_FOUND', `백업을 찾을 수 없습니다: ${name}`);
    const source = path.join(this.dir, name);
    ownerOnlyDir(this.dir);
    const scratch = mkdtempSync(path.join(this.dir, '.restore-'));
    try {
      const copy = path.join(scratch, 'backup.sqlite3');
      copyFileSync(source, copy);
      ownerOnlyFile(copy);
      const rebuilt = path.join(scratch, 'restored.sqlite3');
      await rebuildFromBackup(copy, rebuilt);
      const safety = await this.create('-before-restore');
      await this.db.exclusive(() => copyInto(rebuilt, this.db.file));
      if (this.photos) {
        const ids = await this.db.all<{ id: string }>('SELECT id FROM media').catch(() => [] as Array<{ id: string }>);
        await this.photos.restore(ids.map((r) => r.id));
      }
      return { restored: info(this.dir, name), safety };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

/** Copies the database `source` over `dest` page for page, in one step: readers see all of it or none. */
async function copyInto(source: string, dest: string): Promise<void> {
  const live = await openRaw(dest, sqlite3.OPEN_READWRITE);
  try {
    await new Promise<void>((resolve, reject) => {
      // filenameIsDest = false: `source` is read, this connection's database written.
      const job = (live as WithBackup).backup(source, 'main', 'main', false, (err: Error | null) => {
        if (err) return reject(err);
        job.step(-1, (stepErr: Error | null) => {
          if (stepErr) return reject(stepErr);
          job.finish(() => resolve());
        });
      });
    });
  } finally {
    await closeRaw(live);
  }
}
