import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { startBackend, type Backend } from '../../electron/host/bootstrap';
import type { StorageChoice } from '../../electron/host/open-storage';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { fieldsOf, type Article } from '../../shared/article';
import type { EditorStateJson } from '../../shared/editor-state';
import type { Profile } from '../../shared/profiles';
import type { Settings } from '../../shared/settings';
import { benchWebClient, type BenchWebClient } from './web-client';

export const NEWSROOM_SECTION = 'IT/과학';

/**
 * One newsroom workstation as web mode runs it: a data folder of its own, a backend with its own pool
 * and LISTEN connection on the shared database, a web server, and the window's client of that server.
 */
export interface Workstation {
  index: number;
  client: BenchWebClient;
  close(): Promise<void>;
}

export async function startWorkstation(index: number, storage: StorageChoice): Promise<Workstation> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `byline-bench-newsroom-${index}-`));
  let backend: Backend | undefined;
  let server: WebServer | undefined;
  try {
    const { conf } = openSettingsConf(dir, () => new Conf<Settings>(settingsStoreOptions(dir)));
    backend = await startBackend({ dataDir: dir, settingsStore: confSettingsStore(conf), storage });
    server = await startWebServer({
      dispatch: backend.dispatch,
      staticDir: dir,
      mediaDir: backend.mediaDir,
      materialise: backend.materialise,
      events: backend.events,
      port: 0,
    });
  } catch (err) {
    await backend?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // A window's calls and its event stream: a few sockets are what one browser tab would use.
  const client = benchWebClient(server, 4);
  const [b, s] = [backend, server];
  return {
    index,
    client,
    close: async () => {
      client.close();
      await s.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A desk editor's story under review: the one state in the desk queue whose words they may keep changing. */
export interface ArticleInReview {
  desk: Profile;
  article: Article;
}

/**
 * Files a story the way a newsroom does, so the desk queue (submitted and in review) holds it: this
 * workstation's desk editor writes it, files it and takes it up for review, which locks it to them.
 */
export async function articleInReview(ws: Workstation, body: EditorStateJson): Promise<ArticleInReview> {
  const call = ws.client.call;
  const desk = await call<Profile>('profiles.create', { name: `데스크${ws.index}`, email: '', role: 'desk', sections: [NEWSROOM_SECTION] });
  const created = await call<Article>('articles.create', { headline: `뉴스룸 벤치 ${ws.index}`, section: NEWSROOM_SECTION }, { actorId: desk.id });
  const written = await call<Article>(
    'articles.save',
    {
      id: created.id,
      baseVersion: created.version,
      fields: { ...fieldsOf(created), body, bylines: [{ name: `데스크${ws.index}`, email: '', title: '기자' }] },
    },
    { actorId: desk.id },
  );
  await call('workflow.submit', { id: written.id, version: written.version }, { actorId: desk.id });
  const { article } = await call<{ article: Article }>('workflow.startReview', { id: written.id }, { actorId: desk.id });
  return { desk, article };
}
