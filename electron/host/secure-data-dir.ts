import { chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME } from '../db/backup';
import { OUTBOX_FILE_NAME } from '../db/outbox-repo';
import { OWNER_DIR, OWNER_FILE, ownerOnlyDir } from '../db/owner-only';
import { DATABASE_FILE_NAME } from './open-storage';
import { SETTINGS_FILE_NAME } from './settings-conf';
import { STORAGE_SETTINGS_FILE_NAME } from './storage-settings-file';

/** Backup copies and their photo pool: <data>/backups/ (db/backup.ts, media/backup-pool.ts). */
export const BACKUPS_DIR_NAME = 'backups';

/** What Byline itself keeps directly in the data folder, besides the names the host passes in. */
function bylineEntries(): Set<string> {
  const databases = [DATABASE_FILE_NAME, OUTBOX_FILE_NAME].flatMap((f) => [f, `${f}-wal`, `${f}-shm`, `${f}-journal`]);
  return new Set([...databases, `${SETTINGS_FILE_NAME}.json`, STORAGE_SETTINGS_FILE_NAME, BACKUPS_DIR_NAME]);
}

/**
 * Makes the data folder its owner's only (0700) with what Byline keeps in it (the databases, preferences,
 * key, `own`, and every backup copy) 0700/0600: a folder an older Byline made at the umask's 0755 is
 * narrowed at every start. Only Byline's own names are touched, since BYLINE_DATA_DIR may name a folder
 * that holds other things too; photo folders need no walk, as media/ is closed.
 */
export function secureDataDir(dir: string, own: readonly string[]): void {
  const names = new Set([...bylineEntries(), ...own]);
  try {
    ownerOnlyDir(dir);
    narrow(dir, (name) => names.has(name) || name.startsWith(`${SETTINGS_FILE_NAME}.unreadable-`));
    narrow(path.join(dir, BACKUPS_DIR_NAME), (name) => BACKUP_NAME.test(name) || name === 'media');
  } catch (err) {
    // A read-only mount is the database's to refuse, in words that say so (db/database.ts openDatabase).
    if (!UNCHANGEABLE.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
}

const UNCHANGEABLE = new Set(['EROFS', 'EPERM', 'EACCES']);

function narrow(dir: string, ours: (name: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  // Links are left alone: chmod would change whatever they lead to.
  for (const e of entries) {
    if (!ours(e.name)) continue;
    if (e.isDirectory()) chmodSync(path.join(dir, e.name), OWNER_DIR);
    else if (e.isFile()) chmodSync(path.join(dir, e.name), OWNER_FILE);
  }
}
