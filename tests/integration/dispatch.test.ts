import { describe, expect, it } from 'vitest';
import { type Article } from '../../shared/article';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { FIELDS, useDispatchBackend } from './support/dispatch-harness';
import { logicalDump } from './support/temp';

/* Dispatch: each method's happy path, unknown method names, and a failure inside a handler. */

const h = useDispatchBackend();

describe('dispatch: every method, happy path', () => {
  it('creates, gets, lists, saves, archives and lists revisions', async () => {
    const created = await h.ok<Article>('articles.create', { section: '경제' });
    expect(created).toMatchObject({ version: 1, section: '경제', state: 'draft' });
    expect(await h.ok<Article>('articles.get', { id: h.article.id })).toEqual(h.article);
    const list = await h.ok<{ items: { id: string }[]; total: number }>('articles.list', {});
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id)).toEqual([created.id, h.article.id]);
    const saved = await h.ok<Article>('articles.save', { id: h.article.id, baseVersion: 2, fields: { ...FIELDS, deck: '부제 수정' } });
    expect(saved.version).toBe(3);
    const archived = await h.ok<Article>('articles.archive', { id: h.article.id, baseVersion: 3 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await h.ok<{ total: number }>('articles.list', { includeArchived: false })).total).toBe(1);
    const revisions = await h.ok<{ version: number }[]>('articles.revisions', { id: h.article.id });
    expect(revisions.map((r) => r.version)).toEqual([4, 3, 2, 1]);
  });

  it('gets and sets settings, and new stories take the default section', async () => {
    expect(await h.ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    const next = await h.ok<Settings>('settings.set', { identity: { name: '홍길동', email: 'hong@example.com' }, defaultSection: 'IT/과학' });
    expect(next).toMatchObject({ identity: { name: '홍길동', email: 'hong@example.com' }, defaultSection: 'IT/과학', locale: 'ko' });
    expect(await h.ok<Settings>('settings.get', {})).toEqual(next);
    expect((await h.ok<Article>('articles.create', {})).section).toBe('IT/과학');
  });

  it('treats a missing input (IPC invoke without an argument) as {}', async () => {
    expect((await h.call('settings.get', undefined)).ok).toBe(true);
    expect((await h.call('articles.list', undefined)).ok).toBe(true);
  });

  it('maps a stale save to CONFLICT with the current version', async () => {
    const result = await h.call('articles.save', { id: h.article.id, baseVersion: 1, fields: FIELDS });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 2 } } });
  });

  it('maps a missing story to NOT_FOUND', async () => {
    const result = await h.call('articles.get', { id: '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('dispatch: unknown methods', () => {
  it.each(['articles.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'articles', 'ARTICLES.GET', 'x'.repeat(10_000)])(
    'refuses %j with UNKNOWN_METHOD',
    async (name) => {
      const before = await logicalDump(h.backend!.db);
      const result = await h.call(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(300);
      expect((await logicalDump(h.backend!.db)).hash).toBe(before.hash);
    },
  );
});

describe('dispatch: failures inside a handler', () => {
  it('turns a storage failure into INTERNAL without a stack trace', async () => {
    // The backend's dispatch logs the underlying error to the console (captured by vitest); the caller sees none of it.
    await h.backend!.close();
    const result = await h.call('articles.list', {});
    h.forget();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|\n\s+at |\.ts:\d+/);
  });
});
