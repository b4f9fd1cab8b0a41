import { existsSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { Database } from '../db/database';
import { NewsroomSettingsRepository } from '../db/newsroom-settings-repo';
import { confSettingsStore, openSettingsConf, SETTINGS_FILE_NAME, settingsStoreOptions } from '../host/settings-conf';
import { SettingsService, type SettingsStore } from '../services/settings';

/**
 * The newsroom server's 환경설정 store, for startBackend: the newsroom's database, shared by every server
 * process. A newsroom whose database has none yet starts from this process's settings.json if it has one
 * (a server from before keeps its sections and templates), else from the defaults; the file is read, never
 * created, changed or deleted, and is not read again once the database has the settings.
 */
export function newsroomSettings(dataDir: string, log: (message: string) => void = console.log): (db: Database) => Promise<SettingsStore> {
  return async (db) => {
    let source = '기본값';
    const { store, seeded } = await NewsroomSettingsRepository.open(db, () => {
      const fromFile = settingsFile(dataDir, log);
      if (!fromFile) return DEFAULT_SETTINGS;
      source = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
      return fromFile;
    });
    if (seeded) log(`[byline server] 환경설정을 뉴스룸 데이터베이스에 처음 저장했습니다 (${source}).`);
    return store;
  };
}

/** This process's settings.json, or undefined where there is none or it could not be read. */
function settingsFile(dataDir: string, log: (message: string) => void): Promise<Settings> | undefined {
  if (!existsSync(path.join(dataDir, `${SETTINGS_FILE_NAME}.json`))) return undefined;
  // An unreadable file is set aside as a workstation's would be, and the newsroom starts from the defaults.
  const { conf, warning } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  if (!warning) return new SettingsService(confSettingsStore(conf)).get();
  log(`[byline server] ${warning}`);
  return undefined;
}
