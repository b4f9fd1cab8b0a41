import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'pg-connection-string';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../electron/db/storage-error';
import type { ProbeTarget } from '../../electron/db/postgres/probe';
import { chooseStorage, postgresUrl, sameStorage, storageFromSettings, type StoredStorage } from '../../electron/host/open-storage';
import { storageSettingsFile } from '../../electron/host/storage-settings-file';
import { FileKeySecretStore } from '../../electron/host/secret-store';
import { StorageSettingsService } from '../../electron/services/storage-settings';
import { contract } from '../../shared/contract';
import { StorageSaveInput, StorageStatus, StorageTestInput } from '../../shared/contract-storage';
import { DEFAULT_STORAGE_SETTINGS, type PostgresServer } from '../../shared/storage-settings';
import { makeTempDir, removeTempDirs } from '../integration/support/temp';

afterAll(removeTempDirs);

const SERVER: PostgresServer = { host: 'db.newsroom.local', port: 5433, database: 'byline', user: 'desk', schema: 'it_desk', sslmode: 'require' };
const PASSWORD = "p@ss:w/rd?#%&'비밀 1";

const secretsIn = (dir: string) => new FileKeySecretStore(path.join(dir, 'secret.key'));

describe('storage setting schema', () => {
  it('accepts SQLite with the server fields left blank, and a complete PostgreSQL server', () => {
    expect(StorageSaveInput.safeParse({ engine: 'sqlite', postgres: { ...DEFAULT_STORAGE_SETTINGS.postgres } }).success).toBe(true);
    expect(StorageSaveInput.safeParse({ engine: 'postgres', postgres: SERVER, password: PASSWORD }).success).toBe(true);
    expect(StorageSaveInput.safeParse({ engine: 'postgres', postgres: { ...SERVER, host: '::1' } }).success).toBe(true);
  });

  it.each([
    ['no host', { host: '' }],
    ['no database', { database: '' }],
    ['no user', { user: '' }],
    ['credentials in the host', { host: 'desk:pw@db.newsroom.local' }],
    ['a path in the host', { host: 'db/../x' }],
    ['a query in the database', { database: 'byline?sslmode=disable' }],
    ['port 0', { port: 0 }],
    ['port 65536', { port: 65_536 }],
    ['an upper-case schema', { schema: 'Desk' }],
    ['a schema with SQL', { schema: 'x; DROP TABLE articles' }],
    ['libpq prefer (pg cannot do it)', { sslmode: 'prefer' }],
  ])('refuses a PostgreSQL choice with %s', (_label, change) => {
    expect(StorageSaveInput.safeParse({ engine: 'postgres', postgres: { ...SERVER, ...change } }).success).toBe(false);
  });

  it('refuses a password longer than 200 characters and unknown keys, on save and test', () => {
    expect(StorageSaveInput.safeParse({ engine: 'postgres', postgres: SERVER, password: 'x'.repeat(201) }).success).toBe(false);
    expect(StorageSaveInput.safeParse({ engine: 'postgres', postgres: SERVER, url: 'postgres://x' }).success).toBe(false);
    expect(StorageTestInput.safeParse({ postgres: { ...SERVER, url: 'postgres://x' } }).success).toBe(false);
  });

  it('has no field that could carry the password back to the renderer', () => {
    const keys = [...Object.keys(StorageStatus.shape), ...Object.keys(StorageStatus.shape.saved.shape.postgres.shape)].filter((k) => k !== 'hasPassword');
    expect(keys.join(' ')).not.toMatch(/password|sealed|url/i);
    // The dispatcher parses every answer with its output schema, which drops keys it does not name.
    expect(
      StorageStatus.parse({
        ...{ saved: DEFAULT_STORAGE_SETTINGS, hasPassword: true, running: { engine: 'sqlite', server: null, source: 'default' }, restartPending: false },
        passwordSealed: 'v1:x',
      }),
    ).not.toHaveProperty('passwordSealed');
    expect(contract['storage.get'].output).toBe(StorageStatus);
  });
});

describe('postgresUrl', () => {
  it('encodes every field so that pg reads back exactly what was typed', () => {
    const config = parse(postgresUrl({ ...SERVER, user: 'desk@it' }, PASSWORD));
    expect(config).toMatchObject({ user: 'desk@it', password: PASSWORD, host: 'db.newsroom.local', port: '5433', database: 'byline', sslmode: 'require' });
    expect(config.ssl).toMatchObject({ rejectUnauthorized: false });
  });

  it('brackets an IPv6 address, verifies certificates for verify-full and turns TLS off for disable', () => {
    expect(parse(postgresUrl({ ...SERVER, host: '::1' }, undefined)).host).toBe('::1');
    expect(parse(postgresUrl({ ...SERVER, sslmode: 'verify-full' }, undefined)).ssl).toEqual({});
    expect(parse(postgresUrl({ ...SERVER, sslmode: 'disable' }, undefined)).ssl).toBe(false);
    expect(postgresUrl(SERVER, undefined)).not.toContain(':@');
  });
});

