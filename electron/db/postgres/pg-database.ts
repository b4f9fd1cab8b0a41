/**
 * The `Database` of database.ts over a newsroom's shared PostgreSQL (the pg package is touched only in
 * db/postgres/: here, notify.ts and the settings screen's probe.ts). The repositories keep writing `?` placeholders and reading `{changes, lastId}`;
 * what differs between the engines stays in db/postgres/.
 */
import pg from 'pg';
import type { Database, Executor, Params, SqlValue, TransactionOptions } from '../database';
import { StorageError } from '../storage-error';
import { busy, isConnectionFailure, isRetryable, pgStorageFailure, unavailable } from './errors';
import { withReturningId } from './last-id';
import { placeholders } from './placeholders';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** An Executor on one connection of its own, with transactions (the migration runner holds a session lock on it). */
export interface PgSession extends Executor {
  transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface PgOptions {
  /** Tables live in this schema (created if missing): tests use one each; a newsroom may keep desks apart. */
  schema?: string;
  /** Connections this workstation may hold at once. */
  max?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/** A write transaction that keeps colliding under SERIALIZABLE is tried this many times before the person is told. */
const TRANSACTION_ATTEMPTS = 6;

const INT8_OID = 20;

/**
 * count(*) and bigint ids come back from pg as strings (int8 can exceed 2^53); the repositories expect
 * numbers, as sqlite3 gives. Our bigints are row ids and counts, far below 2^53. Per pool, not pg's global
 * parser, so nothing else in the process changes.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function values(params: Params): unknown[] {
  // pg turns a bigint into text anyway; say so explicitly rather than rely on its fallback.
  return params.map((v: SqlValue) => (typeof v === 'bigint' ? v.toString() : v));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Statements on one queryable (the pool, or the client a transaction holds), failures mapped as database.ts maps SQLite's. */
function executorOn(q: Queryable, server: string): Executor {
  const fail = (err: unknown): never => {
    throw pgStorageFailure(err, server) ?? err;
  };
  const query = async (sql: string, params: Params) => {
    const t = placeholders(sql);
    if (t.count !== params.length) throw new Error(`SQL has ${t.count} placeholders but ${params.length} parameters: ${sql.slice(0, 200)}`);
    return q.query(t.text, values(params)).catch(fail);
  };
  return {
    async run(sql, params = []) {
      const r = withReturningId(sql);
      const result = await query(r.sql, params);
      const last = r.returning ? (result.rows.at(-1) as { id?: number } | undefined)?.id : undefined;
      return { changes: result.rowCount ?? 0, lastId: typeof last === 'number' ? last : 0 };
    },
    async get<T>(sql: string, params: Params = []) {
      return (await query(sql, params)).rows[0] as T | undefined;
    },
    async all<T>(sql: string, params: Params = []) {
      return (await query(sql, params)).rows as T[];
    },
    async exec(sql) {
      // No parameters: pg sends it as a simple query, which may hold several statements (migrations).
      await q.query(sql).catch(fail);
    },
  };
}

/**
 * In-process gate for `exclusive`: ordinary work waits while an exclusive job runs, and the job waits for
 * the work already started. Other workstations are not held back (a restore is not a shared-server job).
 */
class Gate {
  private barrier: Promise<void> = Promise.resolve();
  private readonly inflight = new Set<Promise<unknown>>();

  async shared<T>(work: () => Promise<T>): Promise<T> {
    // The barrier as it is at the call, read synchronously: work asked for before an exclusive job runs
    // before it (it resumes first on the same promise and is in `inflight` when the job looks), as
    // SQLite's queue would have it.
    await this.barrier;
    const p = work();
    this.inflight.add(p);
    try {
      return await p;
    } finally {
      this.inflight.delete(p);
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.barrier;
    let open!: () => void;
    this.barrier = new Promise<void>((resolve) => (open = resolve));
    try {
      await before;
      await Promise.allSettled([...this.inflight]);
      return await fn();
    } finally {
      open();
    }
  }
}

export class PgDatabase implements Database {
  readonly engine = 'postgres' as const;
  private readonly direct: Executor;
  private readonly gate = new Gate();

  constructor(
    private readonly pool: pg.Pool,
    /** The server as people read it (host:port/database, no password): messages and logs only. */
    readonly file: string,
  ) {
    this.direct = executorOn(pool, file);
    // An idle pooled connection the server closed (restart, network) is dropped by the pool and replaced
    // on next use; without a listener Node would treat the event as an uncaught error and exit.
    pool.on('error', () => undefined);
    // A connection lost while lent out (mid-save) fails its query, which the caller hears, and also emits
    // 'error' on the client, where the pool listens only while it is idle: without this, the process exits.
    pool.on('connect', (client) => client.on('error', () => undefined));
  }

  run(sql: string, params?: Params) {
    return this.gate.shared(() => this.direct.run(sql, params));
  }
  get<T>(sql: string, params?: Params) {
    return this.gate.shared(() => this.readOnce(() => this.direct.get<T>(sql, params)));
  }
  all<T>(sql: string, params?: Params) {
    return this.gate.shared(() => this.readOnce(() => this.direct.all<T>(sql, params)));
  }
  exec(sql: string) {
    return this.gate.shared(() => this.direct.exec(sql));
  }

  /**
   * A read on a pooled connection the server dropped since its last use fails once, then the pool
   * connects anew: reads are tried twice. Writes are not (whether the first one landed is unknown).
   */
  private async readOnce<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (err) {
      if (!isConnectionFailure(err)) throw err;
      return read();
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw pgStorageFailure(err, this.file) ?? unavailable(this.file, err);
    }
  }

  /**
   * SERIALIZABLE, so that a transaction behaves as if it ran alone, as SQLite's BEGIN IMMEDIATE makes it:
   * the repositories' read-check-write (a lock, a workflow move) stays correct across workstations without
   * SELECT … FOR UPDATE. The price is that PostgreSQL may refuse one of two overlapping transactions;
   * `fn` then runs again from the start (so it must do nothing outside the database, as the repositories' don't).
   */
  transaction<T>(fn: (tx: Executor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // A row-locked write (database.ts) waits for that row instead; a deadlock is still retried.
    const begin = options.rowLocked ? 'BEGIN ISOLATION LEVEL READ COMMITTED' : 'BEGIN ISOLATION LEVEL SERIALIZABLE';
    return this.gate.shared(async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.once(fn, begin);
        } catch (err) {
          if (!isRetryable(err)) throw err;
          if (attempt >= TRANSACTION_ATTEMPTS) throw busy(err);
          await sleep(Math.random() * 10 * 2 ** attempt);
        }
      }
    });
  }

