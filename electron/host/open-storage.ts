import path from 'node:path';
import { z } from 'zod';
import type { StorageSource } from '../../shared/contract-storage';
import { AppError } from '../../shared/errors';
import { missingServerFields, serverLabel, StorageSettings, type PostgresServer } from '../../shared/storage-settings';
import { openDatabase, type Database } from '../db/database';
import { StorageError } from '../db/storage-error';
import { migrate } from '../db/migrate';
import { migratePg } from '../db/postgres/migrate';
import { describeServer, openPgDatabase } from '../db/postgres/pg-database';
import { describeConnectFailure, passwordOf } from '../db/postgres/probe';
import { rebuildSearchIndexIfNeeded } from '../db/search/article-index';
import { signMissing } from '../db/duplicates/duplicates-repo';
import { withSearchRebuildLock } from '../db/postgres/search-rebuild-lock';

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
  const db =
    choice.engine === 'postgres'
      ? await openPgDatabase(choice.url, { schema: choice.schema, applicationName: 'byline' }).catch((err: unknown) => {
          throw cannotReachAtStart(choice, err);
        })
      : await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    if (choice.engine === 'postgres') await migratePg(db as Awaited<ReturnType<typeof openPgDatabase>>);
    else await migrate(db);
    await rebuildSearchIndexIfNeeded(db);
    // Stories saved before migration 012 (or restored) get their duplicate signatures; workstations take turns.
    await withSearchRebuildLock(db, () => signMissing(db));
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

/**
 * The start-up refusal when the newsroom's server cannot be had: it names the server and says that
 * nothing was lost and that Byline did not quietly switch to this machine's own (empty) SQLite file,
 * where the newsroom's stories would seem to have vanished.
 */
function cannotReachAtStart(choice: Extract<StorageChoice, { engine: 'postgres' }>, err: unknown): StorageError {
  const server = describeServer(choice.url);
  const why = describeConnectFailure(err, server, passwordOf(choice.url));
  return new StorageError(
    'UNAVAILABLE',
    `공유 데이터베이스 서버(${server})에 연결하지 못해 바이라인을 시작할 수 없습니다. ${why} 기사는 서버에 그대로 있으며, 이 컴퓨터의 저장소로 바꾸지 않았습니다. 서버가 돌아오면 다시 시작하세요.`,
    { cause: err },
  );
}

/** The storage setting as the host keeps it (<data>/storage.json): the choice, and the password sealed. */
export const StoredStorage = StorageSettings.extend({
  /** SecretStore.seal of the PostgreSQL password; absent when none is needed (trust or peer authentication). */
  passwordSealed: z.string().min(1).max(10_000).optional(),
});
export type StoredStorage = z.infer<typeof StoredStorage>;

/** Opens sealed secrets (host/secret-store.ts); only `open` is needed here. */
export interface SecretOpener {
  open(sealed: string): string;
}

/**
 * The connection string for a server described field by field. uselibpqcompat makes sslmode mean what
 * it means to libpq (require: encrypted, certificate not checked), which pg otherwise reads as verify-full.
 */
export function postgresUrl(server: PostgresServer, password: string | undefined): string {
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  const auth = encodeURIComponent(server.user) + (password ? `:${encodeURIComponent(password)}` : '');
  const query = new URLSearchParams({ sslmode: server.sslmode, uselibpqcompat: 'true' });
  return `postgres://${auth}@${host}:${server.port}/${encodeURIComponent(server.database)}?${query.toString()}`;
}

/** The saved choice as a StorageChoice; the sealed password is opened here and lives only in memory. */
export function storageFromSettings(settings: StoredStorage | undefined, secrets: SecretOpener): StorageChoice {
  if (!settings || settings.engine === 'sqlite') return { engine: 'sqlite' };
  const server = settings.postgres;
  if (missingServerFields(server).length > 0) {
    throw new AppError(
      'VALIDATION',
      `저장소 설정의 공유 데이터베이스 서버(${serverLabel(server)})에 서버 주소, 데이터베이스, 사용자 가운데 빠진 것이 있습니다.`,
    );
  }
  const password = settings.passwordSealed ? secrets.open(settings.passwordSealed) : undefined;
  return { engine: 'postgres', url: postgresUrl(server, password), ...(server.schema ? { schema: server.schema } : {}) };
}

/**
 * What the host opens at start: BYLINE_DATABASE_URL if set (an administrator's or a batch job's word wins,
 * and storage.get says so), else the saved setting, else this machine's SQLite.
 */
export function chooseStorage(
  env: NodeJS.ProcessEnv,
  settings: StoredStorage | undefined,
  secrets: SecretOpener,
): { choice: StorageChoice; source: StorageSource } {
  const fromEnv = storageFromEnv(env);
  if (fromEnv.engine === 'postgres') return { choice: fromEnv, source: 'env' };
  if (settings) return { choice: storageFromSettings(settings, secrets), source: 'settings' };
  return { choice: { engine: 'sqlite' }, source: 'default' };
}

/** Whether two choices open the same database with the same credentials. */
export function sameStorage(a: StorageChoice, b: StorageChoice): boolean {
  if (a.engine === 'sqlite' || b.engine === 'sqlite') return a.engine === b.engine;
  return a.url === b.url && (a.schema ?? '') === (b.schema ?? '');
}
