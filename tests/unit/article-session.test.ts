import { describe, expect, it } from 'vitest';
import { DEFAULT_META, type Article, type ArticleFields } from '../../shared/article';
import type { Input, Method, Output } from '../../shared/contract';
import type { OutboxStatus } from '../../shared/contract-outbox';
import type { EventName, EventPayload } from '../../shared/contract-events';
import { emptyEditorState } from '../../shared/editor-state';
import { ClientError, type BylineClient } from '../../renderer/client/client';
import { ArticleSession, type SaveStatus, type ArticleNotice, type ArticleSessionHost } from '../../renderer/views/article-session';

const ID = '7d4c5a52-6a38-4a8e-9a55-0d2b8d3f2a11';
const OTHER = '1f0e8d7c-2b3a-4c5d-8e9f-0a1b2c3d4e5f';

function article(id: string, version: number, headline = '국회 본회의, 내년도 예산안 처리'): Article {
  return {
    id,
    version,
    state: 'draft',
    headline,
    deck: '',
    section: '정치',
    body: emptyEditorState(),
    ...DEFAULT_META,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: `2026-12-01T00:00:0${version}.000Z`,
    archivedAt: null,
  };
}

type Handler = (input: never) => unknown;

/** The typed client with its answers given per method; it records every call, and events are emitted by hand. */
class FakeClient implements BylineClient {
  readonly calls: Array<{ method: Method; input: unknown }> = [];
  readonly #handlers = new Map<Method, Handler>();
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();

  answer<M extends Method>(method: M, handler: (input: Input<M>) => Output<M> | Promise<Output<M>>): this {
    this.#handlers.set(method, handler as Handler);
    return this;
  }

  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    this.calls.push({ method, input });
    const handler = this.#handlers.get(method);
    if (!handler) throw new ClientError('NOT_FOUND', `${method}: 답이 준비되지 않았습니다`);
    return (await handler(input as never)) as Output<M>;
  }

  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.#listeners.set(name, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  onReconnect(): () => void {
    return () => undefined;
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.#listeners.get(name) ?? []) (l as (p: EventPayload<E>) => void)(payload);
  }

  methods(): Method[] {
    return this.calls.map((c) => c.method);
  }
}

/** An editor with its state in plain fields: what the hook keeps in React state and refs. */
class TestEditor implements ArticleSessionHost {
  current: Article | null;
  status: SaveStatus = { kind: 'clean' };
  dirty = false;
  fields: ArticleFields;
  readonly loaded: Article[] = [];
  readonly saved: Article[] = [];
  readonly notices: ArticleNotice[] = [];
  readonly journalsCleared: string[] = [];
  readonly writes: number[] = [];

