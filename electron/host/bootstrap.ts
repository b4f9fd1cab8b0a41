import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { ArticleRepository } from '../db/articles-repo';
import { BackupStore } from '../db/backup';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { rebuildSearchIndexIfNeeded } from '../db/search-index';
import { SearchRepository } from '../db/search-repo';
import { ArticleService } from '../services/articles';
import { SearchService } from '../services/search';
import { SettingsService, type SettingsStore } from '../services/settings';

export const DATABASE_FILE_NAME = 'byline.sqlite3';

export interface Backend {
  dispatch: Dispatch;
  db: Database;
  settings: SettingsService;
  close(): Promise<void>;
}

/**
 * Wires storage and services for any host (Electron, web mode, tests, batch jobs). The host brings its
 * own preferences store, since only the Electron glue may construct electron-store.
 */
export async function startBackend(options: { dataDir: string; settingsStore: SettingsStore }): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await openDatabase(path.join(options.dataDir, DATABASE_FILE_NAME));
  try {
    await migrate(db);
    await rebuildSearchIndexIfNeeded(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const settings = new SettingsService(options.settingsStore);
  const articles = new ArticleService({ repo: new ArticleRepository(db), defaultSection: () => settings.get().defaultSection });
  return {
    dispatch: createDispatch(createHandlers({ articles, settings, search: new SearchService(new SearchRepository(db)), backups: new BackupStore(db, path.join(options.dataDir, 'backups')) })),
    db,
    settings,
    close: () => db.close(),
  };
}
