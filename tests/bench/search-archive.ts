import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { migratePg } from '../../electron/db/postgres/migrate';
import { openPgDatabase } from '../../electron/db/postgres/pg-database';
import { findTestPostgres, openPgAdmin } from './pg-peer';

export type BenchEngine = 'sqlite' | 'postgres';

/** The archive the search bench measures, on one engine; what differs between the engines stays here. */
export interface BenchArchive {
  engine: BenchEngine;
  db: Database;
  /** A kept archive (BYLINE_BENCH_DB) already built by an earlier run: nothing is imported. */
  reuse: boolean;
  /** Empties the index and marks it unbuilt, so the next rebuildSearchIndexIfNeeded builds it from the stories. */
  dropIndex(): Promise<void>;
  /** What the engine does to an index once built: FTS5 merges its segments; PostgreSQL needs nothing. */
  settleIndex(): Promise<void>;
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

export function benchEngine(): BenchEngine | { skipped: string } {
  const asked = process.env.BYLINE_BENCH_ENGINE?.trim() || 'sqlite';
  if (asked !== 'sqlite' && asked !== 'postgres') return { skipped: `unknown BYLINE_BENCH_ENGINE ${asked} (sqlite or postgres)` };
  return asked;
}

/**
 * A file kept at `kept` (built on the first run, reused after), else one in a temporary folder,
 * removed at close.
 */
export async function openSqliteArchive(kept: string | undefined): Promise<BenchArchive> {
  const dir = kept ? undefined : mkdtempSync(path.join(os.tmpdir(), 'byline-bench-search-'));
  const file = kept ?? path.join(dir!, 'archive.sqlite3');
  const reuse = kept !== undefined && existsSync(kept);
  const db = await openDatabase(file);
  await migrate(db);
  return {
    engine: 'sqlite',
    db,
    reuse,
    dropIndex: () => db.exec("INSERT INTO article_search (article_search) VALUES ('delete-all'); DELETE FROM search_index_state;"),
    settleIndex: () => db.exec("INSERT INTO article_search (article_search) VALUES ('optimize')"),
    sizeBytes: async () => {
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      return statSync(db.file).size;
    },
    close: async () => {
      await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const KEPT_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A schema on the PostgreSQL peer (tests/bench/pg-peer.ts): `kept` names one to keep and reuse (built on
 * the first run), else a fresh one dropped at close.
 */
export async function openPgArchive(kept: string | undefined): Promise<BenchArchive | { skipped: string }> {
  const peer = findTestPostgres();
  if ('skipped' in peer) return peer;
  if (kept !== undefined && !KEPT_SCHEMA.test(kept))
    return { skipped: `BYLINE_BENCH_DB must name a schema on PostgreSQL (${KEPT_SCHEMA.source}), not ${kept}` };
  const schema = kept ?? `bench_search_${process.pid}`;
  const admin = await openPgAdmin(peer.url);
  const db = await openPgDatabase(peer.url, { schema, max: 4, applicationName: 'byline-bench-search' });
  await migratePg(db);
  const stories = await db.get<{ n: number }>('SELECT count(*) AS n FROM articles');
  return {
    engine: 'postgres',
    db,
    reuse: kept !== undefined && (stories?.n ?? 0) > 0,
    // rebuildIfStale empties article_search itself on PostgreSQL.
    dropIndex: () => db.exec('DELETE FROM search_index_state'),
    settleIndex: async () => undefined,
    sizeBytes: async () =>
      (
        await db.get<{ n: number }>(
          "SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
        )
      )?.n ?? 0,
    close: async () => {
      await db.close();
      if (kept === undefined) await admin.dropSchema(schema);
      await admin.close();
    },
  };
}
