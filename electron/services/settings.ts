import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared/settings';

/**
 * Where preferences live: electron-store in the desktop app, `conf` in web mode and tests, one row in
 * the newsroom's PostgreSQL on the newsroom server (db/newsroom-settings-repo.ts). Asynchronous because
 * the last is a database every server process of the newsroom reads and writes.
 */
export interface SettingsStore {
  read(): Promise<unknown>;
  /**
   * Reads what is stored, lets `change` build the next settings (or throw, which stores nothing) and
   * stores them, as one step: two changes at once each start from the other's result, neither is lost.
   */
  update(change: (current: unknown) => Settings): Promise<Settings>;
}

/** What is stored, completed by the defaults; a store that holds nonsense reads as the defaults. */
function complete(stored: unknown): Settings {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Preferences with their cross-field rules (the default section must be one of the sections). */
export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  async get(): Promise<Settings> {
    return complete(await this.store.read());
  }

  set(patch: SettingsPatch): Promise<Settings> {
    return this.store.update((current) => {
      const next: Settings = { ...complete(current), ...patch };
      if (!next.sections.includes(next.defaultSection)) {
        throw new AppError('VALIDATION', `기본 섹션 '${next.defaultSection}'이(가) 섹션 목록에 없습니다.`);
      }
      if (new Set(next.sections).size !== next.sections.length) {
        throw new AppError('VALIDATION', '섹션 목록에 같은 이름이 두 번 있습니다.');
      }
      return next;
    });
  }
}
