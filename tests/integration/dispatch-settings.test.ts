import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article } from '../../shared/article';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { useDispatchBackend } from './support/dispatch-harness';

/* Settings through dispatch across a backend restart, and a damaged settings.json set aside. */

const h = useDispatchBackend();

describe('settings across restarts', () => {
  it('keeps settings after the backend is closed and started again on the same folder', async () => {
    const patch = {
      identity: { name: '홍길동', email: 'hong@example.com' },
      sections: ['정치', '경제', 'IT/과학'],
      defaultSection: 'IT/과학',
      locale: 'en' as const,
      lastOpenArticleId: h.article.id,
    };
    const saved = await h.ok<Settings>('settings.set', patch);
    await h.backend!.close();
    await h.start();
    expect(await h.ok<Settings>('settings.get', {})).toEqual(saved);
    expect(await h.ok<Article>('articles.get', { id: h.article.id })).toEqual(h.article);
    expect((await h.ok<Article>('articles.create', {})).section).toBe('IT/과학');
  });

  it('moves a corrupt settings.json aside, warns, and starts from the defaults', async () => {
    await h.ok<Settings>('settings.set', { defaultSection: '경제' });
    await h.backend!.close();
    const damaged = '{ "locale": "ko", 잘린 파일';
    writeFileSync(path.join(h.dataDir, 'settings.json'), damaged);

    const { warning } = await h.start();
    expect(warning).toMatch(/settings\.unreadable-.*\.json/);
    const aside = readdirSync(h.dataDir).filter((f) => /^settings\.unreadable-.+\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(h.dataDir, aside[0]!), 'utf8')).toBe(damaged);
    expect(await h.ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect(await h.ok<Article>('articles.get', { id: h.article.id })).toEqual(h.article);
  });

  it('moves aside a settings.json that breaks the schema', async () => {
    await h.backend!.close();
    writeFileSync(path.join(h.dataDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, locale: 'fr' }));
    const { warning } = await h.start();
    expect(warning).toBeDefined();
    expect(readdirSync(h.dataDir).some((f) => /^settings\.unreadable-.+\.json$/.test(f))).toBe(true);
    expect(await h.ok<Settings>('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });
});