describe('storageFromSettings and chooseStorage', () => {
  const dir = makeTempDir('byline-storage-unit-');
  const secrets = secretsIn(dir);
  const saved: StoredStorage = { engine: 'postgres', postgres: SERVER, passwordSealed: secrets.seal(PASSWORD) };

  it('is SQLite when nothing is saved or SQLite is chosen (the PostgreSQL fields kept aside)', () => {
    expect(storageFromSettings(undefined, secrets)).toEqual({ engine: 'sqlite' });
    expect(storageFromSettings({ ...saved, engine: 'sqlite' }, secrets)).toEqual({ engine: 'sqlite' });
  });

  it('opens the sealed password only into the connection string, with the schema beside it', () => {
    const choice = storageFromSettings(saved, secrets);
    expect(choice).toEqual({ engine: 'postgres', url: postgresUrl(SERVER, PASSWORD), schema: 'it_desk' });
  });

  it('refuses a saved PostgreSQL choice with a field missing instead of guessing', () => {
    expect(() => storageFromSettings({ ...saved, postgres: { ...SERVER, host: '' } }, secrets)).toThrow(/서버 주소/);
  });

  it('lets BYLINE_DATABASE_URL win over the saved setting, and the saved setting over the default', () => {
    const env = { BYLINE_DATABASE_URL: 'postgres://batch@10.0.0.9/byline', BYLINE_DATABASE_SCHEMA: 'night' };
    expect(chooseStorage(env, saved, secrets)).toEqual({ choice: { engine: 'postgres', url: env.BYLINE_DATABASE_URL, schema: 'night' }, source: 'env' });
    expect(chooseStorage({ BYLINE_DATABASE_URL: '  ' }, saved, secrets)).toEqual({ choice: storageFromSettings(saved, secrets), source: 'settings' });
    expect(chooseStorage({}, { ...saved, engine: 'sqlite' }, secrets)).toEqual({ choice: { engine: 'sqlite' }, source: 'settings' });
    expect(chooseStorage({}, undefined, secrets)).toEqual({ choice: { engine: 'sqlite' }, source: 'default' });
  });

  it('compares choices by database and credentials', () => {
    const a = storageFromSettings(saved, secrets);
    if (a.engine !== 'postgres') throw new Error('expected PostgreSQL');
    expect(sameStorage(a, storageFromSettings(saved, secrets))).toBe(true);
    expect(sameStorage(a, { engine: 'sqlite' })).toBe(false);
    expect(sameStorage(a, { ...a, schema: 'other' })).toBe(false);
    expect(sameStorage(a, { ...a, url: postgresUrl(SERVER, '다른 비밀번호') })).toBe(false);
    expect(sameStorage({ engine: 'sqlite' }, { engine: 'sqlite' })).toBe(true);
  });
});

