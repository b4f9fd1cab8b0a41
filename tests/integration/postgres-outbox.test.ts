import type { CallContext } from '../../shared/call-context';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { OUTBOX_FILE_NAME } from '../../electron/db/outbox-repo';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { OutboxSaveResult, OutboxStatus } from '../../shared/contract-outbox';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import { startTestBackend } from './support/backend';
import { PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { TcpCut } from './support/tcp-cut';
import { makeTempDir, removeTempDirs } from './support/temp';

const fields = (paragraphs: string[], headline = '국회 본회의, 예산안 처리 두고 여야 대치'): ArticleFields => ({
  headline,
  deck: '',
  section: '정치',
  body: editorStateFromParagraphs(paragraphs),
  ...DEFAULT_META,
});

type Workstation = { backend: Backend; dataDir: string };

let cable: TcpCut;
let schema: string;
const open: Backend[] = [];

/** A workstation whose way to the database goes through the cable the test can pull. */
async function reporterDesk(dataDir = makeTempDir('byline-offline-')): Promise<Workstation> {
  const { backend } = await startTestBackend(dataDir, { engine: 'postgres', url: cable.urlFor(PG_URL!), schema });
  open.push(backend);
  return { backend, dataDir };
}
/** Another machine in the newsroom, on its own cable that stays plugged in. */
async function otherDesk(): Promise<Backend> {
  const { backend } = await startTestBackend(makeTempDir('byline-other-'), { engine: 'postgres', url: PG_URL!, schema });
  open.push(backend);
  return backend;
}

async function call<T>(backend: Backend, method: string, input: unknown, context?: CallContext): Promise<Result<T>> {
  return (await backend.dispatch(method, input, context)) as Result<T>;
}
async function ok<T>(backend: Backend, method: string, input: unknown, context?: CallContext): Promise<T> {
  const r = await call<T>(backend, method, input, context);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
/** Waits for the outbox to reach a state; the host retries on its own, this only watches. */
async function outboxUntil(backend: Backend, done: (s: OutboxStatus) => boolean, timeoutMs = 30_000): Promise<OutboxStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await ok<OutboxStatus>(backend, 'outbox.status', {});
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`outbox never got there: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const text = (a: { fields?: ArticleFields; body?: ArticleFields['body'] }) => editorStateToText((a.fields ?? (a as ArticleFields)).body);

describe.skipIf(!PG_URL)(`drafting while the shared database is away${PG_URL ? '' : ` (${PG_SKIP_NOTE})`}`, () => {
  beforeEach(async () => {
    schema = schemaName();
    cable = TcpCut.forUrl(PG_URL!);
    await cable.open();
  });

  afterEach(async () => {
    for (const b of open.splice(0)) await b.close().catch(() => undefined);
    await cable.close();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    removeTempDirs();
  });

  /** With `actorId`, the story is that reporter's own, and the workflow's edit rules check every save as theirs. */
  async function draftOnServer(ws: Workstation, actorId?: string): Promise<Article> {
    const created = await ok<Article>(ws.backend, 'articles.create', { headline: '국회 본회의' }, { actorId });
    const r = await ok<OutboxSaveResult>(
      ws.backend,
      'outbox.save',
      { id: created.id, baseVersion: created.version, fields: fields(['첫 문단은 서버에 저장됐다.']) },
      { actorId },
    );
    expect(r.stored).toBe('server');
    return (r as { article: Article }).article;
  }

  it('keeps saves on this computer while the server is away, then sends them up in order as revisions', async () => {
    const ws = await reporterDesk();
    const reporter = await ok<{ id: string }>(ws.backend, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
    const story = await draftOnServer(ws, reporter.id);
    const heard: OutboxStatus[] = [];
    ws.backend.events.listen((name, payload) => name === 'outbox.changed' && heard.push(payload as OutboxStatus));

    await cable.cut();
    const drafts = [
      ['첫 문단은 서버에 저장됐다.', '둘째 문단은 연결이 끊긴 뒤에 썼다.'],
      ['첫 문단은 서버에 저장됐다.', '둘째 문단은 연결이 끊긴 뒤에 썼다.', '셋째 문단도 끊긴 채로 썼다.'],
      ['첫 문단은 서버에 저장됐다.', '둘째 문단은 연결이 끊긴 뒤에 썼다.', '셋째 문단도 끊긴 채로 썼다.', '넷째 문단: 본회의는 밤늦게 끝났다.'],
    ];
    for (const [i, paragraphs] of drafts.entries()) {
      // The window keeps the version the server last gave: every offline save names the same base.
      const r = await ok<OutboxSaveResult>(
        ws.backend,
        'outbox.save',
        {
          id: story.id,
          baseVersion: story.version,
          fields: fields(paragraphs),
        },
        { actorId: reporter.id },
      );
      expect(r).toMatchObject({ stored: 'local', pending: i + 1 });
    }
    expect(existsSync(path.join(ws.dataDir, OUTBOX_FILE_NAME))).toBe(true);
    const away = await ok<OutboxStatus>(ws.backend, 'outbox.status', {});
    expect(away).toMatchObject({ connection: 'offline', pending: 3, pendingArticles: [story.id], conflicts: [] });
    expect(away.lastError).toMatch(/연결할 수 없어/);
    expect(heard.some((s) => s.connection === 'offline')).toBe(true);

    await cable.mend();
    await outboxUntil(ws.backend, (s) => s.connection === 'online' && s.pending === 0);
    const stored = await ok<Article>(ws.backend, 'articles.get', { id: story.id });
    expect(stored.version).toBe(story.version + 3);
    expect(text(stored)).toBe(drafts[2]!.join('\n'));
    for (const [i, paragraphs] of drafts.entries()) {
      const revision = await ok<{ fields: ArticleFields }>(ws.backend, 'articles.revision', { id: story.id, version: story.version + 1 + i });
      expect(text(revision)).toBe(paragraphs.join('\n'));
    }
    expect(heard.at(-1)).toMatchObject({ connection: 'online', pending: 0 });

    // The window, not yet told, saves once more from the version it knew: put on top, not refused.
    const next = await ok<OutboxSaveResult>(
      ws.backend,
      'outbox.save',
      {
        id: story.id,
        baseVersion: story.version,
        fields: fields([...drafts[2]!, '다섯째 문단.']),
      },
      { actorId: reporter.id },
    );
    expect(next).toMatchObject({ stored: 'server', article: { version: story.version + 4 } });
    // Once it knows the new version, an old base is a conflict again, as for any stale save.
    await ok(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version + 4, fields: fields(['여섯째 판']) }, { actorId: reporter.id });
    const stale = await call(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version, fields: fields(['낡은 판']) }, { actorId: reporter.id });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Without the owner's profile the story is not this window's to write, offline or not.
    const stranger = await call(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version + 5, fields: fields(['남의 판']) });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps the outbox across a restart of the workstation and sends it when the server is back', async () => {
    const ws = await reporterDesk();
    const story = await draftOnServer(ws);
    await cable.cut();
    await ok(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version, fields: fields(['끊긴 채로 쓰고 프로그램을 닫았다.']) });
    await ws.backend.close();
    open.splice(open.indexOf(ws.backend), 1);

    await cable.mend();
    const again = await reporterDesk(ws.dataDir);
    await outboxUntil(again.backend, (s) => s.pending === 0);
    expect(text(await ok<Article>(again.backend, 'articles.get', { id: story.id }))).toBe('끊긴 채로 쓰고 프로그램을 닫았다.');
  });

  it('shows a conflict when another desk saved meanwhile, keeps both texts, and lets the reporter keep theirs', async () => {
    const ws = await reporterDesk();
    const story = await draftOnServer(ws);
    const desk = await otherDesk();
    await cable.cut();
    await ok(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version, fields: fields(['기자가 끊긴 채로 고친 문단.']) });
    await ok(desk, 'articles.save', { id: story.id, baseVersion: story.version, fields: fields(['데스크가 그사이 고친 문단.']) });

    await cable.mend();
    const status = await outboxUntil(ws.backend, (s) => s.connection === 'online' && s.conflicts.length === 1);
    expect(status.pending).toBe(0);
    expect(status.conflicts[0]).toMatchObject({ articleId: story.id, headline: '국회 본회의, 예산안 처리 두고 여야 대치' });
    expect(text(await ok<Article>(ws.backend, 'articles.get', { id: story.id }))).toBe('데스크가 그사이 고친 문단.');

    // More typing on the stale version goes to the outbox too, and the window hears it is a conflict.
    const more = await call(ws.backend, 'outbox.save', {
      id: story.id,
      baseVersion: story.version,
      fields: fields(['기자가 끊긴 채로 고친 문단.', '이어서 쓴 문단.']),
    });
    expect(more).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { offline: true } } });

    const kept = await ok<Article>(ws.backend, 'outbox.resolve', { articleId: story.id, keep: 'mine' });
    expect(text(kept)).toBe('기자가 끊긴 채로 고친 문단.\n이어서 쓴 문단.');
    const revisions = await ok<{ version: number }[]>(ws.backend, 'articles.revisions', { id: story.id });
    const bodies = await Promise.all(
      revisions.map(async (r) => text(await ok<{ fields: ArticleFields }>(ws.backend, 'articles.revision', { id: story.id, version: r.version }))),
    );
    expect(bodies).toContain('데스크가 그사이 고친 문단.');
    expect(await ok<OutboxStatus>(ws.backend, 'outbox.status', {})).toMatchObject({ pending: 0, conflicts: [] });
  });

  it("keeps the reporter's text as a new story when they choose a copy, leaving the desk's version as it is", async () => {
    const ws = await reporterDesk();
    const story = await draftOnServer(ws);
    const desk = await otherDesk();
    await cable.cut();
    await ok(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version, fields: fields(['기자의 판.']) });
    const theirs = await ok<Article>(desk, 'articles.save', { id: story.id, baseVersion: story.version, fields: fields(['데스크의 판.']) });
    await cable.mend();
    await outboxUntil(ws.backend, (s) => s.conflicts.length === 1);

    const copy = await ok<Article>(ws.backend, 'outbox.resolve', { articleId: story.id, keep: 'copy' });
    expect(copy.id).not.toBe(story.id);
    expect(text(copy)).toBe('기자의 판.');
    const original = await ok<Article>(ws.backend, 'articles.get', { id: story.id });
    expect(original.version).toBe(theirs.version);
    expect(text(original)).toBe('데스크의 판.');
  });

  it('takes a save that reached the server before the connection dropped as sent, not as a conflict', async () => {
    const ws = await reporterDesk();
    const story = await draftOnServer(ws);
    const same = fields(['응답만 잃어버린 저장.']);
    await cable.cut();
    await ok(ws.backend, 'outbox.save', { id: story.id, baseVersion: story.version, fields: same });
    // What the server holds is exactly what waited: as if the answer to that save had been lost.
    await ok(await otherDesk(), 'articles.save', { id: story.id, baseVersion: story.version, fields: same });
    await cable.mend();
    const status = await outboxUntil(ws.backend, (s) => s.connection === 'online' && s.pending === 0);
    expect(status.conflicts).toEqual([]);
    expect((await ok<Article>(ws.backend, 'articles.get', { id: story.id })).version).toBe(story.version + 1);
  });
});
