import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/settings';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../host/settings-conf';
import type { SettingsStore } from '../services/settings';

/** The desktop app's preferences: electron-store with the same schema web mode gives `conf`. */
export function openElectronSettings(dataDir: string): { store: SettingsStore; warning?: string } {
  const { configName, ...rest } = settingsStoreOptions(dataDir);
  const { conf, warning } = openSettingsConf(dataDir, () => new ElectronStore<Settings>({ ...rest, name: configName }));
  return { store: confSettingsStore(conf), warning };
}
