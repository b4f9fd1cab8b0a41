/**
 * The only file that touches the sqlite3 package. Everything else sees `Database`, so that moving to
 * another engine (DESIGN.md: node-sqlite3 is unmaintained upstream) changes only db/.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { createOwnerOnlyFile, ownerOnlyFile } from './owner-only';
import { loadRankExtension } from './search/rank-extension';
import { StorageError, storageFailure } from './storage-error';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[];

export interface Executor {
  run(sql: string, params?: Params): Promise<{ changes: number; lastId: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/**
 * `rowLocked`: the transaction is about one story's row, which it either creates or locks with its first
 * statement (a versioned UPDATE, or SELECT … FOR UPDATE), and everything after reads and writes that
 * story's own things. The row lock then keeps it correct on its
 * own, so PostgreSQL runs it at READ COMMITTED instead of SERIALIZABLE: saves of different stories,
 * whose index entries share pages, no longer refuse each other (SQLite has one writer either way).
 */
export interface TransactionOptions {
  rowLocked?: boolean;
}

export interface Database extends Executor {
  /** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; nothing else touches the connection meanwhile. */
  transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Runs `fn` with the connection idle and nothing queued behind it starting (restores use another connection). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly file: string;
  /**
   * Which engine answers: the few things that cannot be the same on both (a backup of one file against
   * a server shared by the newsroom) ask this, never the SQL's error messages.
   */
  readonly engine: 'sqlite' | 'postgres';
  /** SQLite with Byline's ranking function loaded (db/search/rank-extension.ts): search ranks with byline_rank() instead of bm25(). */
  readonly bylineRank?: boolean;
}

const fail = (reject: (err: unknown) => void) => (err: Error) => reject(storageFailure(err) ?? err);

/** Disk failures leave here as StorageError (see storageFailure); every other error as sqlite3 raised it. */
function wrap(raw: sqlite3.Database): Executor {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) fail(reject)(err);
          else resolve({ changes: this.changes, lastId: this.lastID });
        });
      }),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        raw.get(sql, params as unknown[], (err: Error | null, row: T | undefined) => (err ? fail(reject)(err) : resolve(row)));
      }),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => {
        raw.all(sql, params as unknown[], (err: Error | null, rows: T[]) => (err ? fail(reject)(err) : resolve(rows)));
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        raw.exec(sql, (err: Error | null) => (err ? fail(reject)(err) : resolve()));
      }),
  };
}

/**
 * One connection, one queue: sqlite3 runs statements from two async callers interleaved, so a
 * transaction must own the connection until it commits. Plain statements wait their turn too.
 */
class QueuedDatabase implements Database {
  readonly engine = 'sqlite' as const;
  bylineRank = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly direct: Executor;

  constructor(
    private readonly raw: sqlite3.Database,
    readonly file: string,
  ) {
    this.direct = wrap(raw);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  run(sql: string, params?: Params) {
    return this.enqueue(() => this.direct.run(sql, params));
  }
  get<T>(sql: string, params?: Params) {
    return this.enqueue(() => this.direct.get<T>(sql, params));
  }
  all<T>(sql: string, params?: Params) {
    return this.enqueue(() => this.direct.all<T>(sql, params));
  }
  exec(sql: string) {
    return this.enqueue(() => this.direct.exec(sql));
  }

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.direct.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        await this.direct.exec('COMMIT');
        return result;
      } catch (err) {
        await this.direct.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.enqueue(fn);
  }

  close(): Promise<void> {
    return this.enqueue(() => new Promise<void>((resolve, reject) => this.raw.close((err: Error | null) => (err ? reject(err) : resolve()))));
  }
}

/**
 * Switching a new file to WAL needs an exclusive lock and SQLite answers BUSY at once, without the
 * busy timeout, when another process opens the same file at that moment (two workstations starting).
 */
