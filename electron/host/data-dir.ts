import { chmodSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OWNER_DIR, OWNER_FILE, ownerOnlyDir } from '../db/owner-only';

export const APP_NAME = 'Byline';

/**
 * The data folder: BYLINE_DATA_DIR if set, else the OS user-data folder Electron itself would use
 * (so web mode and the desktop app share one database on the same machine).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BYLINE_DATA_DIR) return path.resolve(env.BYLINE_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/**
 * Makes the data folder its owner's only (0700), with the folders and files directly in it (database,
 * preferences, key, media, backups, exports) and the backup copies 0700/0600: a folder an older Byline
 * made at the umask's 0755 is narrowed at every start. Photo folders need no walk: media/ is closed.
 */
export function secureDataDir(dir: string): void {
  ownerOnlyDir(dir);
  narrow(dir);
  narrow(path.join(dir, 'backups'));
}

function narrow(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  // Links are left alone: chmod would change whatever they lead to.
  for (const e of entries) {
    if (e.isDirectory()) chmodSync(path.join(dir, e.name), OWNER_DIR);
    else if (e.isFile()) chmodSync(path.join(dir, e.name), OWNER_FILE);
  }
}
