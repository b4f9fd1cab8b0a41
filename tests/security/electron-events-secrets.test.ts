import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/api/event-bus';
import { forwardEvents, type EventTarget } from '../../electron/glue/ipc-events';
import { APP_ORIGIN } from '../../electron/glue/protocol';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import { SafeStorageSecretStore } from '../../electron/glue/secrets-electron';
import { eventChannelOf } from '../../shared/contract-events';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';
import { keychain, resetElectronDouble } from './support/electron-double';

beforeEach(() => resetElectronDouble());
afterEach(() => removeTempDirs());

const ARTICLE = '0b7c7a52-3a44-4d43-9d55-1f3f3c1e9a10';

function windowAt(url: string, destroyed = false) {
  const sent: Array<[string, unknown]> = [];
  const win: EventTarget = { isDestroyed: () => destroyed, webContents: { getURL: () => url, send: (channel, payload) => void sent.push([channel, payload]) } };
  return { win, sent };
}

describe('events to windows (electron/glue/ipc-events.ts)', () => {
  it('reach every window showing the app, on the channel the contract names, and no other window', () => {
    const bus = new EventBus();
    const app = windowAt(`${APP_ORIGIN}/index.html`);
    const second = windowAt(`${APP_ORIGIN}/index.html#/desk`);
    const foreign = windowAt('https://evil.example/');
    const blank = windowAt('');
    const closed = windowAt(`${APP_ORIGIN}/index.html`, true);
    forwardEvents(bus, [APP_ORIGIN], () => [app.win, second.win, foreign.win, blank.win, closed.win]);

    bus.emit('article.changed', { articleId: ARTICLE, cause: 'workflow.submit', version: 3 });

    const expected = [[eventChannelOf('article.changed'), { articleId: ARTICLE, cause: 'workflow.submit', version: 3 }]];
    expect(app.sent).toEqual(expected);
    expect(second.sent).toEqual(expected);
    expect(foreign.sent).toEqual([]);
    expect(blank.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('never sends a payload outside its schema, and stops when told', () => {
    const logged: string[] = [];
    const bus = new EventBus((message) => void logged.push(message));
    const app = windowAt(`${APP_ORIGIN}/index.html`);
    const stop = forwardEvents(bus, [APP_ORIGIN], () => [app.win]);
    bus.emit('article.changed', { articleId: 'not-an-id', cause: 'articles.save' });
    expect(app.sent).toEqual([]);
    expect(logged).toEqual(['[byline] event article.changed outside its contract']);
    stop();
    bus.emit('article.changed', { articleId: ARTICLE, cause: 'articles.save' });
    expect(app.sent).toEqual([]);
  });
});

describe('secrets sealed by the keychain (electron/glue/secrets-electron.ts)', () => {
  const keyFileStore = () => new FileKeySecretStore(path.join(makeTempDir(), 'secret.key'));

  it('seals with safeStorage where a real keychain is there, and opens what it sealed', () => {
    const store = new SafeStorageSecretStore(keyFileStore());
    const sealed = store.seal('abcd efgh ijkl mnop qrst uvwx');
    expect(sealed.startsWith('ss1:')).toBe(true);
    expect(sealed).not.toContain('abcd');
    expect(store.open(sealed)).toBe('abcd efgh ijkl mnop qrst uvwx');
  });

  it("uses the key file instead of Linux's public fallback password, and opens secrets sealed either way", () => {
    const fallback = keyFileStore();
    const store = new SafeStorageSecretStore(fallback);
    const byKeychain = store.seal('첫째 비밀번호');
    keychain.backend = 'basic_text';
    const byKeyFile = store.seal('둘째 비밀번호');
    expect(byKeyFile.startsWith('v1:')).toBe(process.platform === 'linux');
    expect(store.open(byKeyFile)).toBe('둘째 비밀번호');
    expect(store.open(byKeychain)).toBe('첫째 비밀번호');
    // Web mode seals with the key file alone: the desktop opens those too.
    expect(store.open(fallback.seal('웹 모드에서 저장'))).toBe('웹 모드에서 저장');
  });

  it('says in Korean what to do when the keychain is gone or belongs to someone else', () => {
    const store = new SafeStorageSecretStore(keyFileStore());
    const sealed = store.seal('비밀');
    keychain.available = false;
    expect(() => store.open(sealed)).toThrow(/키체인을 쓸 수 없어/);
    keychain.available = true;
    keychain.key = Buffer.alloc(32, 7);
    expect(() => store.open(sealed)).toThrow(/비밀번호를 다시 저장하세요/);
  });
});
