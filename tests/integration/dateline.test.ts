import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outgoingArticle } from '../../electron/publish/outgoing-article';
import { fieldsOf, type Article, type Revision } from '../../shared/article';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import { BODY, FIELDS, useDispatchBackend } from './support/dispatch-harness';
import { makeTempDir } from './support/temp';

/*
 * 발신지 (dateline): a story field with no column of its own. It travels in the revisions' meta_json,
 * so these tests go through the contract and the real database, and check the paths that copy a
 * story's fields forward (archive, restore) and the rows and files an older build left behind.
 */

const h = useDispatchBackend();
const WIRE = { ...DEFAULT_SETTINGS.newsroom, leadTemplate: '({dateline}={credit}) {bylines} =' };
const OLD_ID = '3f6c2a1e-8b4d-4c7a-9e5f-1d2b3c4a5e6f';
const NOW = '2026-03-05T01:00:00.000Z';

async function save(article: Article, fields: Partial<typeof FIELDS>): Promise<Article> {
  return h.ok<Article>('articles.save', { id: article.id, baseVersion: article.version, fields: { ...fieldsOf(article), ...fields } });
}

describe('발신지 through the contract', () => {
  it('is saved trimmed and read back from the story and from its revision', async () => {
    const saved = await save(h.article, { dateline: '  서울 ' });
    expect(saved.dateline).toBe('서울');
    expect((await h.ok<Article>('articles.get', { id: saved.id })).dateline).toBe('서울');
    expect((await h.ok<Revision>('articles.revision', { id: saved.id, version: saved.version })).fields.dateline).toBe('서울');
    const moved = await save(saved, { dateline: '세종' });
    expect((await h.ok<Article>('articles.get', { id: moved.id })).dateline).toBe('세종');
  });

  it('past 20 characters is refused in Korean and the story stays as it was', async () => {
    const saved = await save(h.article, { dateline: '부산' });
    const result = await h.call('articles.save', { id: saved.id, baseVersion: saved.version, fields: { ...fieldsOf(saved), dateline: '가'.repeat(21) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('발신지는 20자까지 쓸 수 있습니다');
    expect(await h.ok<Article>('articles.get', { id: saved.id })).toEqual(saved);
  });

  it('survives archiving and unarchiving, which copy the story into new revisions', async () => {
    const saved = await save(h.article, { dateline: '광주' });
    const archived = await h.ok<Article>('articles.archive', { id: saved.id, baseVersion: saved.version });
    expect(archived.dateline).toBe('광주');
    const back = await h.ok<Article>('articles.archive', { id: saved.id, baseVersion: archived.version, archived: false });
    expect(back.dateline).toBe('광주');
    expect((await h.ok<Revision>('articles.revision', { id: saved.id, version: back.version })).fields.dateline).toBe('광주');
    expect((await h.ok<Article>('articles.get', { id: saved.id })).dateline).toBe('광주');
  });

  it('opens a revision an older build wrote on archiving, with the whole story (id, state, times) in its meta', async () => {
    const saved = await save(h.article, { dateline: '울산' });
    const { headline: _h, deck: _d, section: _s, body: _b, ...articleMeta } = saved;
    await h.backend!.db.run(
      'INSERT INTO revisions (article_id, version, headline, deck, section, body_json, meta_json, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        saved.id,
        saved.version + 1,
        saved.headline,
        saved.deck,
        saved.section,
        JSON.stringify(saved.body),
        JSON.stringify({ ...articleMeta, archivedAt: NOW }),
        NOW,
      ],
    );
    const revision = await h.ok<Revision>('articles.revision', { id: saved.id, version: saved.version + 1 });
    expect(revision.fields).toEqual(fieldsOf(saved));
  });

  it('reads as none in a story and revision an older build wrote, and restoring a version brings back its own', async () => {
    // What the build before the field wrote: the story's columns, and a revision whose meta has no dateline.
    const oldMeta = {
      storyType: 'straight',
      bylines: [],
      sourceAttribution: '',
      tags: [],
      summary: '',
      slug: '',
      embargoAt: null,
      deskNote: '',
      leadPhoto: null,
    };
    await h.backend!.db.run(
      "INSERT INTO articles (id, version, headline, section, created_at, updated_at, body_json) VALUES (?, 1, '옛 기사', '사회', ?, ?, ?)",
      [OLD_ID, NOW, NOW, JSON.stringify(BODY)],
    );
    await h.backend!.db.run(
      "INSERT INTO revisions (article_id, version, headline, deck, section, body_json, meta_json, saved_at) VALUES (?, 1, '옛 기사', '', '사회', ?, ?, ?)",
      [OLD_ID, JSON.stringify(BODY), JSON.stringify(oldMeta), NOW],
    );
    const old = await h.ok<Article>('articles.get', { id: OLD_ID });
    expect(old).toMatchObject({ headline: '옛 기사', dateline: '' });
    const v1 = await h.ok<Revision>('articles.revision', { id: OLD_ID, version: 1 });
    expect(v1.fields.dateline).toBe('');

    const v2 = await save(old, { dateline: '대전' });
    expect(v2.dateline).toBe('대전');
    // Restore: the editor loads the older version's fields and saves them as the newest.
    const restored = await h.ok<Article>('articles.save', { id: OLD_ID, baseVersion: v2.version, fields: v1.fields });
    expect(restored.dateline).toBe('');
    const again = await h.ok<Article>('articles.save', {
      id: OLD_ID,
      baseVersion: restored.version,
      fields: (await h.ok<Revision>('articles.revision', { id: OLD_ID, version: v2.version })).fields,
    });
    expect(again.dateline).toBe('대전');
  });

  it('opens the published lead: "(서울=포탈뉴스통신) 김기자 기자 =", and "(포탈뉴스통신) …" without one', async () => {
    const withOne = await save(h.article, { dateline: '서울', bylines: [{ name: '김기자', title: '기자', email: '' }] });
    const lead = (a: Article) =>
      outgoingArticle({
        articleId: a.id,
        version: a.version,
        createdAt: a.createdAt,
        versionCreatedAt: a.updatedAt,
        fields: fieldsOf(a),
        newsroom: WIRE,
        photoSrc: () => '',
        media: new Map(),
      }).contentHtml.split('\n')[0];
    expect(lead(await h.ok<Article>('articles.get', { id: withOne.id }))).toMatch(
      /^<p>\(서울=포탈뉴스통신\) 김기자 기자 = \(포탈뉴스통신\) 과학기술정보통신부/,
    );
    const without = await save(withOne, { dateline: '' });
    expect(lead(without)).toMatch(/^<p>\(포탈뉴스통신\) 김기자 기자 = /);
  });
});

describe('the newsroom default 발신지', () => {
  it('is what a new story starts with; past 20 characters it is refused in Korean', async () => {
    expect((await h.ok<Article>('articles.create', {})).dateline).toBe('');
    await h.ok<Settings>('settings.set', { newsroom: { ...WIRE, defaultDateline: ' 부산 ' } });
    expect((await h.ok<Article>('articles.create', {})).dateline).toBe('부산');
    const result = await h.call('settings.set', { newsroom: { ...WIRE, defaultDateline: '가'.repeat(21) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('발신지는 20자까지 쓸 수 있습니다');
    expect((await h.ok<Settings>('settings.get', {})).newsroom.defaultDateline).toBe('부산');
  });

  it('is absent from a settings file an older build wrote, which still opens whole', async () => {
    const dataDir = path.join(makeTempDir('byline-dateline-'), 'data');
    const { newsroom, ...rest } = DEFAULT_SETTINGS;
    const { defaultDateline: _new, ...olderNewsroom } = newsroom;
    const older = { ...rest, sections: ['정치', '지역'], defaultSection: '지역', newsroom: { ...olderNewsroom, agencyCredit: '지역통신' } };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(older));
    const { backend, warning } = await startTestBackend(dataDir);
    try {
      expect(warning).toBeUndefined();
      const settings = await backend.settings.get();
      expect(settings).toMatchObject({ sections: ['정치', '지역'], defaultSection: '지역', newsroom: { agencyCredit: '지역통신' } });
      const created = await backend.dispatch('articles.create', {});
      expect(created).toMatchObject({ ok: true, value: { section: '지역', dateline: '' } });
    } finally {
      await backend.close();
    }
  });
});
