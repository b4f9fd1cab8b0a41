/**
 * `npm run web`: the workstation for a browser tab on this machine. Prints the URL with its token.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import type { Settings } from '../../shared/settings';
import { RANK_EXTENSION_FILE, useRankExtension } from '../db/search/rank-extension';
import { SECRET_KEY_FILE_NAME, startBackend } from '../host/bootstrap';
import { resolveDataDir } from '../host/data-dir';
import { chooseStorage } from '../host/open-storage';
import { storageSettingsFile } from '../host/storage-settings-file';
import { FileKeySecretStore } from '../host/secret-store';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../host/settings-conf';
import { joinNewsroom, type Workstation } from '../remote/workstation';
import { newsroomFromEnv } from '../remote/newsroom-choice';
import { choiceOf, newsroomFile } from '../remote/newsroom-file';
import { startWebServer } from './server';

const DEFAULT_PORT = 4717;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  useRankExtension(path.join(projectRoot, 'build', 'native', RANK_EXTENSION_FILE));
  const dataDir = resolveDataDir();
  const staticDir = path.resolve(process.env.BYLINE_RENDERER_DIR ?? path.join(projectRoot, '.vite', 'renderer', 'main_window'));
  // A stable default port keeps the browser origin, and with it the unsaved-changes journal, across restarts.
  const port = process.env.BYLINE_PORT ? Number(process.env.BYLINE_PORT) : DEFAULT_PORT;

  // BYLINE_NEWSROOM_URL wins, then 환경설정 > 저장소's 뉴스룸 서버에 연결, else this computer's own storage.
  let newsroom;
  try {
    const saved = newsroomFile(dataDir).read();
    newsroom = newsroomFromEnv() ?? (saved ? choiceOf(saved) : undefined);
  } catch (err) {
    console.error(`[byline] 시작할 수 없습니다: ${(err as Error).message}`);
    process.exit(2);
  }
  if (newsroom) return serveWorkstation(dataDir, staticDir, port, newsroom);

  let backend;
  try {
    const { conf, warning } = openSettingsConf(dataDir, () => new Conf<Settings>(settingsStoreOptions(dataDir)));
    if (warning) console.warn(`[byline] ${warning}`);
    const secrets = new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME));
    const storageSettings = storageSettingsFile(dataDir);
    // BYLINE_DATABASE_URL if set, else 환경설정 > 저장소, else this machine's SQLite. A server that cannot be
    // reached stops the start with its name: falling back to SQLite would make the newsroom's stories seem gone.
    const { choice, source } = chooseStorage(process.env, storageSettings.read(), secrets);
    if (choice.engine === 'postgres')
      console.log(`[byline] 저장소 / storage: PostgreSQL (${source === 'env' ? 'BYLINE_DATABASE_URL' : storageSettings.location})`);
    backend = await startBackend({ dataDir, settingsStore: confSettingsStore(conf), secrets, storage: choice, storageSource: source, storageSettings });
  } catch (err) {
    console.error(`[byline] 시작할 수 없습니다: ${(err as Error).message}`);
    process.exit(2);
  }
  let server;
  try {
    server = await startWebServer({
      dispatch: backend.dispatch,
      staticDir,
      mediaDir: backend.mediaDir,
      materialise: backend.materialise,
      events: backend.events,
      port,
    });
  } catch (err) {
    const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      busy
        ? `[byline] 포트 ${port}을(를) 이미 쓰고 있습니다. 바이라인이 이미 실행 중인지 확인하거나 BYLINE_PORT로 다른 포트를 지정하세요.`
        : `[byline] 웹 서버를 시작할 수 없습니다: ${(err as Error).message}`,
    );
    await backend.close();
    process.exit(2);
  }
  console.log(`바이라인 웹 모드 / Byline web mode: ${server.url}`);
  console.log(`데이터 폴더 / data folder: ${dataDir}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void server
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/**
 * A workstation of a newsroom server: no database here, only the server's address; the person signs in
 * on the page this serves, and every call goes to the server with their session.
 */
async function serveWorkstation(dataDir: string, staticDir: string, port: number, newsroom: NonNullable<ReturnType<typeof newsroomFromEnv>>): Promise<void> {
  let workstation: Workstation;
  try {
    const secrets = new FileKeySecretStore(path.join(dataDir, SECRET_KEY_FILE_NAME));
    workstation = joinNewsroom({ dataDir, origin: newsroom.origin, trust: newsroom.trust, secrets });
  } catch (err) {
    console.error(`[byline] 시작할 수 없습니다: ${(err as Error).message}`);
    process.exit(2);
  }
  const server = await startWebServer({
    dispatch: workstation.dispatch,
    staticDir,
    events: workstation.events,
    routes: (url, req, res) => workstation.route(url, req, res),
    port,
  }).catch((err: unknown) => {
    console.error(`[byline] 웹 서버를 시작할 수 없습니다: ${(err as Error).message}`);
    return process.exit(2);
  });
  console.log(`바이라인 웹 모드 / Byline web mode: ${server.url}`);
  console.log(`뉴스룸 서버 / newsroom server: ${workstation.origin}`);
  const shutdown = () =>
    void server
      .close()
      .then(() => workstation.close())
      .finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
