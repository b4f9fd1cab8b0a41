import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { registerIpc } from '../../electron/glue/ipc';
import { APP_ORIGIN } from '../../electron/glue/protocol';
import { METHODS, channelOf, type Method } from '../../shared/contract';
import { ErrorCode, type Result } from '../../shared/errors';
import { startTestBackend, TEST_ENGINE } from '../integration/support/backend';
import { logicalDump, makeTempDir, removeTempDirs, sha256File } from '../integration/support/temp';
import { ipcHandlers, resetElectronDouble } from './support/electron-double';
import { senderEvent, TRUSTED_URL } from './support/ipc-events';
import { asDelivered, malformedPayloads, unknownMethods, validInputs } from './support/payloads';

/**
 * Every contract method over IPC, fed hundreds of malformed payloads each from the app's own (trusted)
 * page: the handlers registered by electron/glue/ipc.ts through the 'electron' test double, in front of the
 * real dispatch, services and sqlite database. Each must come back as a typed VALIDATION error, and
 * the database and settings must be exactly as they were.
 */

const PER_METHOD = 300;
const SEED = 0x8b11e;

let backend: Backend;
let dataDir: string;
let valid: Record<Method, unknown>;

beforeAll(async () => {
  resetElectronDouble();
  dataDir = path.join(makeTempDir('byline-fuzz-ipc-'), 'data');
  ({ backend } = await startTestBackend(dataDir));
  registerIpc(backend.dispatch, [APP_ORIGIN]);
  valid = await validInputs((method, input) => backend.dispatch(method, input));
});

afterAll(async () => {
  await backend.close();
  resetElectronDouble();
  removeTempDirs();
});

const invoke = (method: Method, payload: unknown) =>
  ipcHandlers.get(channelOf(method))!(senderEvent(TRUSTED_URL), asDelivered(payload, 'ipc')) as Promise<Result<unknown>>;
const fileHash = (name: string) => (existsSync(path.join(dataDir, name)) ? sha256File(path.join(dataDir, name)) : '');
// storage.json: the saved storage choice and its sealed password (storage.save) must not move either.
const settingsHash = () => `${fileHash('settings.json')}:${fileHash('storage.json')}`;

describe('IPC fuzz', { timeout: 180_000 }, () => {
  it(`refuses ${PER_METHOD} malformed payloads per method with VALIDATION and writes nothing`, async () => {
    const payloads = malformedPayloads(valid, { seed: SEED, perMethod: PER_METHOD, transport: 'ipc' });
    expect(payloads).toHaveLength(PER_METHOD * METHODS.length);
    const before = await logicalDump(backend.db);
    const settingsBefore = settingsHash();
    const wrong: string[] = [];
    for (const [i, { method, label, payload }] of payloads.entries()) {
      let result: Result<unknown>;
      try {
        result = await invoke(method, payload);
      } catch (err) {
        wrong.push(`#${i} ${method} ${label}: threw ${(err as Error).message}`);
        continue;
      }
      if (result.ok || result.error.code !== 'VALIDATION' || !ErrorCode.safeParse(result.error.code).success)
        wrong.push(`#${i} ${method} ${label}: ${JSON.stringify(result).slice(0, 200)}`);
      else if (/\n\s+at |\.ts:\d+|node_modules|SQLITE/.test(result.error.message) || result.error.message.length > 2_000)
        wrong.push(`#${i} ${method} ${label}: leaks internals`);
    }
    expect(wrong).toEqual([]);
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
    expect(settingsHash()).toBe(settingsBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers unknown methods with UNKNOWN_METHOD and registers no channel beyond the contract', async () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
    const before = await logicalDump(backend.db);
    const names = unknownMethods(SEED, 100);
    for (const name of names) {
      const result = await backend.dispatch(name, valid['articles.create']);
      expect([name.slice(0, 40), result.ok ? 'ok' : result.error.code]).toEqual([name.slice(0, 40), 'UNKNOWN_METHOD']);
    }
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('refuses backup names that pass the contract pattern but name no backup, writing nothing', async () => {
    const before = await logicalDump(backend.db);
    for (const name of ['..', '.', '...', 'byline.sqlite3', 'byline.sqlite3-wal', 'settings.json', 'byline-20260101-000000-000.sqlite3']) {
      const result = await invoke('backup.restore', { name });
      // A shared PostgreSQL refuses every backup call here (the server is backed up with pg_dump).
      expect([name, result.ok ? 'ok' : result.error.code]).toEqual([name, TEST_ENGINE === 'postgres' ? 'STORAGE' : 'NOT_FOUND']);
    }
    expect((await logicalDump(backend.db)).hash).toBe(before.hash);
  });

  it('still answers valid requests afterwards, through the same handlers', async () => {
    for (const method of ['articles.get', 'articles.list', 'articles.revisions', 'search.query', 'settings.get'] as const) {
      expect([method, (await invoke(method, valid[method])).ok]).toEqual([method, true]);
    }
  });
});
