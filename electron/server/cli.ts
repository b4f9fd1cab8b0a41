/**
 * `npm run server`: the newsroom server on the newsroom's PostgreSQL (BYLINE_DATABASE_URL).
 *
 *   npm run server -- --listen 0.0.0.0:8443 --cert server.pem --key server-key.pem
 *   npm run server -- --listen 0.0.0.0:8080 --behind-proxy 10.0.0.2     (nginx or Caddy terminates TLS)
 *   --session-idle-hours 12 --session-max-days 7                         (the defaults)
 *
 * On an empty newsroom it prints a one-time link that creates the first 편집국장.
 *
 *   npm run server -- import <data folder or backup> [--map <profileId>=<loginId>] [--default-owner <loginId>]
 *                                                                        (a workstation's archive; import-command.ts)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RANK_EXTENSION_FILE, useRankExtension } from '../db/search/rank-extension';
import { startBackend } from '../host/bootstrap';
import { resolveDataDir } from '../host/data-dir';
import { storageFromEnv } from '../host/open-storage';
import { AccountAdmin } from './account-admin';
import { runImportCommand } from './import-command';
import { Accounts } from './accounts';
import { startNewsroomServer } from './newsroom-server';
import { newsroomSettings } from './newsroom-settings';
import { SessionStore } from './sessions';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  console.error(`[byline server] ${message}`);
  process.exit(2);
}

/** A session lifetime from the command line: a whole number in range, or the start stops saying which. */
function parseWhole(name: string, value: string, max: number): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) fail(`--${name} 값은 1에서 ${max} 사이의 정수여야 합니다: ${value}`);
  return n;
}

function parseListen(value: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value);
  if (!m || Number(m[2]) > 65_535) fail(`--listen은 주소:포트 꼴이어야 합니다 (예: 0.0.0.0:8443): ${value}`);
  return { host: m[1]!, port: Number(m[2]) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      listen: { type: 'string', default: '127.0.0.1:8443' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'behind-proxy': { type: 'string' },
      data: { type: 'string' },
      'session-idle-hours': { type: 'string', default: '12' },
      'session-max-days': { type: 'string', default: '7' },
    },
    strict: true,
  });
  const storage = storageFromEnv();
  if (storage.engine !== 'postgres') fail('뉴스룸 서버는 PostgreSQL에서만 돕니다. BYLINE_DATABASE_URL에 postgres:// 주소를 주세요.');
  if (Boolean(values.cert) !== Boolean(values.key)) fail('--cert와 --key는 함께 주어야 합니다.');
  const { host, port } = parseListen(values.listen);
  // Every server process of one newsroom must be started with the same lifetimes (they share the sessions).
  const lifetimes = {
    idleMs: parseWhole('session-idle-hours', values['session-idle-hours'], 24 * 30) * 3_600_000,
    absoluteMs: parseWhole('session-max-days', values['session-max-days'], 365) * 24 * 3_600_000,
  };
  if (lifetimes.idleMs > lifetimes.absoluteMs) fail('--session-idle-hours 값이 --session-max-days 값보다 길 수 없습니다.');
  const tls = values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
  useRankExtension(path.join(projectRoot, 'build', 'native', RANK_EXTENSION_FILE));
  const dataDir = values.data ? path.resolve(values.data) : resolveDataDir();
  const staticDir = path.resolve(process.env.BYLINE_RENDERER_DIR ?? path.join(projectRoot, '.vite', 'renderer', 'main_window'));

  let backend;
  try {
    backend = await startBackend({
      dataDir,
      // 환경설정 live in the newsroom's database, so every server process answers the same.
      settingsStore: newsroomSettings(dataDir),
      storage,
      storageSource: 'env',
      host: 'newsroom-server',
      accounts: (db) => new AccountAdmin(db, new Accounts({ db, sessions: new SessionStore(db) })),
    });
  } catch (err) {
    fail(`시작할 수 없습니다: ${(err as Error).message}`);
  }
  let server;
  try {
    server = await startNewsroomServer({
      dispatch: backend.dispatch,
      db: backend.db,
      staticDir,
      mediaDir: backend.mediaDir,
      materialise: backend.materialise,
      events: backend.events,
      host,
      port,
      tls,
      proxyAddress: values['behind-proxy'],
      lifetimes,
    });
  } catch (err) {
    await backend.close();
    fail(`서버를 시작할 수 없습니다: ${(err as Error).message}`);
  }
  console.log(`바이라인 뉴스룸 서버 / Byline newsroom server: ${server.url}`);
  const link = await server.accounts.makeSetupLink();
  if (link) {
    console.log(`첫 편집국장 계정 만들기 (한 번만, ${link.expiresAt}까지) / first account: ${server.url}/setup?token=${link.token}`);
  }
  const shutdown = () =>
    void server
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[2] === 'import') {
  runImportCommand(process.argv.slice(3), { out: console.log, err: console.error, env: process.env }).then(
    (status) => process.exit(status),
    (err: unknown) => fail(`가져올 수 없습니다: ${(err as Error).message}`),
  );
} else void main();
