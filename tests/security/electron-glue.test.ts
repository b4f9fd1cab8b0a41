import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTrustedSender, registerIpc } from '../../electron/glue/ipc';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from '../../electron/glue/protocol';
import { createMainWindow, lockDownNavigation } from '../../electron/glue/window';
import type { Backend } from '../../electron/host/bootstrap';
import { METHODS, channelOf } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { startTestBackend } from '../integration/support/backend';
import { logicalDump, makeTempDir, removeTempDirs } from '../integration/support/temp';
import { constructedWindows, ipcHandlers, openedExternally, protocolHandlers, registeredSchemes, resetElectronDouble } from './support/electron-double';
import { senderEvent, TRUSTED_URL, UNTRUSTED_SENDERS } from './support/ipc-events';
import { validInputs } from './support/payloads';

/**
 * The Electron glue called for real, through the recording double of 'electron' (see its comment): the
 * window it builds, what its navigation handlers decide, the sender check on every IPC channel, and what
 * the app:// handler serves. Backend, dispatch and database behind the IPC handlers are the real ones.
 */

beforeEach(() => resetElectronDouble());
afterEach(() => removeTempDirs());

describe('the main window', () => {
  it('is created with the secure webPreferences', () => {
    createMainWindow({ preloadDir: '/app/.vite/build', bounds: { width: 1280, height: 800, maximized: false } });
    expect(constructedWindows).toHaveLength(1);
    expect(constructedWindows[0]!.webPreferences).toMatchObject({
      preload: path.join('/app/.vite/build', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

/** Electron's types, named through the glue (only the glue may import 'electron'). */
type IpcMainInvokeEvent = Parameters<typeof isTrustedSender>[0];
type WebContents = Parameters<typeof lockDownNavigation>[0];

/** Just enough of WebContents to receive the listeners lockDownNavigation attaches. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, fn: (event: { preventDefault(): void }, url?: string) => void) {
      listeners.set(name, fn);
      return contents;
    },
    setWindowOpenHandler(fn: typeof openHandler) {
      openHandler = fn;
    },
  };
  const prevented = (name: string, url?: string) => {
    let stopped = false;
    listeners.get(name)!({ preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { contents: contents as unknown as WebContents, prevented, open: (url: string) => openHandler!({ url }) };
}

describe('navigation and new windows', () => {
  const DEV = 'http://localhost:5173';
  const STAYS = [`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/queue/mine`, `${DEV}/index.html`];
  const LEAVES = [
    'https://evil.example/',
    'http://localhost:5173.evil.example/',
    'app://byline.evil.example/index.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'not a url',
    '',
  ];

  it('lets the app navigate within its own origins and stops everything else', () => {
    const { contents, prevented } = fakeContents();
    lockDownNavigation(contents, [APP_ORIGIN, DEV]);
    for (const url of STAYS) expect([url, prevented('will-navigate', url)]).toEqual([url, false]);
    for (const url of LEAVES) expect([url, prevented('will-navigate', url)]).toEqual([url, true]);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands only http(s) links to the system browser', () => {
    const { contents, open } = fakeContents();
    lockDownNavigation(contents, [APP_ORIGIN]);
    const urls = [
      'https://www.msit.go.kr/',
      'http://example.com/a?b=1',
      ...LEAVES,
      'mailto:press@example.com',
      'smb://server/share',
      'ms-msdt:/id',
      'vbscript:msgbox(1)',
    ];
    for (const url of urls) expect([url, open(url)]).toEqual([url, { action: 'deny' }]);
    const web = urls.filter((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol));
    expect(web).toHaveLength(3);
    expect(openedExternally).toEqual(web);
  });
});

describe('the IPC sender check', () => {
  it('trusts only frames on the app origin', () => {
    expect(isTrustedSender(senderEvent(TRUSTED_URL), [APP_ORIGIN])).toBe(true);
    for (const [label, event] of UNTRUSTED_SENDERS) expect([label, isTrustedSender(event as IpcMainInvokeEvent, [APP_ORIGIN])]).toEqual([label, false]);
  });

  it('refuses every method from an untrusted sender, even with valid input, and writes nothing', async () => {
    const { backend } = await startTestBackend(path.join(makeTempDir('byline-ipc-'), 'data'));
    try {
      registerIpc(backend.dispatch, [APP_ORIGIN]);
      expect([...ipcHandlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
      const inputs = await validInputs((m, i) => backend.dispatch(m, i));
      const before = await logicalDump(backend.db);
      let refused = 0;
      for (const method of METHODS) {
        for (const [label, event] of UNTRUSTED_SENDERS) {
          const result = await ipcHandlers.get(channelOf(method))!(event, structuredClone(inputs[method]));
          expect([method, label, result]).toEqual([method, label, { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }]);
          refused += 1;
        }
      }
      expect(refused).toBe(METHODS.length * UNTRUSTED_SENDERS.length);
      expect((await logicalDump(backend.db)).hash).toBe(before.hash);
      // The same handler answers the app's own page.
      expect(await ipcHandlers.get(channelOf('settings.get'))!(senderEvent(TRUSTED_URL), {})).toMatchObject({ ok: true });
      // The window names its picked profile as the second argument, beside the input; a malformed one is refused.
      const kim = (await backend.dispatch('profiles.create', { name: '김기자', email: '', role: 'reporter' })) as { ok: true; value: { id: string } };
      const create = ipcHandlers.get(channelOf('articles.create'))!;
      const mine = (await create(senderEvent(TRUSTED_URL), {}, { actorId: kim.value.id })) as { ok: true; value: { id: string } };
      const status = await ipcHandlers.get(channelOf('workflow.status'))!(senderEvent(TRUSTED_URL), { id: mine.value.id }, { actorId: kim.value.id });
      expect(status).toMatchObject({ ok: true, value: { owner: { name: '김기자' }, editable: true } });
      for (const context of ['kim', { actorId: 'kim' }, { actorId: kim.value.id, role: 'chief' }]) {
        expect([context, await create(senderEvent(TRUSTED_URL), {}, context)]).toMatchObject([context, { ok: false, error: { code: 'VALIDATION' } }]);
      }
    } finally {
      await closeQuietly(backend);
    }
  });
});

async function closeQuietly(backend: Backend): Promise<void> {
  await backend.close().catch(() => undefined);
}

describe('the app:// protocol', () => {
  const INDEX = '<!doctype html><title>바이라인</title>';
  let rendererDir: string;
  let mediaDir: string;

  beforeEach(() => {
    const root = makeTempDir('byline-app-');
    rendererDir = path.join(root, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'secret.txt'), '외부 비밀');
    registerAppScheme();
    mediaDir = path.join(root, 'data', 'media');
    handleAppProtocol(rendererDir, mediaDir);
  });

  const get = (url: string) => protocolHandlers.get('app')!(new Request(url));

  it('registers app:// as a standard secure scheme without CSP bypass', () => {
    expect(registeredSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('sends the CSP and nosniff with every page and asset', async () => {
    for (const url of ['app://byline/', 'app://byline/index.html', 'app://byline/assets/app.js', 'app://byline/queue/mine']) {
      const response = await get(url);
      expect([url, response.status]).toEqual([url, 200]);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves nothing for another host and nothing outside the renderer folder', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    for (const url of [
      'app://byline/../secret.txt',
      'app://byline/%2e%2e/secret.txt',
      'app://byline/..%2fsecret.txt',
      'app://byline/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const response = await get(url);
      expect(await response.text()).not.toMatch(/외부 비밀|root:/);
    }
  });

  it('serves photo renditions from the media folder under app://byline/media/, and never an original', async () => {
    const id = 'c'.repeat(64);
    mkdirSync(path.join(mediaDir, id), { recursive: true });
    writeFileSync(path.join(mediaDir, id, '800.webp'), 'RIFF....WEBP');
    writeFileSync(path.join(mediaDir, id, '320.jpg'), '\xff\xd8\xff');
    writeFileSync(path.join(mediaDir, id, 'original.jpg'), 'GPS가 든 원본');
    const webp = await get(`app://byline/media/${id}/800.webp`);
    expect([webp.status, webp.headers.get('content-type'), webp.headers.get('cache-control')]).toEqual([
      200,
      'image/webp',
      'private, max-age=31536000, immutable',
    ]);
    expect(await webp.text()).toBe('RIFF....WEBP');
    expect((await get(`app://byline/media/${id}/320.jpg`)).headers.get('content-type')).toBe('image/jpeg');
    for (const tail of ['original.jpg', '1600.webp', '801.webp', '..%2foriginal.jpg']) {
      const response = await get(`app://byline/media/${id}/${tail}`);
      expect([tail, response.status]).toEqual([tail, 404]);
      expect(await response.text()).not.toContain('원본');
    }
    expect((await get(`app://evil/media/${id}/800.webp`)).status).toBe(404);
  });
});
