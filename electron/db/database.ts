/**
 * The only file that touches the sqlite3 package. Everything else sees `Database`, so that moving to
 * another engine (DESIGN.md: node-sqlite3 is unmaintained upstream) changes only db/.
 */
import sqlite3 from 'sqlite3';
import { AppError } from '../../shared/errors';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[];

export interface Executor {
  run(sql: string, params?: Params): Promise<{ changes: number; lastId: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Executor {
  /** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; nothing else touches the connection meanwhile. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs `fn` with the connection idle and nothing queued behind it starting (restores use another connection). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly file: string;
}

/** Storage failures a person must read: the file is damaged, or from a newer Byline. */
export class StorageError extends AppError {
  constructor(
    readonly reason: 'CORRUPT' | 'TOO_NEW' | 'UNAVAILABLE',
    message: string,
  ) {
    super('STORAGE', message, { reason });
    this.name = 'StorageError';
  }
}

function wrap(raw: sqlite3.Database): Executor {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastId: this.lastID });
        });
      }),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        raw.get(sql, params as unknown[], (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
      }),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => {
        raw.all(sql, params as unknown[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * One connection, one queue: sqlite3 runs statements from two async callers interleaved, so a
 * transaction must own the connection until it commits. Plain statements wait their turn too.
 */
class QueuedDatabase implements Database {
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
    return this.enqueue(
      () => new Promise<void>((resolve, reject) => this.raw.close((err: Error | null) => (err ? reject(err) : resolve()))),
    );
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

/**
 * Opens (or creates) the database with the settings a newsroom needs: WAL, foreign keys, FULL sync so
 * that an acknowledged save survives a crash, and a busy timeout. A damaged file is reported, never reset.
 */
export async function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Promise<Database> {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err: Error | null) =>
      err ? reject(err) : resolve(db),
    );
  }).catch((err: unknown) => {
    throw new StorageError('UNAVAILABLE', `데이터베이스 파일을 열 수 없습니다: ${file} (${(err as Error).message})`);
  });
  raw.configure('busyTimeout', options.busyTimeoutMs ?? 5_000);
  const db = new QueuedDatabase(raw, file);
  try {
    await withBusyRetry(() => db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;'));
    const check = await db.all<{ quick_check: string }>('PRAGMA quick_check');
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
      throw new StorageError(
        'CORRUPT',
        `데이터베이스가 손상되었습니다: ${file}. 파일을 그대로 두고 백업에서 복구하세요. (${check.map((r) => r.quick_check).slice(0, 3).join('; ')})`,
      );
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    if (err instanceof StorageError) throw err;
    if (isCorruption(err)) {
      throw new StorageError('CORRUPT', `데이터베이스 파일이 손상되었거나 SQLite 파일이 아닙니다: ${file}. 파일은 바꾸지 않았습니다.`);
    }
    throw new StorageError('UNAVAILABLE', `데이터베이스를 준비하지 못했습니다: ${file} (${(err as Error).message})`);
  }
  return db;
}
