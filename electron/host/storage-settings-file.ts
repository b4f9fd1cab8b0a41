import { readFileSync } from 'node:fs';
import { writeOwnerOnlyFileSync } from '../db/owner-only';
import path from 'node:path';
import { StorageError } from '../db/storage-error';
import { StoredStorage } from './open-storage';

export const STORAGE_SETTINGS_FILE_NAME = 'storage.json';

/** Where the storage choice is kept: read before any database is open, so never in a database. */
export interface StorageSettingsStore {
  /** undefined: nothing saved yet (this machine's SQLite). */
  read(): StoredStorage | undefined;
  write(value: StoredStorage): void;
  /** The file, for messages. */
  readonly location: string;
}

/**
 * <data>/storage.json, apart from the preferences file: settings.get answers the renderer with the whole
 * preferences object, and the sealed password has no business there; settings.set replaces whole keys,
 * and a window should not be able to redirect storage through it. Written whole (temporary file, fsync,
 * rename), readable by its owner only.
 */
export function storageSettingsFile(dataDir: string): StorageSettingsStore {
  const file = path.join(dataDir, STORAGE_SETTINGS_FILE_NAME);
  return {
    location: file,
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      // A damaged file is said, not replaced by the default: that would open an empty SQLite in place of the newsroom's server.
      let parsed: ReturnType<typeof StoredStorage.safeParse>;
      try {
        parsed = StoredStorage.safeParse(JSON.parse(text));
      } catch {
        parsed = StoredStorage.safeParse(undefined);
      }
      if (!parsed.success)
        throw new StorageError('CORRUPT', `저장소 설정 파일(${file})을 읽을 수 없습니다. 파일을 고치거나, 이 컴퓨터의 저장소로 시작하려면 지우세요.`);
      return parsed.data;
    },
    write(value) {
      writeOwnerOnlyFileSync(file, `${JSON.stringify(StoredStorage.parse(value), null, 2)}\n`);
    },
  };
}
