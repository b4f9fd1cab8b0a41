import path from 'node:path';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { migratePg } from '../db/postgres/migrate';
import { openPgDatabase } from '../db/postgres/pg-database';
import { rebuildSearchIndexIfNeeded } from '../db/search-index';

export const DATABASE_FILE_NAME = 'byline.sqlite3';

/**
 * Where stories live: this machine's own SQLite file (the default, one person or one machine), or the
 * newsroom's shared PostgreSQL, where every workstation sees every story.
 */
export type StorageChoice = { engine: 'sqlite' } | { engine: 'postgres'; url: string; schema?: string };

export interface OpenedStorage {
  db: Database;
  choice: StorageChoice;
}

/**
 * Opens and migrates the chosen database. Several workstations may start at once on one PostgreSQL:
 * its migration runner holds an advisory lock, so each migration runs once. Nothing is left open when
 * this fails.
 */
export async function openStorage(choice: StorageChoice, dataDir: string): Promise<OpenedStorage> {
  const db = choice.engine === 'postgres' ? await openPgDatabase(choice.url, { schema: choice.schema, applicationName: 'byline' }) : await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    if (choice.engine === 'postgres') await migratePg(db as Awaited<ReturnType<typeof openPgDatabase>>);
    else await migrate(db);
    await rebuildSearchIndexIfNeeded(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return { db, choice };
}

/**
 * The choice for hosts without a settings screen of their own (web mode, tests, batch jobs):
 * BYLINE_DATABASE_URL names the newsroom's PostgreSQL, BYLINE_DATABASE_SCHEMA optionally its schema.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): StorageChoice {
  const url = env.BYLINE_DATABASE_URL?.trim();
  if (!url) return { engine: 'sqlite' };
  const schema = env.BYLINE_DATABASE_SCHEMA?.trim();
  return { engine: 'postgres', url, ...(schema ? { schema } : {}) };
}
