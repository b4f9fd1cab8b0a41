import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { probePostgres } from '../../electron/db/postgres/probe';
import { DATABASE_FILE_NAME, SECRET_KEY_FILE_NAME, startBackend, type Backend } from '../../electron/host/bootstrap';
import { chooseStorage } from '../../electron/host/open-storage';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { storageSettingsFile } from '../../electron/host/storage-settings-file';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import { StorageSettingsService } from '../../electron/services/storage-settings';
import type { StorageStatus, StorageTestResult } from '../../shared/contract-storage';
import type { Result } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { PostgresServer } from '../../shared/storage-settings';
import { cleanUpPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * 환경설정 > 저장소 against a real PostgreSQL (tests/peers/postgres-up.sh): 연결 시험 in words, the
 * password sealed in <data>/storage.json and never answered, the saved choice opened at the next start,
 * and a server that cannot be reached refusing the start by name instead of opening an empty SQLite.
 */

const backends: Backend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  await cleanUpPg();
});
afterAll(removeTempDirs);

/** The test server as the settings screen would have it typed in, and its password. */
function testServer(schema = ''): { server: PostgresServer; password: string } {
  const url = new URL(PG_URL!);
  return {
    server: {
      host: url.hostname,
      port: Number(url.port || 5432),
      database: url.pathname.slice(1),
      user: decodeURIComponent(url.username),
      schema,
      sslmode: 'disable',
    },
    password: decodeURIComponent(url.password),
  };
}

async function start(dataDir: string): Promise<Backend> {
  const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
  const secrets = new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME));
  const storageSettings = storageSettingsFile(dataDir);
  // As the hosts do, without BYLINE_DATABASE_URL (which would win).
  const { choice, source } = chooseStorage({}, storageSettings.read(), secrets);
  const backend = await startBackend({ dataDir, settingsStore: confSettingsStore(conf), secrets, storage: choice, storageSource: source, storageSettings });
  backends.push(backend);
  return backend;
}

async function ok<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A port on the loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a server that cannot be reached at start', () => {
  it('refuses to start, naming the server, and leaves no SQLite file behind', async () => {
    const dataDir = makeTempDir('byline-storage-refused-');
    const port = await closedPort();
    const { conf } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
    const err = await startBackend({
      dataDir,
      settingsStore: confSettingsStore(conf),
      storage: { engine: 'postgres', url: `postgres://desk:secret-pw@127.0.0.1:${port}/byline` },
      storageSource: 'settings',
    }).then(
      () => new Error('started'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toContain(`127.0.0.1:${port}/byline`);
    expect(err.message).not.toBe('started');
    expect(err.message).toMatch(/시작할 수 없습니다/);
    expect(err.message).toMatch(/거부/);
    expect(err.message).toMatch(/이 컴퓨터의 저장소로 바꾸지 않았습니다/);
    expect(err.message).not.toContain('secret-pw');
    expect(existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(false);
  });
});

describe.skipIf(!PG_URL)(`storage settings on PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  it('storage.test connects to the test server and says what it found there', async () => {
    const backend = await start(makeTempDir('byline-storage-test-'));
    const { server, password } = testServer();
    const result = await ok<StorageTestResult>(backend, 'storage.test', { postgres: server, password });
    expect(result.ok).toBe(true);
    expect(result.server).toBe(`${server.host}:${server.port}/${server.database}`);
    expect(result.message).toMatch(/^연결했습니다 \(PostgreSQL \d+/);
  });

  it('storage.test says in Korean when the port refuses, the password is wrong or the database does not exist', async () => {
    const backend = await start(makeTempDir('byline-storage-test-'));
    const { server, password } = testServer();
    const port = await closedPort();

    const refused = await ok<StorageTestResult>(backend, 'storage.test', { postgres: { ...server, port }, password });
    expect(refused).toMatchObject({ ok: false, server: `${server.host}:${port}/${server.database}` });
    expect(refused.message).toMatch(/연결을 거부했습니다/);

    const wrong = await ok<StorageTestResult>(backend, 'storage.test', { postgres: server, password: 'wrong-Password-42' });
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/비밀번호를 받아들이지 않았습니다/);
    expect(wrong.message).not.toContain('wrong-Password-42');

    const missing = await ok<StorageTestResult>(backend, 'storage.test', { postgres: { ...server, database: 'no_such_newsroom' }, password });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/데이터베이스가 서버에 없습니다/);
  });

  it('storage.test gives up on a server that accepts and never answers, within its timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const held: net.Socket[] = [];
    silent.on('connection', (s) => held.push(s));
    try {
      const dataDir = makeTempDir('byline-storage-timeout-');
      const svc = new StorageSettingsService({
        store: storageSettingsFile(dataDir),
        secrets: new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME)),
        running: { choice: { engine: 'sqlite' }, source: 'default' },
        probe: probePostgres,
        timeoutMs: 300,
      });
      const { port } = silent.address() as net.AddressInfo;
      const result = await svc.test({ postgres: { ...testServer().server, host: '127.0.0.1', port } });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/제시간에 응답하지 않았습니다/);
    } finally {
      for (const s of held) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('seals the saved password, never answers with it, and opens the saved server at the next start', async () => {
    const dataDir = makeTempDir('byline-storage-save-');
    const schema = schemaName();
    const { server, password } = testServer(schema);
    const first = await start(dataDir);

    const saved = await ok<StorageStatus>(first, 'storage.save', { engine: 'postgres', postgres: server, password });
    expect(saved).toMatchObject({
      saved: { engine: 'postgres', postgres: server },
      hasPassword: true,
      running: { engine: 'sqlite', source: 'default' },
      restartPending: true,
    });
    const file = readFileSync(path.join(dataDir, 'storage.json'), 'utf8');
    expect(file).not.toContain(password);
    const sealed = (JSON.parse(file) as { passwordSealed: string }).passwordSealed;
    expect(sealed).toMatch(/^v1:/);
    const got = await ok<StorageStatus>(first, 'storage.get', {});
    expect(JSON.stringify(got)).not.toContain(password);
    expect(JSON.stringify(got)).not.toContain(sealed);
    expect(JSON.stringify(await ok<Settings>(first, 'settings.get', {}))).not.toContain(sealed);
    // Nothing typed: the stored password is used.
    expect((await ok<StorageTestResult>(first, 'storage.test', { postgres: server })).ok).toBe(true);
    await first.close();
    backends.splice(backends.indexOf(first), 1);

    // The next start opens the newsroom's server, and the schema the setting names.
    const second = await start(dataDir);
    try {
      expect(second.db.engine).toBe('postgres');
      expect(await ok<StorageStatus>(second, 'storage.get', {})).toMatchObject({
        running: { engine: 'postgres', server: `${server.host}:${server.port}/${server.database}`, source: 'settings' },
        restartPending: false,
      });
      await ok(second, 'articles.create', { headline: '공유 저장소에 쓴 기사' });
      const again = await ok<StorageTestResult>(second, 'storage.test', { postgres: server });
      expect(again.message).toMatch(/기사 1건/);
    } finally {
      await second.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    }
  });
});
