import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { startBackend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { startWebServer } from '../../electron/web/server';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Settings } from '../../shared/settings';
import { koreanParagraphs } from './korean-text';
import { percentile, report } from './report';
import { benchWebClient } from './web-client';

const WORKSTATIONS = 50;
const SAVE_EVERY_MS = 5_000;
const RUN_MS = 30_000;

/**
 * Live queues: 50 windows on one web-mode server, each listening on the event stream and saving its own
 * 3,000-character story every 5 seconds (staggered). Update latency is from a save being sent to each
 * other window hearing of it; save latency is the save's round trip over HTTP while all that goes on.
 */
export async function benchLive(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-live-'));
  const { conf } = openSettingsConf(dir, () => new Conf<Settings>(settingsStoreOptions(dir)));
  const backend = await startBackend({ dataDir: dir, settingsStore: confSettingsStore(conf) });
  const server = await startWebServer({ dispatch: backend.dispatch, staticDir: dir, events: backend.events, port: 0 });
  const client = benchWebClient(server, WORKSTATIONS);
  const call = client.call;

  const sentAt = new Map<string, number>();
  const updates: number[] = [];
  try {
    await Promise.all(
      Array.from({ length: WORKSTATIONS }, () =>
        client.listen((_name, data) => {
          const change = data as { articleId: string; version?: number };
          const sent = sentAt.get(`${change.articleId}:${change.version}`);
          if (sent !== undefined) updates.push(performance.now() - sent);
        }),
      ),
    );
    const body = editorStateFromParagraphs(koreanParagraphs(3_000));
    const stories = await Promise.all(
      Array.from({ length: WORKSTATIONS }, (_, i) => call<Article>('articles.create', { headline: `실시간 벤치 ${i}`, section: 'IT/과학' })),
    );
    const saves: number[] = [];
    const started = performance.now();
    await Promise.all(
      stories.map(async (first, i) => {
        let article = first;
        await new Promise((r) => setTimeout(r, (i * SAVE_EVERY_MS) / WORKSTATIONS));
        while (performance.now() - started < RUN_MS) {
          const t0 = performance.now();
          sentAt.set(`${article.id}:${article.version + 1}`, t0);
          article = await call<Article>('articles.save', { id: article.id, baseVersion: article.version, fields: { ...fieldsOf(article), body } });
          saves.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, Math.max(0, SAVE_EVERY_MS - (performance.now() - t0))));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    report({ bench: 'live', metric: 'saves', value: saves.length, unit: 'count' });
    report({ bench: 'live', metric: 'queue_update_deliveries', value: updates.length, unit: 'count' });
    report({ bench: 'live', metric: 'queue_update_p50', value: percentile(updates, 50), unit: 'ms' });
    report({ bench: 'live', metric: 'queue_update_p95', value: percentile(updates, 95), unit: 'ms', target: 1000 });
    report({ bench: 'live', metric: 'save_p95', value: percentile(saves, 95), unit: 'ms', target: 50 });
  } finally {
    client.close();
    await server.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
