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
  const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  return async (db) => {
    const { store, seeded } = await NewsroomSettingsRepository.open(db, () => settingsFileOrDefaults(dataDir, file, log));
    if (seeded) log(`[byline server] 환경설정을 뉴스룸 데이터베이스에 처음 저장했습니다 (${existsSync(file) ? file : '기본값'}).`);
    return store;
  };
}

function settingsFileOrDefaults(dataDir: string, file: string, log: (message: string) => void): Settings | Promise<Settings> {
  if (!existsSync(file)) return DEFAULT_SETTINGS;
  // An unreadable file is set aside as a workstation's would be, and the newsroom starts from the defaults.
  const { conf, warning } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  if (warning) log(`[byline server] ${warning}`);
  return new SettingsService(confSettingsStore(conf)).get();
}
