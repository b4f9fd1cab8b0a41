import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { fieldsOf, type Article } from '../../shared/article';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { startTestBackend } from './support/backend';
import { makeTempDir, removeTempDirs } from './support/temp';

let backend: Backend;
let server: WebServer;

beforeEach(async () => {
  const dir = makeTempDir('byline-events-');
  ({ backend } = await startTestBackend(path.join(dir, 'data')));
  server = await startWebServer({ dispatch: backend.dispatch, staticDir: makeTempDir('byline-static-'), events: backend.events, port: 0 });
});

afterEach(async () => {
  await server.close();
  await backend.close();
  removeTempDirs();
});

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Resolves with the next event (name and parsed data), skipping comments. */
  next(): Promise<{ event: string; data: unknown }>;
  close(): void;
}

/** A browser tab's EventSource, read by hand so the test sees exactly what goes over the wire. */
function openStream(headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: server.port, path: EVENTS_ROUTE, headers: { Accept: 'text/event-stream', ...headers }, agent: false },
      (res) => {
        let buffer = '';
        const queue: Array<{ event: string; data: unknown }> = [];
        const waiting: Array<(e: { event: string; data: unknown }) => void> = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
            if (event === undefined || data === undefined) continue;
            const item = { event, data: JSON.parse(data) as unknown };
            const w = waiting.shift();
            if (w) w(item);
            else queue.push(item);
          }
        });
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          next: () => new Promise((r) => (queue.length > 0 ? r(queue.shift()!) : waiting.push(r))),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
  });
}

async function api<T>(method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: T } }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: T } };
}

/** The next event that names a story version (PostgreSQL also announces the workflow rows a change touched). */
async function nextVersioned(stream: Stream): Promise<{ event: string; data: unknown }> {
  for (;;) {
    const next = await stream.next();
    if ((next.data as { version?: number }).version !== undefined) return next;
  }
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('the event stream (web mode)', () => {
  it("tells an open tab of another tab's new story and save, once each is stored, and nothing of a refused call", async () => {
    const stream = await openStream({ Authorization: `Bearer ${server.token}` });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');

    const created = (await api<Article>('articles.create', { headline: '양자 협력' })).body.value!;
    // On SQLite dispatch announces the call; on PostgreSQL the database announces each changed table.
    expect(await nextVersioned(stream)).toEqual({
      event: 'article.changed',
      data: { articleId: created.id, cause: expect.stringMatching(/^(articles\.create|db\.articles)$/), version: 1 },
    });

    const refused = await api('articles.save', { id: created.id, baseVersion: 1, fields: { headline: 42 } });
    expect(refused.status).toBe(400);
    const saved = await api<Article>('articles.save', { id: created.id, baseVersion: 1, fields: { ...fieldsOf(created), headline: '양자 협력 가속화' } });
    expect(saved.status).toBe(200);
    // The refused save announced nothing: the next event that names a version is the save that was stored.
    expect(await nextVersioned(stream)).toEqual({
      event: 'article.changed',
      data: { articleId: created.id, cause: expect.stringMatching(/^(articles\.save|db\.articles)$/), version: 2 },
    });
    stream.close();
  });

  it('is refused without the token or from another origin, and lets go of a tab that closed', async () => {
    expect((await openStream({})).status).toBe(401);
    expect((await openStream({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await openStream({ Authorization: `Bearer ${server.token}`, Origin: 'https://evil.example' })).status).toBe(403);

    const before = backend.events.size;
    const streams = await Promise.all([1, 2, 3].map(() => openStream({ Authorization: `Bearer ${server.token}` })));
    await until(() => backend.events.size === before + 3);
    for (const s of streams) s.close();
    await until(() => backend.events.size === before);
    expect(backend.events.size).toBe(before);
  });
});
