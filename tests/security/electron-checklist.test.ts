import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, WASM_WORKER_CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../../shared/csp';
import { ancestors, callsNamed, electronSources, findAll, functionNamed, guardedBy, literalValue, parse, projectRoot, property } from './support/source';

/**
 * Electron's security checklist, read from the code that creates the window, the CSP, the app:// protocol
 * and the handlers (TypeScript's own parser, no copies of the values). electron-glue.test.ts then calls
 * the same code through a recording double of 'electron'; this file only reads it.
 */

const WEB_PREFERENCES: Record<string, unknown> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

function newBrowserWindows(): Array<{ file: string; node: ts.NewExpression }> {
  return electronSources().flatMap((file) =>
    findAll(parse(file), ts.isNewExpression)
      .filter((n) => n.expression.getText() === 'BrowserWindow' || n.expression.getText() === 'BrowserView')
      .map((node) => ({ file, node })),
  );
}

describe('BrowserWindow options (electron/glue/window.ts)', () => {
  const windows = newBrowserWindows();

  it('constructs exactly one kind of window, in window.ts', () => {
    expect(windows.map((w) => w.file)).toEqual([path.join('electron', 'glue', 'window.ts')]);
  });

  it('writes out the secure webPreferences literally, with nothing spread over them', () => {
    const options = windows[0]!.node.arguments?.[0];
    expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
    const prefs = property(options as ts.ObjectLiteralExpression, 'webPreferences');
    expect(prefs && ts.isObjectLiteralExpression(prefs)).toBe(true);
    const literal = prefs as ts.ObjectLiteralExpression;
    expect(literal.properties.filter((p) => !ts.isPropertyAssignment(p)).map((p) => p.getText())).toEqual([]);
    for (const [name, value] of Object.entries(WEB_PREFERENCES)) expect([name, literalValue(property(literal, name))]).toEqual([name, value]);
    expect(property(literal, 'enableBlinkFeatures')).toBeUndefined();
    expect(literalValue(property(literal, 'disableBlinkFeatures'))).toMatch(/Auxclick/);
    expect(property(literal, 'preload')?.getText()).toMatch(/'preload\.cjs'\)$/);
  });
});

describe('loading the renderer (electron/glue/main.ts)', () => {
  const main = parse('electron/glue/main.ts');

  it('never loads a file:// page, anywhere in electron/', () => {
    for (const file of electronSources()) {
      const source = parse(file);
      expect([file, callsNamed(source, 'loadFile').length]).toEqual([file, 0]);
      for (const call of callsNamed(source, 'loadURL')) expect(call.arguments[0]?.getText()).not.toMatch(/file:|pathToFileURL/);
    }
  });

  it('loads app://byline/index.html in production and the dev server only when there is one', () => {
    const loads = callsNamed(main, 'loadURL').map((c) => ({ arg: c.arguments[0]!.getText(), dev: guardedBy(c, 'devServerUrl') }));
    expect(loads).toEqual([
      { arg: 'devServerUrl', dev: true },
      { arg: '`${APP_ORIGIN}/index.html`', dev: false },
    ]);
    const origin = findAll(parse('electron/glue/protocol.ts'), ts.isVariableDeclaration).find((d) => d.name.getText() === 'APP_ORIGIN');
    expect(origin?.initializer?.getText()).toBe('`${APP_SCHEME}://${APP_HOST}`');
  });

  it('opens DevTools only under the dev server', () => {
    const opens = electronSources().flatMap((file) => callsNamed(parse(file), 'openDevTools').map((c) => ({ file, dev: guardedBy(c, 'devServerUrl') })));
    expect(opens).toEqual([{ file: path.join('electron', 'glue', 'main.ts'), dev: true }]);
  });

  it('locks down every web contents and refuses every permission request', () => {
    const created = callsNamed(main, 'on').find((c) => literalValue(c.arguments[0]) === 'web-contents-created');
    expect(created?.arguments[1]?.getText()).toMatch(/lockDownNavigation\(contents, appOrigins\)/);
    const permissions = callsNamed(main, 'setPermissionRequestHandler');
    expect(permissions).toHaveLength(1);
    expect(permissions[0]!.arguments[0]!.getText()).toMatch(/=>\s*callback\(false\)$/);
  });
});

describe('navigation and new windows (electron/glue/window.ts lockDownNavigation)', () => {
  const lock = functionNamed(parse('electron/glue/window.ts'), 'lockDownNavigation');
  const listener = (event: string) => callsNamed(lock, 'on').find((c) => literalValue(c.arguments[0]) === event)?.arguments[1];

  it('prevents will-navigate unless the target origin is the app', () => {
    const handler = listener('will-navigate');
    expect(handler?.getText()).toMatch(
      /const origin = originOf\(url\);\s*if \(origin === undefined \|\| !appOrigins\.includes\(origin\)\) event\.preventDefault\(\)/,
    );
  });

  it('compares origins with originOf, never URL.origin (which is "null" for app:// under Node)', () => {
    for (const file of ['electron/glue/window.ts', 'electron/glue/ipc.ts']) {
      const reads = findAll(parse(file), ts.isPropertyAccessExpression).filter((p) => p.name.text === 'origin');
      expect([file, reads.map((r) => r.getText())]).toEqual([file, []]);
    }
  });

  it('prevents attaching a webview', () => {
    expect(listener('will-attach-webview')?.getText()).toMatch(/event\.preventDefault\(\)/);
  });

  it('answers every window.open with deny and opens only http(s) URLs outside', () => {
    const [handler] = callsNamed(lock, 'setWindowOpenHandler').map((c) => c.arguments[0]!);
    expect(handler).toBeDefined();
    const returns = findAll(handler!, ts.isReturnStatement).map((r) => r.expression?.getText());
    expect(returns).toEqual(["{ action: 'deny' }"]);
    expect(ts.isArrowFunction(handler!) && ts.isBlock(handler.body)).toBe(true);
    for (const file of electronSources()) {
      for (const call of callsNamed(parse(file), 'openExternal')) expect([file, guardedBy(call, 'isHttpUrl(url)')]).toEqual([file, true]);
    }
  });
});

