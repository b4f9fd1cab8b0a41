import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared/settings';

/** Where preferences live: electron-store in the desktop app, `conf` in web mode and tests. */
export interface SettingsStore {
  read(): unknown;
  write(settings: Settings): void;
}

/** Preferences with their cross-field rules (the default section must be one of the sections). */
export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  get(): Settings {
    const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(this.store.read() as object) });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  set(patch: SettingsPatch): Settings {
    const next: Settings = { ...this.get(), ...patch };
    if (!next.sections.includes(next.defaultSection)) {
      throw new AppError('VALIDATION', `기본 섹션 '${next.defaultSection}'이(가) 섹션 목록에 없습니다.`);
    }
    if (new Set(next.sections).size !== next.sections.length) {
      throw new AppError('VALIDATION', '섹션 목록에 같은 이름이 두 번 있습니다.');
    }
    this.store.write(next);
    return next;
  }
}