  constructor(
    private readonly session: ArticleSession,
    open: Article,
  ) {
    this.current = open;
    const { id: _id, version: _v, state: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = open;
    this.fields = { ...fields, headline: '기자가 고친 제목' };
  }

  article = () => this.current;
  adopt = (latest: Article) => {
    this.current = latest;
  };
  load = (next: Article) => {
    this.current = next;
    this.loaded.push(next);
    this.session.shown();
    this.status = { kind: 'clean' };
  };
  currentFields = () => this.fields;
  isDirty = () => this.dirty;
  setStatus = (next: SaveStatus | ((s: SaveStatus) => SaveStatus)) => {
    this.status = typeof next === 'function' ? next(this.status) : next;
  };
  notify = (notice: ArticleNotice) => {
    this.notices.push(notice);
  };
  clearJournal = (id: string) => {
    this.journalsCleared.push(id);
  };
  onSaved = (a: Article) => {
    this.saved.push(a);
  };
  write = async (baseVersion: number) => {
    this.writes.push(baseVersion);
    return true;
  };
}

function outbox(over: Partial<OutboxStatus> = {}): OutboxStatus {
  return { connection: 'online', pending: 0, pendingArticles: [], conflicts: [], ...over };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function open(client: FakeClient, story = article(ID, 3)) {
  const session = new ArticleSession(client);
  const editor = new TestEditor(session, story);
  session.attach(editor);
  client.subscribe('outbox.changed', (o) => session.outboxChanged(o));
  return { session, editor };
}

describe('ArticleSession: saves kept on this computer', () => {
  it('a save kept locally waits, counts the outbox, then takes the version the server made when it went up', async () => {
    const client = new FakeClient().answer('articles.get', () => article(ID, 4));
    const { session, editor } = open(client);

    expect(session.stored({ stored: 'local', pending: 2, queuedAt: '2026-12-01T00:00:00.000Z' })).toEqual({ kind: 'offline', pending: 2 });
    expect(session.offline).toBe('waiting');
    editor.status = { kind: 'offline', pending: 2 };

    client.emit('outbox.changed', outbox({ connection: 'offline', pending: 3, pendingArticles: [ID] }));
    expect(editor.status).toEqual({ kind: 'offline', pending: 3 });

    client.emit('outbox.changed', outbox());
    await settle();
    expect(editor.current?.version).toBe(4);
    expect(editor.status).toEqual({ kind: 'saved', at: article(ID, 4).updatedAt });
    expect(editor.saved.map((a) => a.version)).toEqual([4]);
    expect(session.offline).toBe('no');
  });

  it('text typed after the save went up stays unsaved: the version is taken, the status stays dirty', async () => {
    const client = new FakeClient().answer('articles.get', () => article(ID, 4));
    const { session, editor } = open(client);
    session.stored({ stored: 'local', pending: 1, queuedAt: '2026-12-01T00:00:00.000Z' });
    editor.dirty = true;
    editor.status = { kind: 'dirty' };

    client.emit('outbox.changed', outbox());
    await settle();
    expect(editor.current?.version).toBe(4);
    expect(editor.status).toEqual({ kind: 'dirty' });
  });

  it('outbox news means nothing for a story with no saves waiting', async () => {
    const client = new FakeClient();
    const { editor } = open(client);
    client.emit(
      'outbox.changed',
      outbox({ conflicts: [{ articleId: ID, headline: 'x', queuedAt: '2026-12-01T00:00:00.000Z', message: '다른 데스크가 고쳤습니다' }] }),
    );
    await settle();
    expect(editor.status).toEqual({ kind: 'clean' });
    expect(client.calls).toEqual([]);
  });

  it('a story opened in another window meanwhile is not overwritten by the late answer', async () => {
    let release: (a: Article) => void = () => undefined;
    const client = new FakeClient().answer('articles.get', () => new Promise<Article>((resolve) => (release = resolve)));
    const { session, editor } = open(client);
    session.stored({ stored: 'local', pending: 1, queuedAt: '2026-12-01T00:00:00.000Z' });
    client.emit('outbox.changed', outbox());
    editor.current = article(OTHER, 9, '다른 기사');
    release(article(ID, 4));
    await settle();
    expect(editor.current.id).toBe(OTHER);
    expect(editor.saved).toEqual([]);
  });
});

describe('ArticleSession: conflicts met offline lose no text', () => {
  const conflict = { articleId: ID, headline: '국회 본회의', queuedAt: '2026-12-01T00:00:00.000Z', message: '다른 데스크가 먼저 고쳤습니다' };

  it('the outbox reports a conflict: autosave holds, and 사본으로 stores the editor text as a new story and opens the server version', async () => {
    const copy = article(OTHER, 1, '기자가 고친 제목');
    const client = new FakeClient().answer('outbox.resolve', () => copy).answer('articles.get', () => article(ID, 5));
    const { session, editor } = open(client);
    session.stored({ stored: 'local', pending: 1, queuedAt: '2026-12-01T00:00:00.000Z' });

    client.emit('outbox.changed', outbox({ conflicts: [conflict] }));
    expect(editor.status).toEqual({ kind: 'conflict', message: conflict.message, offline: true });
    expect(session.holdsAutosave).toBe(true);
    expect(session.offline).toBe('conflict');

    await session.resolveConflict('copy');
    const resolve = client.calls.find((c) => c.method === 'outbox.resolve')?.input;
    expect(resolve).toEqual({ articleId: ID, keep: 'copy', fields: editor.fields });
    expect(editor.loaded.map((a) => a.version)).toEqual([5]);
    expect(editor.notices).toEqual([{ kind: 'copied', headline: '기자가 고친 제목' }]);
    expect(editor.journalsCleared).toEqual([ID]);
    expect(editor.saved).toEqual([copy]);
    expect(session.holdsAutosave).toBe(false);
  });

  it('a save refused offline as a conflict keeps the editor text; 내 글로 stores it as the newest version', async () => {
    const mine = article(ID, 6, '기자가 고친 제목');
    const client = new FakeClient().answer('outbox.resolve', () => mine);
    const { session, editor } = open(client);

    const status = session.failed(new ClientError('CONFLICT', '서버에 더 새 버전이 있습니다', { offline: true }));
    expect(status).toEqual({ kind: 'conflict', message: '서버에 더 새 버전이 있습니다', offline: true });
    expect(session.offline).toBe('conflict');

    await session.resolveConflict('overwrite');
    expect(client.calls.find((c) => c.method === 'outbox.resolve')?.input).toEqual({ articleId: ID, keep: 'mine', fields: editor.fields });
    expect(editor.loaded).toEqual([mine]);
  });

  it('a conflict kept from an earlier session is found on opening; resolving it sends the outbox copy, not the stored text on screen', async () => {
    const mine = article(ID, 7);
    const client = new FakeClient().answer('outbox.status', () => outbox({ conflicts: [conflict] })).answer('outbox.resolve', () => mine);
    const { session, editor } = open(client);

    await session.checkKept(ID);
    expect(session.offline).toBe('conflict-kept');
    expect(session.holdsAutosave).toBe(true);
    expect(editor.status).toEqual({ kind: 'conflict', message: conflict.message, offline: true });

    await session.resolveConflict('reload');
    expect(client.calls.find((c) => c.method === 'outbox.resolve')?.input).toEqual({ articleId: ID, keep: 'mine' });
    expect(editor.loaded).toEqual([mine]);
  });

  it('a kept conflict of another story, or an outbox that cannot be asked, changes nothing', async () => {
    const client = new FakeClient().answer('outbox.status', () => outbox({ conflicts: [{ ...conflict, articleId: OTHER }] }));
    const { session, editor } = open(client);
    await session.checkKept(ID);
    expect(session.offline).toBe('no');
    expect(editor.status).toEqual({ kind: 'clean' });

    const away = new FakeClient().answer('outbox.status', () => Promise.reject(new ClientError('NETWORK', '서버에 연결할 수 없습니다')));
    const second = open(away);
    await expect(second.session.checkKept(ID)).resolves.toBeUndefined();
    expect(second.editor.status).toEqual({ kind: 'clean' });
  });

  it('a refused resolution says why in the status and keeps the conflict open: nothing is loaded over the text', async () => {
    const client = new FakeClient().answer('outbox.resolve', () => Promise.reject(new ClientError('FORBIDDEN', '송고된 기사는 고칠 수 없습니다')));
    const { session, editor } = open(client);
    session.failed(new ClientError('CONFLICT', '서버에 더 새 버전이 있습니다', { offline: true }));

    await session.resolveConflict('copy');
    expect(editor.status).toEqual({ kind: 'error', message: '송고된 기사는 고칠 수 없습니다' });
    expect(editor.loaded).toEqual([]);
    expect(editor.journalsCleared).toEqual([]);
    expect(session.offline).toBe('conflict');
  });

  it('once the editor is closed, a late answer changes nothing', async () => {
    let release: (o: OutboxStatus) => void = () => undefined;
    const client = new FakeClient().answer('outbox.status', () => new Promise<OutboxStatus>((resolve) => (release = resolve)));
    const session = new ArticleSession(client);
    const editor = new TestEditor(session, article(ID, 3));
    const detach = session.attach(editor);
    const pending = session.checkKept(ID);
    detach();
    release(outbox({ conflicts: [conflict] }));
    await pending;
    expect(editor.status).toEqual({ kind: 'clean' });
    expect(session.offline).toBe('no');
  });
});

describe('ArticleSession: conflicts met online and other refusals', () => {
  it('an online conflict holds autosave; 불러오기 drops the journal and loads the stored version, 덮어쓰기 saves on top of it', async () => {
    const client = new FakeClient().answer('articles.get', () => article(ID, 8));
    const { session, editor } = open(client);

    expect(session.failed(new ClientError('CONFLICT', '다른 사람이 먼저 저장했습니다'))).toEqual({
      kind: 'conflict',
      message: '다른 사람이 먼저 저장했습니다',
      offline: false,
    });
    expect(session.holdsAutosave).toBe(true);
    expect(session.offline).toBe('no');

    await session.resolveConflict('overwrite');
    expect(editor.writes).toEqual([8]);
    expect(editor.loaded).toEqual([]);
    expect(client.methods()).not.toContain('outbox.resolve');

    await session.resolveConflict('reload');
    expect(editor.journalsCleared).toEqual([ID]);
    expect(editor.loaded.map((a) => a.version)).toEqual([8]);
  });

  it('a story gone from the server while resolving says so instead of loading anything', async () => {
    const client = new FakeClient().answer('articles.get', () => Promise.reject(new ClientError('NOT_FOUND', '기사를 찾을 수 없습니다')));
    const { session, editor } = open(client);
    session.failed(new ClientError('CONFLICT', '다른 사람이 먼저 저장했습니다'));
    await session.resolveConflict('reload');
    expect(editor.status).toEqual({ kind: 'error', message: '기사를 찾을 수 없습니다' });
    expect(editor.loaded).toEqual([]);
  });

  it('any other refusal is an error that does not hold autosave; a thrown non-error still reads as text', () => {
    const client = new FakeClient();
    const { session } = open(client);
    session.failed(new ClientError('CONFLICT', '충돌'));
    expect(session.failed(new ClientError('VALIDATION', '제목이 너무 깁니다'))).toEqual({ kind: 'error', message: '제목이 너무 깁니다' });
    expect(session.holdsAutosave).toBe(false);
    expect(session.failed('연결이 끊겼습니다')).toEqual({ kind: 'error', message: '연결이 끊겼습니다' });
  });

  it('a save stored on the server clears a conflict and any waiting state', () => {
    const client = new FakeClient();
    const { session } = open(client);
    session.failed(new ClientError('CONFLICT', '충돌', { offline: true }));
    expect(session.stored({ stored: 'server', article: article(ID, 9) })).toEqual({ kind: 'saved', at: article(ID, 9).updatedAt });
    expect(session.offline).toBe('no');
    expect(session.holdsAutosave).toBe(false);
  });
});