  private async once<T>(fn: (tx: Executor) => Promise<T>, begin: string): Promise<T> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return await runTransaction(client, this.file, begin, fn);
    } catch (err) {
      if (isConnectionFailure(err)) broken = err as Error;
      throw err;
    } finally {
      // A connection that failed is closed rather than handed to the next caller.
      client.release(broken);
    }
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.gate.exclusive(fn);
  }

  /** One connection for `fn` alone (session-level advisory locks live and die with it). */
  session<T>(fn: (session: PgSession) => Promise<T>): Promise<T> {
    return this.gate.shared(async () => {
      const client = await this.connect();
      let broken: Error | undefined;
      try {
        const ex = executorOn(client, this.file);
        return await fn({ ...ex, transaction: (body) => runTransaction(client, this.file, 'BEGIN', body) });
      } catch (err) {
        if (isConnectionFailure(err)) broken = err as Error;
        throw err;
      } finally {
        client.release(broken);
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function runTransaction<T>(client: pg.PoolClient, server: string, begin: string, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const tx = executorOn(client, server);
  await tx.exec(begin);
  let result: T;
  try {
    result = await fn(tx);
  } catch (err) {
    if (!isConnectionFailure(err)) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  try {
    await client.query('COMMIT');
  } catch (err) {
    // Lost while committing: the server may or may not have stored it, and the person must hear which is unknown.
    if (isConnectionFailure(err)) throw unavailable(server, err, true);
    await client.query('ROLLBACK').catch(() => undefined);
    throw pgStorageFailure(err, server) ?? err;
  }
  return result;
}

/** host:port/database of a connection string, never its password. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Connects to the newsroom's server and checks it answers, so that a wrong address or a server that is
 * down is said at start-up in words, not at the first save.
 */
export async function openPgDatabase(connectionString: string, options: PgOptions = {}): Promise<PgDatabase> {
  const server = describeServer(connectionString);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'byline',
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    types,
  });
  const db = new PgDatabase(pool, server);
  try {
    const row = await db.get<{ v: number }>('SELECT current_setting(?)::int AS v', ['server_version_num']);
    if ((row?.v ?? 0) < 130000) {
      throw new StorageError('UNAVAILABLE', `데이터베이스 서버가 너무 오래된 PostgreSQL입니다(${row?.v ?? '?'}). 13 이상이 필요합니다.`);
    }
    if (options.schema) {
      await db.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`).catch((err: unknown) => {
        // Two workstations creating it at once: the loser's error means it exists.
        const code = (err as { code?: string }).code;
        if (code !== '42P06' && code !== '23505') throw err;
      });
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw pgStorageFailure(err, server) ?? err;
  }
  return db;
}
