/**
 * Electron lifecycle: one secure window, the app:// protocol, IPC over the shared services.
 * Everything with logic lives in services/ and host/, which run without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { StorageError } from '../db/storage-error';
import { RANK_EXTENSION_FILE, useRankExtension } from '../db/search/rank-extension';
import { SECRET_KEY_FILE_NAME, startBackend, type Backend } from '../host/bootstrap';
import { resolveDataDir } from '../host/data-dir';
import { chooseStorage } from '../host/open-storage';
import { storageSettingsFile } from '../host/storage-settings-file';
import type { SettingsStore } from '../services/settings';
import { registerIpc } from './ipc';
import { forwardEvents } from './ipc-events';
import { installMenu } from './menu';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol';
import { FileKeySecretStore } from '../host/secret-store';
import { SafeStorageSecretStore } from './secrets-electron';
import { openElectronSettings } from './settings-electron';
import { createMainWindow, lockDownNavigation, windowBounds } from './window';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const appOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let backend: Backend | undefined;

/**
 * Opens the storage chosen by BYLINE_DATABASE_URL, else 환경설정 > 저장소, else this machine's SQLite. A
 * newsroom server that cannot be reached is named in a dialog, never replaced quietly by the local file
 * (the newsroom's stories would seem to have vanished): the person may try again, quit, or, for a saved
 * setting, open the local file this once, knowingly, to correct the server in the settings.
 * undefined: the person chose to quit.
 */
async function openBackend(dataDir: string, store: SettingsStore): Promise<Backend | undefined> {
  const secrets = new SafeStorageSecretStore(new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME)));
  const storageSettings = storageSettingsFile(dataDir);
  const { choice, source } = chooseStorage(process.env, storageSettings.read(), secrets);
  for (;;) {
    try {
      return await startBackend({ dataDir, settingsStore: store, secrets, storage: choice, storageSource: source, storageSettings });
    } catch (err) {
      if (choice.engine !== 'postgres' || !(err instanceof StorageError) || err.reason !== 'UNAVAILABLE') throw err;
      const buttons = source === 'settings' ? ['다시 시도', '이번만 이 컴퓨터 저장소로 열기', '끝내기'] : ['다시 시도', '끝내기'];
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: '공유 데이터베이스에 연결할 수 없습니다',
        message: err.message,
        detail:
          source === 'settings'
            ? `'이번만 이 컴퓨터 저장소로 열기'를 고르면 서버의 기사는 보이지 않고, 그동안 쓴 기사는 이 컴퓨터에만 저장됩니다. 환경설정 > 저장소에서 서버를 고친 뒤 다시 시작하세요.`
            : '저장소는 환경 변수 BYLINE_DATABASE_URL로 정해져 있습니다.',
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      });
      if (response === 0) continue;
      if (response === buttons.length - 1) return undefined;
      return startBackend({ dataDir, settingsStore: store, secrets, storage: { engine: 'sqlite' }, storageSource: 'fallback', storageSettings });
    }
  }
}

async function start(): Promise<void> {
  // Packaged, the search ranking function travels as a resource (forge.config.ts); unpackaged, it is in build/native.
  useRankExtension(
    app.isPackaged ? path.join(process.resourcesPath, 'native', RANK_EXTENSION_FILE) : path.join(app.getAppPath(), 'build', 'native', RANK_EXTENSION_FILE),
  );
  const dataDir = process.env.BYLINE_DATA_DIR ? resolveDataDir() : app.getPath('userData');
  const { store, warning } = openElectronSettings(dataDir);
  try {
    backend = await openBackend(dataDir, store);
  } catch (err) {
    dialog.showErrorBox('바이라인을 시작할 수 없습니다', (err as Error).message);
    app.exit(2);
    return;
  }
  if (!backend) {
    app.exit(2);
    return;
  }
  if (warning) void dialog.showMessageBox({ type: 'warning', message: warning });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  handleAppProtocol(path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME), backend.mediaDir, backend.materialise);
  registerIpc(backend.dispatch, appOrigins);
  forwardEvents(backend.events, appOrigins);
  installMenu();

  const win = createMainWindow({ preloadDir: __dirname, bounds: (await backend.settings.get()).window });
  // The local file is written before set() returns its promise (settings-conf.ts), so quitting right after keeps the bounds.
  win.on(
    'close',
    () => void backend?.settings.set({ window: windowBounds(win) }).catch((err: unknown) => console.warn('[byline] window bounds not saved', err)),
  );
  if (devServerUrl) {
    await win.loadURL(devServerUrl);
    win.webContents.openDevTools({ mode: 'detach' });
  } else {
    await win.loadURL(`${APP_ORIGIN}/index.html`);
  }
}

app.on('web-contents-created', (_event, contents) => lockDownNavigation(contents, appOrigins));
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void backend?.close());
app.whenReady().then(start, (err: unknown) => {
  dialog.showErrorBox('바이라인을 시작할 수 없습니다', String(err));
  app.exit(2);
});
