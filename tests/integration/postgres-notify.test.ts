import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/db/postgres/migrate';
import { listenForChanges, notify, PgListener, type Change } from '../../electron/db/postgres/notify';
import { openPgDatabase } from '../../electron/db/postgres/pg-database';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';

const NOW = '2026-03-02T09:00:00.000Z';
const PEERS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'peers');
const run = promisify(execFile);

const listeners: PgListener[] = [];
function track<T extends PgListener>(l: T): T {
  listeners.push(l);
  return l;
}

/** Resolves with the first value `pick` accepts, or rejects after `ms` (the budget is one second). */
function waitFor<T>(subscribe: (push: (v: T) => void) => void, pick: (v: T) => boolean, ms = 1_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
    subscribe((v) => {
      if (pick(v)) {
        clearTimeout(timer);
        resolve(v);
      }
    });
  });
}

/** A stream of changes that a test can wait on, registered before the listener starts. */
function changeFeed() {
  const seen: Change[] = [];
  const waiting = new Set<(c: Change) => void>();
  return {
    seen,
    push: (c: Change) => {
      seen.push(c);
      for (const w of waiting) w(c);
    },
    next: (pick: (c: Change) => boolean, ms?: number) =>
      waitFor<Change>(
        (push) => {
          waiting.add(push);
          for (const c of seen) push(c);
        },
        pick,
        ms,
      ),
  };
}

async function insertArticleRow(db: Awaited<ReturnType<typeof openTestPg>>, id: string): Promise<void> {
  await db.run('INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES (?, 1, ?, ?, ?)', [id, NOW, NOW, '{}']);
}

describe.skipIf(!PG_URL)(`PostgreSQL LISTEN/NOTIFY (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(async () => {
    for (const l of listeners.splice(0)) await l.stop();
    await cleanUpPg();
  });

  it('tells another workstation of a committed change within a second, and of none rolled back', async () => {
    const schema = schemaName();
    const writer = await openTestPg(schema, { migrated: true });
    const feed = changeFeed();
    const listener = track(listenForChanges({ connectionString: PG_URL!, schema, onChange: feed.push }));
    await listener.ready;
    await writer
      .transaction(async (tx) => {
        await tx.run('INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES (?, 1, ?, ?, ?)', ['rolled-back', NOW, NOW, '{}']);
        throw new Error('guard says no');
      })
      .catch(() => undefined);
    const started = Date.now();
    await insertArticleRow(writer, 'story-1');
    await writer.run('UPDATE articles SET version = 2 WHERE id = ?', ['story-1']);
    const change = await feed.next((c) => c.table === 'articles' && c.version === 2);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(change).toEqual({ schema, table: 'articles', op: 'update', id: 'story-1', version: 2 });
    expect(feed.seen.some((c) => c.id === 'rolled-back')).toBe(false);
  });

  it('ignores other schemas and carries notifications sent from code', async () => {
    const mine = schemaName();
    const writer = await openTestPg(schemaName(), { migrated: true });
    const feed = changeFeed();
    const listener = track(listenForChanges({ connectionString: PG_URL!, schema: mine, onChange: feed.push }));
    await listener.ready;
    await insertArticleRow(writer, 'elsewhere');
    await notify(writer, { schema: mine, table: 'settings', op: 'update', id: null, version: null });
    expect(await feed.next((c) => c.table === 'settings')).toMatchObject({ schema: mine, table: 'settings' });
    expect(feed.seen.some((c) => c.id === 'elsewhere')).toBe(false);
  });

  it('reconnects when the server drops its connection, asks for a resync, and hears again', async () => {
    const schema = schemaName();
    const writer = await openTestPg(schema, { migrated: true });
    const feed = changeFeed();
    let resyncs = 0;
    const listener = track(listenForChanges({ connectionString: PG_URL!, schema, onChange: feed.push, onResync: () => (resyncs += 1), minDelayMs: 20 }));
    await listener.ready;
    const pid = listener.backendPid;
    expect(pid).toBeGreaterThan(0);
    await writer.run('SELECT pg_terminate_backend(?)', [pid!]);
    await waitFor<number>(
      (push) => {
        const poll = setInterval(() => {
          push(resyncs);
          if (resyncs > 0) clearInterval(poll);
        }, 10);
      },
      (n) => n > 0,
      3_000,
    );
    expect(listener.backendPid).not.toBe(pid);
    await insertArticleRow(writer, 'after-drop');
    expect(await feed.next((c) => c.id === 'after-drop')).toMatchObject({ table: 'articles', op: 'insert' });
  });
});

/**
 * A real server restart, on a cluster of its own (restarting the shared one would break the other test
 * files running at the same time). Runs only where postgres-up.sh made the shared one, so that the
 * PostgreSQL binaries are known to be on this machine.
 */
const LOCAL_CLUSTER = Boolean(PG_URL && process.env.BYLINE_TEST_PG_DATA);
describe.skipIf(!LOCAL_CLUSTER)(`PostgreSQL server restart (${LOCAL_CLUSTER ? 'local cluster' : 'needs tests/peers/postgres-up.sh'})`, () => {
  const data = `/tmp/byline-pg-restart-${process.pid}`;
  // No port asked for: the script takes the first free one after the shared cluster's.
  const { BYLINE_PG_PORT: _port, BYLINE_TEST_PG_DATA: _shared, ...inherited } = process.env;
  const env = { ...inherited, BYLINE_PG_DATA: data };
  const up = async (mode?: string) => {
    const { stdout } = await run('bash', [path.join(PEERS, 'postgres-up.sh'), ...(mode ? [mode] : [])], { env, timeout: 60_000 });
    return /^BYLINE_TEST_PG=(.*)$/m.exec(stdout)![1]!;
  };

  afterEach(async () => {
    for (const l of listeners.splice(0)) await l.stop();
    await run('bash', [path.join(PEERS, 'postgres-down.sh'), '--purge'], { env, timeout: 60_000 });
  });

  it('keeps listening and serving across pg_ctl restart', { timeout: 90_000 }, async () => {
    const url = await up();
    const db = await openPgDatabase(url, { max: 2 });
    try {
      await migratePg(db);
      const feed = changeFeed();
      let resyncs = 0;
      const listener = track(listenForChanges({ connectionString: url, onChange: feed.push, onResync: () => (resyncs += 1), minDelayMs: 50, maxDelayMs: 500 }));
      await listener.ready;
      await up('--restart');
      // The pool's idle connections died with the server: the next read is served on a new one.
      expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
      await waitFor<number>(
        (push) => {
          const poll = setInterval(() => {
            push(resyncs);
            if (resyncs > 0) clearInterval(poll);
          }, 20);
        },
        (n) => n > 0,
        10_000,
      );
      await db.run('INSERT INTO articles (id, version, created_at, updated_at, body_json) VALUES (?, 1, ?, ?, ?)', ['after-restart', NOW, NOW, '{}']);
      expect(await feed.next((c) => c.id === 'after-restart')).toMatchObject({ table: 'articles', op: 'insert' });
      // A client of pg's own sees the same server: the restart really happened.
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const uptime = await check.query<{ s: number }>('SELECT extract(epoch FROM now() - pg_postmaster_start_time())::int AS s');
      await check.end();
      expect(uptime.rows[0]!.s).toBeLessThan(30);
    } finally {
      await db.close();
    }
  });
});
