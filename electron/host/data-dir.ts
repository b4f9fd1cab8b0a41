import os from 'node:os';
import path from 'node:path';

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
