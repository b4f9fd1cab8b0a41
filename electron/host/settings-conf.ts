import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../../shared/settings';
import type { SettingsStore } from '../services/settings';

export const SETTINGS_FILE_NAME = 'settings';

/**
 * The options both electron-store (desktop) and conf (web mode) are built with: the JSON Schema is
 * generated from the shared zod schema, so the two hosts validate preferences identically.
 */
export function settingsStoreOptions(dataDir: string) {
  const jsonSchema = z.toJSONSchema(Settings) as { properties: Record<string, object> };
  return {
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    schema: jsonSchema.properties as never,
    defaults: DEFAULT_SETTINGS,
    // A hand-damaged file is set aside below rather than silently cleared.
    clearInvalidConfig: false,
    // Preferences name the newsroom's CMS sites and accounts: the data folder's owner's only.
    configFileMode: 0o600,
  };
}

/** One process owns the file, so a read and a write with nothing between them are already one step. */
export function confSettingsStore(conf: Conf<Settings>): SettingsStore {
  return {
    read: async () => conf.store,
    // Written before the first await: a window's close handler has stored its bounds when it returns.
    update: async (change) => {
      const next = change(conf.store);
      conf.store = next;
      return next;
    },
  };
}

/**
 * Opens the preferences file; if it is unreadable, moves it aside (never deletes it) and starts from
 * the defaults, returning a warning to show the user.
 */
export function openSettingsConf<T extends Conf<Settings>>(dataDir: string, create: () => T): { conf: T; warning?: string } {
  try {
    return { conf: create() };
  } catch (err) {
    const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    if (!existsSync(file)) throw err;
    const aside = path.join(dataDir, `${SETTINGS_FILE_NAME}.unreadable-${Date.now()}.json`);
    renameSync(file, aside);
    return {
      conf: create(),
      warning: `환경설정 파일을 읽을 수 없어 기본값으로 시작합니다. 이전 파일은 ${aside}에 보관했습니다. (${(err as Error).message})`,
    };
  }
}
