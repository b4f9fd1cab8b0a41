import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { startBackend } from '../../electron/host/bootstrap';
import { confSettingsStore, openSettingsConf, settingsStoreOptions } from '../../electron/host/settings-conf';
import { startWebServer } from '../../electron/web/server';
import { fieldsOf, type Article } from '../../shared/article';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Settings } from '../../shared/settings';
import { koreanParagraphs } from './korean-text';
import { percentile, report } from './report';

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
  const headers = { Authorization: `Bearer ${server.token}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: WORKSTATIONS });
  const call = <T>(method: string, input: unknown) =>
    new Promise<T>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${method}`, agent, headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value: T; error?: { message: string } };
          if (r.ok) resolve(r.value);
          else reject(new Error(r.error?.message));
        });
      });
      req.on('error', reject);
      req.end(body);
    });

  const sentAt = new Map<string, number>();
  const updates: number[] = [];
  const streams: http.ClientRequest[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: WORKSTATIONS },
        () =>
          new Promise<void>((resolve, reject) => {
            const req = http.get({ host: '127.0.0.1', port: server.port, path: EVENTS_ROUTE, headers: { ...headers, Accept: 'text/event-stream' }, agent: false }, (res) => {
              let buffer = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                buffer += chunk;
                let end: number;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                  const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
                  buffer = buffer.slice(end + 2);
                  if (!data) continue;
                  const change = JSON.parse(data.slice(6)) as { articleId: string; version?: number };
                  const sent = sentAt.get(`${change.articleId}:${change.version}`);
                  if (sent !== undefined) updates.push(performance.now() - sent);
                }
              });
              resolve();
            });
            req.on('error', reject);
            streams.push(req);
          }),
      ),
    );
    const body = editorStateFromParagraphs(koreanParagraphs(3_000));
    const stories = await Promise.all(Array.from({ length: WORKSTATIONS }, (_, i) => call<Article>('articles.create', { headline: `실시간 벤치 ${i}`, section: 'IT/과학' })));
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
    for (const s of streams) s.destroy();
    agent.destroy();
    await server.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