describe('storage.json', () => {
  it('is absent until saved, then written whole and readable by its owner only', () => {
    const dir = makeTempDir('byline-storage-file-');
    const store = storageSettingsFile(dir);
    expect(store.read()).toBeUndefined();
    const value: StoredStorage = { engine: 'postgres', postgres: SERVER, passwordSealed: 'v1:a:b:c' };
    store.write(value);
    expect(store.read()).toEqual(value);
    if (process.platform !== 'win32') expect(statSync(store.location).mode & 0o777).toBe(0o600);
  });

  it('says a damaged file is damaged, naming it, rather than reading it as SQLite', () => {
    const dir = makeTempDir('byline-storage-file-');
    const store = storageSettingsFile(dir);
    for (const text of ['{not json', JSON.stringify({ engine: 'oracle' })]) {
      writeFileSync(store.location, text);
      const err = (() => {
        try {
          store.read();
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(StorageError);
      expect((err as Error).message).toContain(store.location);
    }
  });
});

describe('StorageSettingsService', () => {
  function service(
    running = { choice: { engine: 'sqlite' as const }, source: 'default' as const } as ConstructorParameters<typeof StorageSettingsService>[0]['running'],
  ) {
    const dir = makeTempDir('byline-storage-service-');
    const store = storageSettingsFile(dir);
    const secrets = secretsIn(dir);
    const probes: ProbeTarget[] = [];
    const svc = new StorageSettingsService({ store, secrets, running, probe: async (target) => (probes.push(target), { ok: true, message: '연결했습니다' }) });
    return { svc, store, secrets, probes };
  }

  it('seals the password on save, keeps it when none is typed, and never answers with it', () => {
    const { svc, store, secrets } = service();
    const status = svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD });
    const sealed = store.read()!.passwordSealed!;
    expect(sealed).not.toContain(PASSWORD);
    expect(secrets.open(sealed)).toBe(PASSWORD);
    expect(status).toMatchObject({ saved: { engine: 'postgres', postgres: SERVER }, hasPassword: true, restartPending: true });
    for (const answer of [JSON.stringify(status), JSON.stringify(svc.get())]) {
      expect(answer).not.toContain(PASSWORD);
      expect(answer).not.toContain(sealed);
    }
    svc.save({ engine: 'postgres', postgres: { ...SERVER, database: 'byline_archive', schema: '' }, password: '' });
    expect(store.read()!.passwordSealed).toBe(sealed);
    svc.save({ engine: 'postgres', postgres: SERVER });
    expect(store.read()!.passwordSealed).toBe(sealed);
    expect(svc.save({ engine: 'postgres', postgres: SERVER, forgetPassword: true }).hasPassword).toBe(false);
    expect(store.read()!.passwordSealed).toBeUndefined();
  });

  it('says a restart is pending only when the saved choice differs from the running one, and never under BYLINE_DATABASE_URL', () => {
    const { svc, secrets } = service();
    expect(svc.get()).toMatchObject({
      saved: DEFAULT_STORAGE_SETTINGS,
      hasPassword: false,
      running: { engine: 'sqlite', server: null, source: 'default' },
      restartPending: false,
    });
    expect(svc.save({ engine: 'sqlite', postgres: SERVER }).restartPending).toBe(false);
    expect(svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD }).restartPending).toBe(true);

    const onServer = service({ choice: { engine: 'postgres', url: postgresUrl(SERVER, PASSWORD), schema: 'it_desk' }, source: 'settings' });
    expect(onServer.svc.get().running).toEqual({ engine: 'postgres', server: 'db.newsroom.local:5433/byline', source: 'settings' });
    expect(onServer.svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD }).restartPending).toBe(false);
    expect(onServer.svc.save({ engine: 'postgres', postgres: SERVER, password: '새 비밀번호' }).restartPending).toBe(true);

    const env = service({ choice: { engine: 'postgres', url: 'postgres://batch@10.0.0.9/byline' }, source: 'env' });
    expect(env.svc.save({ engine: 'sqlite', postgres: SERVER }).restartPending).toBe(false);
    expect(env.svc.get().running.source).toBe('env');
    expect(secrets).toBeDefined();
  });

  it('keeps the stored password with its account: a new host, port or user drops it on save', () => {
    for (const change of [{ host: 'evil.example.com' }, { port: 6543 }, { user: 'other' }]) {
      const { svc, store } = service();
      svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD });
      expect(svc.save({ engine: 'postgres', postgres: { ...SERVER, ...change } }).hasPassword).toBe(false);
      expect(store.read()!.passwordSealed).toBeUndefined();
    }
  });

  it('never sends the stored password to a server it was not saved for', async () => {
    const { svc, probes } = service();
    svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD });
    await svc.test({ postgres: { ...SERVER, host: 'evil.example.com' } });
    await svc.test({ postgres: { ...SERVER, port: 6543 } });
    await svc.test({ postgres: { ...SERVER, user: 'postgres' } });
    expect(probes.map((p) => parse(p.url).password)).toEqual(['', '', '']);
  });

  it('tests with the typed password, or the stored one when none is typed, and a short timeout', async () => {
    const { svc, probes } = service();
    svc.save({ engine: 'postgres', postgres: SERVER, password: PASSWORD });
    expect(await svc.test({ postgres: SERVER })).toEqual({ ok: true, server: 'db.newsroom.local:5433/byline', message: '연결했습니다' });
    await svc.test({ postgres: SERVER, password: '다른 것' });
    expect(probes.map((p) => parse(p.url).password)).toEqual([PASSWORD, '다른 것']);
    expect(probes[0]).toMatchObject({ server: 'db.newsroom.local:5433/byline', schema: 'it_desk', timeoutMs: 5_000 });
  });
});
