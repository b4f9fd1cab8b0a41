import path from 'node:path';
import { BrowserWindow, shell, type WebContents } from 'electron';
import type { Settings } from '../../shared/settings';
import { originOf } from './protocol';

function isHttpUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** No navigation away from the app and no new windows; http(s) links open in the system browser. */
export function lockDownNavigation(contents: WebContents, appOrigins: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    // originOf, not URL.origin: Node's URL gives app:// the origin "null" (see protocol.ts).
    const origin = originOf(url);
    if (origin === undefined || !appOrigins.includes(origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(options: { preloadDir: string; bounds: Settings['window'] }): BrowserWindow {
  const win = new BrowserWindow({
    width: options.bounds.width,
    height: options.bounds.height,
    x: options.bounds.x,
    y: options.bounds.y,
    minWidth: 900,
    minHeight: 600,
    title: '바이라인',
    show: false,
    // Written out here, not built by a helper, so that Electronegativity and
    // tests/security/electron-checklist.test.ts both read the very object Electron receives.
    webPreferences: {
      preload: path.join(options.preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click opens a new window through auxclick; new windows are denied anyway, this closes the path.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (options.bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  return win;
}

export function windowBounds(win: BrowserWindow): Settings['window'] {
  const b = win.getNormalBounds();
  return { width: b.width, height: b.height, x: b.x, y: b.y, maximized: win.isMaximized() };
}
