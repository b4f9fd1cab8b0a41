/**
 * Backups of the database file: a compact, consistent copy made with VACUUM INTO while the app runs,
 * and a restore that copies a checked backup into the live database with SQLite's online backup API,
 * after saving the current state aside. Photos go into a pool shared by every backup (see
 * media/backup-pool.ts) and come back with a restore.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { AppError } from '../../shared/errors';
import type { MediaBackupPool } from '../media/backup-pool';
import type { Database } from './database';
import { MIGRATIONS } from './migrations/index';

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

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(file, mode, (err: Error | null) => (err ? reject(err) : resolve(raw)));
  });
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

/** Refuses a backup that is damaged or was written by a newer Byline, before anything is replaced. */
async function checkBackup(file: string): Promise<void> {
  let raw: sqlite3.Database | undefined;
  try {
    raw = await openRaw(file, sqlite3.OPEN_READONLY);
    const rows = await new Promise<Array<{ quick_check: string }>>((resolve, reject) =>
      raw!.all('PRAGMA quick_check', (err: Error | null, r: Array<{ quick_check: string }>) => (err ? reject(err) : resolve(r))),
    );
    if (rows[0]?.quick_check !== 'ok') throw new Error(rows.map((r) => r.quick_check).join('; '));
    const version = await new Promise<number>((resolve, reject) =>
      raw!.get('SELECT max(version) AS v FROM schema_migrations', (err: Error | null, r: { v: number }) => (err ? reject(err) : resolve(r.v))),
    );
    if (version > MIGRATIONS.at(-1)!.version) throw new AppError('STORAGE', '이 백업은 더 새로운 바이라인이 만든 것이라 복원할 수 없습니다.');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('STORAGE', `백업 파일이 손상되었거나 바이라인 백업이 아닙니다: ${path.basename(file)} (${(err as Error).message}). 현재 데이터는 그대로입니다.`);
  } finally {
    if (raw) await closeRaw(raw);
  }
}

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
    mkdirSync(this.dir, { recursive: true });
    let name = `byline-${stamp(this.now())}${suffix}.sqlite3`;
    for (let i = 2; existsSync(path.join(this.dir, name)); i += 1) name = `byline-${stamp(this.now())}-${i}${suffix}.sqlite3`;
    // VACUUM INTO leaves what it wrote when the disk fills: write under a name the list never shows, and
    // give the backup its name only once it is whole.
    const partial = path.join(this.dir, `.${name}.partial`);
    rmSync(partial, { force: true });
    try {
      await this.db.run('VACUUM INTO ?', [partial]);
      // Photos first: a backup listed under its name has every photo its stories show.
      await this.photos?.save();
      renameSync(partial, path.join(this.dir, name));
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    return info(this.dir, name);
  }

  /** Replaces every story with the backup's, keeping the state it replaces as a backup of its own. */
  async restore(name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
    if (this.db.engine === 'postgres') throw sharedServer();
    if (!BACKUP_NAME.test(name) || !existsSync(path.join(this.dir, name))) throw new AppError('NOT_FOUND', `백업을 찾을 수 없습니다: ${name}`);
    const source = path.join(this.dir, name);
    await checkBackup(source);
    const safety = await this.create('-before-restore');
    await this.db.exclusive(async () => {
      const live = await openRaw(this.db.file, sqlite3.OPEN_READWRITE);
      try {
        await new Promise<void>((resolve, reject) => {
          // filenameIsDest = false: the backup file is the source, this connection's database the destination.
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
    });
    if (this.photos) {
      const ids = await this.db.all<{ id: string }>('SELECT id FROM media').catch(() => [] as Array<{ id: string }>);
      await this.photos.restore(ids.map((r) => r.id));
    }
    return { restored: info(this.dir, name), safety };
  }
}