async function withBusyRetry<T>(work: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || i >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * i));
    }
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function writable(target: string): boolean {
  try {
    // access(2) answers EROFS for a read-only mount even to root, who passes every permission check.
    accessSync(target, constants.W_OK);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function readOnlyFolder(file: string, cause?: unknown): StorageError {
  return new StorageError(
    'READONLY',
    `데이터 폴더에 쓸 수 없어 시작하지 않았습니다: ${path.dirname(file)}. 폴더가 읽기 전용으로 연결되었거나 쓰기 권한이 없습니다. 기존 기사와 파일은 바꾸지 않았습니다.`,
    { cause },
  );
}

/** Why the database could not be opened at start-up, in words that say what to do; the files are left as they are. */
function openFailure(file: string, err: unknown): StorageError {
  if (err instanceof StorageError && (err.reason === 'CORRUPT' || err.reason === 'TOO_NEW')) return err;
  const raw = err instanceof StorageError && err.cause !== undefined ? err.cause : err;
  if (isCorruption(raw)) {
    return new StorageError('CORRUPT', `데이터베이스 파일이 손상되었거나 SQLite 파일이 아닙니다: ${file}. 파일은 바꾸지 않았습니다.`, { cause: raw });
  }
  const mapped = storageFailure(raw);
  if (mapped?.reason === 'READONLY' || !writable(path.dirname(file))) return readOnlyFolder(file, raw);
  if (mapped?.reason === 'FULL') {
    return new StorageError(
      'FULL',
      `디스크 공간이 부족해 데이터베이스를 준비하지 못했습니다: ${file}. 공간을 확보한 뒤 다시 시작하세요. 기존 기사는 바꾸지 않았습니다.`,
      { cause: raw },
    );
  }
  return new StorageError('UNAVAILABLE', `데이터베이스를 준비하지 못했습니다: ${file} (${(raw as Error).message})`, { cause: raw });
}

/**
 * Run first on every connection Byline opens. A database file can come from outside (a backup chosen
 * for restore, a file copied in by hand): with the schema untrusted, its triggers, views and CHECKs
 * may call only functions SQLite marks harmless, never one with side effects or an extension's.
 */
export const UNTRUSTED_SCHEMA = 'PRAGMA trusted_schema = OFF;';

/** The page cache of each connection, in KiB. */
const PAGE_CACHE_KIB = 65_536;

/**
 * Opens (or creates) the database with the settings a newsroom needs: WAL, foreign keys, FULL sync so
 * that an acknowledged save survives a crash, and a busy timeout. A damaged file is reported, never reset;
 * a data folder that cannot be written is refused before anything is opened.
 */
export async function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Promise<Database> {
  // SQLite would open a write-protected file read-only without a word (and a crash-left WAL with it);
  // every save would then fail. Say so once, at the start, and touch nothing.
  if (!writable(path.dirname(file)) || !writable(file)) throw readOnlyFolder(file);
  try {
    createOwnerOnlyFile(file);
    // Left by an older Byline at SQLite's 0644; new ones take the database file's mode.
    for (const side of ['-wal', '-shm']) ownerOnlyFile(`${file}${side}`);
  } catch (err) {
    throw openFailure(file, err);
  }
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err: Error | null) => (err ? reject(err) : resolve(db)));
  }).catch((err: unknown) => {
    throw openFailure(file, err);
  });
  raw.configure('busyTimeout', options.busyTimeoutMs ?? 5_000);
  const db = new QueuedDatabase(raw, file);
  db.bylineRank = await loadRankExtension(raw);
  try {
    // SQLite's default page cache (2 MB) is smaller than one search's pages on a large archive: reading
    // the shown stories' bodies evicted the index pages the next search needs. 64 MB holds both; it
    // fills only as pages are read.
    await withBusyRetry(() =>
      db.exec(`${UNTRUSTED_SCHEMA} PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -${PAGE_CACHE_KIB};`),
    );
    const check = await db.all<{ quick_check: string }>('PRAGMA quick_check');
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
      throw new StorageError(
        'CORRUPT',
        `데이터베이스가 손상되었습니다: ${file}. 파일을 그대로 두고 백업에서 복구하세요. (${check
          .map((r) => r.quick_check)
          .slice(0, 3)
          .join('; ')})`,
      );
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    throw openFailure(file, err);
  }
  return db;
}
