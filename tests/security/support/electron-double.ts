/**
 * A test double for the module 'electron', wired in by vitest.config.ts (an alias that applies to tests
 * only). The Electron binary cannot be downloaded on these machines, so Electron's own IPC transport,
 * windows and protocol layer cannot run here. This file stands in for exactly those: it records what the
 * glue (electron/glue/ipc.ts, window.ts, protocol.ts) hands to Electron, so that a test can call the very
 * handlers the glue registered. Everything behind them (dispatch, services, sqlite database, files) is
 * real. Nothing here decides anything: a double that answered for Electron would prove nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain.handle registrations by channel, as the glue made them. */
export const ipcHandlers = new Map<string, Handler>();

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron does
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcHandlers.delete(channel);
  },
};

/** URLs the glue asked the operating system to open. */
export const openedExternally: string[] = [];

export const shell = {
  openExternal(url: string): Promise<void> {
    openedExternally.push(url);
    return Promise.resolve();
  },
};

/** The options of every BrowserWindow the glue constructed. */
export const constructedWindows: Array<Record<string, unknown>> = [];

export class BrowserWindow {
  constructor(readonly options: Record<string, unknown>) {
    constructedWindows.push(options);
  }
  maximize(): void {}
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  static getAllWindows(): BrowserWindow[] {
    return [];
  }
}

/** The app:// scheme registration and its request handler, as protocol.ts hands them over. */
export const registeredSchemes: unknown[] = [];
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    registeredSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    protocolHandlers.set(scheme, handler);
  },
};

/** net.fetch for file:// only, which is all protocol.ts asks of it: the file as it is on disk, or a 404. */
export const net = {
  async fetch(url: string): Promise<Response> {
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response('', { status: 404 });
    }
  },
};

/**
 * The operating system's keychain behind safeStorage, which cannot run here: a key of its own (so a
 * test can tell keychain-sealed from key-file-sealed text) and the state a test puts it in.
 */
export const keychain = { available: true, backend: 'gnome_libsecret', key: randomBytes(32) };

export const safeStorage = {
  isEncryptionAvailable: (): boolean => keychain.available,
  getSelectedStorageBackend: (): string => keychain.backend,
  encryptString(plain: string): Buffer {
    if (!keychain.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keychain.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  },
  decryptString(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', keychain.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  },
};

/** Clears every record between tests. */
export function resetElectronDouble(): void {
  keychain.available = true;
  keychain.backend = 'gnome_libsecret';
  keychain.key = randomBytes(32);
  ipcHandlers.clear();
  openedExternally.length = 0;
  constructedWindows.length = 0;
  registeredSchemes.length = 0;
  protocolHandlers.clear();
}