describe('Content-Security-Policy (shared/csp.ts)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows no inline script, no eval and nothing from outside the app', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    for (const [name, values] of directives) {
      expect([name, values.filter((v) => v === '*' || /^(https?|wss?|ftp):/.test(v) || /\*\./.test(v))]).toEqual([name, []]);
    }
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it("gives 'wasm-unsafe-eval' to the spelling worker's script only, and nothing else beyond the page's policy", () => {
    expect(WASM_WORKER_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
    expect(contentSecurityPolicyFor('/assets/spell.worker-C3q13jGo.js')).toBe(WASM_WORKER_CONTENT_SECURITY_POLICY);
    for (const other of [
      '/',
      '/index.html',
      '/assets/main-EpjzDIDF.js',
      '/assets/spell.worker-x.js.map',
      '/x/assets/spell.worker-a.js',
      '/spelling-check.html',
    ]) {
      expect([other, contentSecurityPolicyFor(other)]).toEqual([other, CONTENT_SECURITY_POLICY]);
    }
  });

  it("sets object-src, base-uri, form-action and frame-ancestors to 'none'", () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect([name, directives.get(name)]).toEqual([name, ["'none'"]]);
  });

  it('is sent as a response header by the app:// handler, and app:// is not allowed to bypass it', () => {
    const protocol = parse('electron/glue/protocol.ts');
    const sets = callsNamed(protocol, 'set').map((c) => c.arguments.map((a) => a.getText()).join(', '));
    expect(sets).toContain("'Content-Security-Policy', contentSecurityPolicyFor(urlPath)");
    const schemes = callsNamed(protocol, 'registerSchemesAsPrivileged')[0]!.arguments[0]!.getText();
    expect(schemes).not.toMatch(/bypassCSP|allowServiceWorkers|corsEnabled/);
  });

  it('is the same policy in the renderer page meta tag, less what a meta tag cannot carry', () => {
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    for (const page of ['index.html', 'spelling-check.html']) {
      const html = readFileSync(path.join(projectRoot, 'renderer', page), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect([page, meta]).toEqual([page, headerWithoutFrameAncestors]);
    }
  });
});

describe('IPC (electron/glue/ipc.ts, electron/glue/preload.ts)', () => {
  const ipc = parse('electron/glue/ipc.ts');

  it('registers handlers only in registerIpc, and each checks its sender before anything else', () => {
    const registrations = electronSources().flatMap((file) =>
      [...callsNamed(parse(file), 'handle'), ...callsNamed(parse(file), 'on')]
        .filter((c) => c.expression.getText().startsWith('ipcMain.'))
        .map((c) => ({ file, fn: ancestors(c).find(ts.isFunctionDeclaration)?.name?.text, handler: c.arguments[1]! })),
    );
    expect(registrations.map((r) => [r.file, r.fn])).toEqual([[path.join('electron', 'glue', 'ipc.ts'), 'registerIpc']]);
    const body = registrations[0]!.handler;
    expect(ts.isArrowFunction(body) && ts.isBlock(body.body)).toBe(true);
    const first = ((body as ts.ArrowFunction).body as ts.Block).statements[0]!;
    expect(first.getText()).toMatch(/^if \(!isTrustedSender\(event, trustedOrigins\)\) \{\s*return \{ ok: false, error: \{ code: 'FORBIDDEN'/);
  });

  it('refuses a sender whose frame or URL is missing, explicitly', () => {
    const check = functionNamed(ipc, 'isTrustedSender');
    expect(check.getText()).toMatch(/event\.senderFrame\?\.url/);
    expect(check.getText()).toMatch(/if \(!url\) return false;/);
  });

  it('preload exposes the contract methods and events, never ipcRenderer itself', () => {
    const preload = parse('electron/glue/preload.ts');
    const exposed = callsNamed(preload, 'exposeInMainWorld');
    expect(exposed.map((c) => c.arguments.map((a) => a.getText()))).toEqual([
      ["'byline'", 'bridge'],
      ["'bylineEvents'", 'eventsBridge'],
    ]);
    const uses = findAll(preload, ts.isPropertyAccessExpression)
      .filter((p) => p.expression.getText() === 'ipcRenderer')
      .map((p) => p.name.text);
    expect(uses.sort()).toEqual(['invoke', 'on', 'removeListener']);
  });

  it('an event reaches the page as its payload alone, on a channel named by the contract', () => {
    const subscribe = findAll(parse('electron/glue/preload.ts'), ts.isMethodDeclaration).find((m) => m.name.getText() === 'subscribe')!;
    expect(subscribe.getText()).toMatch(/if \(!isEventName\(name\)\) throw/);
    expect(subscribe.getText()).toMatch(/ipcRenderer\.on\(channel, relay\)/);
    expect(subscribe.getText()).toMatch(/\(_event: IpcRendererEvent, payload: unknown\) => \(listener as \(p: unknown\) => void\)\(payload\)/);
  });
});
