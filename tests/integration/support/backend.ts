import Conf from 'conf';
import { startBackend, type Backend } from '../../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../../electron/host/settings-conf';
import type { Settings } from '../../../shared/settings';

/** Starts the backend exactly as electron/web/cli.ts does: conf-backed settings in `dataDir`. */
export async function startTestBackend(dataDir: string): Promise<{ backend: Backend; warning?: string }> {
  const { conf, warning } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  const backend = await startBackend({ dataDir, settingsStore: confSettingsStore(conf) });
  return { backend, warning };
}
