/**
 * Electron lifecycle: one secure window, the app:// protocol, IPC over the shared services.
 * Everything with logic lives in services/ and host/, which run without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { SECRET_KEY_FILE_NAME, startBackend, type Backend } from './host/bootstrap';
import { resolveDataDir } from './host/data-dir';
import { registerIpc } from './ipc';
import { forwardEvents } from './ipc-events';
import { installMenu } from './menu';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol';
import { FileKeySecretStore } from './publish/secret-store';
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

async function start(): Promise<void> {
  const dataDir = process.env.BYLINE_DATA_DIR ? resolveDataDir() : app.getPath('userData');
  const { store, warning } = openElectronSettings(dataDir);
  try {
    const secrets = new SafeStorageSecretStore(new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME)));
    backend = await startBackend({ dataDir, settingsStore: store, secrets });
  } catch (err) {
    dialog.showErrorBox('바이라인을 시작할 수 없습니다', (err as Error).message);
    app.exit(2);
    return;
  }
  if (warning) void dialog.showMessageBox({ type: 'warning', message: warning });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  handleAppProtocol(path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME), backend.mediaDir, backend.materialise);
  registerIpc(backend.dispatch, appOrigins);
  forwardEvents(backend.events, appOrigins);
  installMenu();

  const win = createMainWindow({ preloadDir: __dirname, bounds: backend.settings.get().window });
  win.on('close', () => backend?.settings.set({ window: windowBounds(win) }));
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
