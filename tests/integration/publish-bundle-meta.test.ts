import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM, VirtualConsole } from 'jsdom';
import Parser from 'rss-parser';
import type { NewsArticle, WithContext } from 'schema-dts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORTS_DIR_NAME, type Backend } from '../../electron/host/bootstrap';
import { LISTING_FILE } from '../../electron/publish/bundle-listing';
import { NEWS_NS, newsSitemap, SITEMAP_NS } from '../../electron/publish/news-sitemap';
import type { ReaderMeta } from '../../electron/publish/reader-meta';
import { portalDate } from '../../electron/publish/seoul-time';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { WorkflowEvent } from '../../shared/contract-workflow';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import { approvedSeedArticle, ok, type ApprovedArticle } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * What search engines and portals read of a bundle folder, through the real publish path on a real
 * temp folder: the page's JSON-LD, Open Graph and canonical address, its 입력/수정 line, the folder's
 * RSS feed and news sitemap across publish, correction and takedown, and ninjs 2.2 and 3.1 side by side.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = 'https://news.example.com/stories';
const LOGO = 'https://news.example.com/logo.png';
const HOSTILE = '양자 협력</script><script>alert(1)</script><!-- \u2028끝';

let backend: Backend;
let dataDir: string;

beforeEach(async () => {
  dataDir = makeTempDir('byline-bundle-meta-');
  ({ backend } = await startTestBackend(dataDir));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

const folder = () => path.join(dataDir, EXPORTS_DIR_NAME, 'portal');
const read = (...parts: string[]) => readFileSync(path.join(folder(), ...parts), 'utf8');
const dom = (html: string) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;

async function bundleTarget(settings: Record<string, unknown> = {}): Promise<PublishTarget> {
  return ok<PublishTarget>(backend, 'publish.saveTarget', {
    kind: 'html-bundle',
    name: '포털 묶음',
    settings: { url: PUBLIC, folder: 'portal', logoUrl: LOGO, ninjs: 'both', ...settings },
  });
}

const publish = (story: ApprovedArticle, target: PublishTarget) =>
  ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });

function jsonLd(html: string): WithContext<NewsArticle> & Record<string, unknown> {
  const scripts = Array.from(dom(html).querySelectorAll('script'));
  expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
  return JSON.parse(scripts[0]!.textContent!) as WithContext<NewsArticle> & Record<string, unknown>;
}

const metaTag = (doc: Document, key: string) =>
  Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)).map((m) => m.getAttribute('content'));

const dateLine = (html: string) => Array.from(dom(html).querySelectorAll('.story-view__date')).map((d) => d.textContent);

/** A bundle export leaves the state alone (publish-bundle.test.ts): the story as a CMS publication would leave it, so it can be corrected. */
async function markPublished(articleId: string): Promise<void> {
  await backend.db.run("UPDATE articles SET state = 'published' WHERE id = ?", [articleId]);
  await backend.db.run('DELETE FROM article_locks WHERE article_id = ?', [articleId]);
}

const history = (story: ApprovedArticle) => ok<WorkflowEvent[]>(backend, 'workflow.history', { id: story.article.id }, { actorId: story.desk.id });

async function feedItems() {
  const feed = await new Parser({ customFields: { item: [['category', 'categoryTags', { keepArray: true }]] } }).parseString(read('rss.xml'));
  return feed;
}

function sitemap() {
  const xml = read('news-sitemap.xml');
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml) as {
    urlset: Record<string, unknown> & { url?: Array<{ loc: string; 'news:news': Record<string, unknown> }> };
  };
  return parsed.urlset;
}

describe('what search engines and portals read of a bundle', () => {
  it('the page carries NewsArticle JSON-LD, Open Graph, Twitter card and canonical tags, safe against a hostile headline', async () => {
    await ok<Settings>(backend, 'settings.set', {
      portal: { categories: [{ section: 'IT/과학', naver: 'IT/과학', daum: 'IT' }] },
    });
    const story = await approvedSeedArticle(backend, { headline: HOSTILE });
    const target = await bundleTarget();
    const attempt = await publish(story, target);
    const url = `${PUBLIC}/${story.article.id}/index.html`;
    expect(attempt).toMatchObject({ result: 'exported', error: null, remoteUrl: url });

    const html = read(story.article.id, 'index.html');
    // The headline's markup stays inside the JSON: one script element, the data block, nothing after it.
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(raw).not.toMatch(/[<>\u2028\u2029]/);
    expect(html).not.toContain('</script><script>');
    expect(html).not.toContain('<!-- ');
    const ld = jsonLd(html);
    const lead = story.photos[0]!.renditions.filter((r) => r.path.endsWith('.jpg')).sort((a, b) => b.width - a.width)[0]!;
    const image = `${PUBLIC}/${story.article.id}/photos/${story.lead.mediaId}/1600.jpg`;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: HOSTILE,
      url,
      inLanguage: 'ko',
      author: [{ '@type': 'Person', name: '김기자' }],
      publisher: { '@type': 'NewsMediaOrganization', name: '포탈뉴스통신', logo: { '@type': 'ImageObject', url: LOGO } },
      image: [{ '@type': 'ImageObject', url: image, width: String(lead.width), height: String(lead.height) }],
      articleSection: ['IT/과학', 'IT'],
    });
    expect(typeof ld.description === 'string' && ld.description.length > 10).toBe(true);
    expect(ld.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    expect(new Date(ld.datePublished as string).toISOString().slice(0, 19)).toBe(attempt.at.slice(0, 19));
    expect(ld.dateModified).toBe(ld.datePublished);

    const doc = dom(html);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(metaTag(doc, 'og:title')).toEqual([HOSTILE]);
    expect(metaTag(doc, 'og:type')).toEqual(['article']);
    expect(metaTag(doc, 'og:description')).toEqual([ld.description]);
    expect(metaTag(doc, 'og:image')).toEqual([image]);
    expect(metaTag(doc, 'og:image:width')).toEqual([String(lead.width)]);
    expect(metaTag(doc, 'og:image:height')).toEqual([String(lead.height)]);
    expect(metaTag(doc, 'article:published_time')).toEqual([ld.datePublished]);
    expect(metaTag(doc, 'article:section')).toEqual(['IT/과학', 'IT']);
    expect(metaTag(doc, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('prints 입력 at the first publication and 수정 at the last correction, Korean time; resubmitting moves neither', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await bundleTarget();
    // The story first went out in January (only Date is stood in for, so the disk and the database run as ever).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-02T03:04:05.000Z'));
    const first = await publish(story, target).finally(() => vi.useRealTimers());
    expect(first.at).toBe('2026-01-02T03:04:05.000Z');
    const page = () => read(story.article.id, 'index.html');
    expect(dateLine(page())).toEqual(['입력2026.01.02 12:04']);
    // Resubmitted today: 입력 stays in January.
    await publish(story, target);
    expect(dateLine(page())).toEqual(['입력2026.01.02 12:04']);
    expect(jsonLd(page()).datePublished).toBe('2026-01-02T12:04:05+09:00');
    expect(portalDate('2026-12-07T04:19:59.900Z')).toBe('2026.12.07 13:19');

    await markPublished(story.article.id);
    await ok(backend, 'workflow.correct', { id: story.article.id, note: '수치 정정' }, { actorId: story.desk.id });
    const corrected = (await history(story)).filter((e) => e.action === 'correct').at(-1)!;
    await publish(story, target);
    expect(dateLine(page())).toEqual(['입력2026.01.02 12:04', `수정${portalDate(corrected.at)}`]);
    const ld = jsonLd(page());
    expect(new Date(ld.dateModified as string).getTime()).toBe(Math.floor(new Date(corrected.at).getTime() / 1000) * 1000);
    expect(dom(page()).querySelector('.story-view__date time')?.getAttribute('datetime')).toBe(ld.datePublished);
  });

  it('keeps an RSS 2.0 feed and a Google News sitemap that follow publish, correction and takedown', async () => {
    await ok<Settings>(backend, 'settings.set', {
      portal: { categories: [{ section: 'IT/과학', naver: 'IT/과학', daum: 'IT' }] },
    });
    const a = await approvedSeedArticle(backend, { photoSeed: 1 });
    const b = await approvedSeedArticle(backend, { photoSeed: 2, headline: '두 번째 <기사> & 속보' });
    const target = await bundleTarget();
    await publish(a, target);
    await publish(b, target);

    const feed = await feedItems();
    expect(feed.title).toBe('포탈뉴스통신');
    expect(feed.items.map((i) => i.link).sort()).toEqual([a, b].map((s) => `${PUBLIC}/${s.article.id}/index.html`).sort());
    const second = feed.items.find((i) => i.link!.includes(b.article.id))!;
    expect(second.title).toBe('두 번째 <기사> & 속보');
    expect(second.categoryTags).toEqual([
      { _: 'IT/과학', $: { domain: 'naver' } },
      { _: 'IT', $: { domain: 'daum' } },
    ]);

    const urlset = sitemap();
    expect(urlset['@_xmlns']).toBe(SITEMAP_NS);
    expect(urlset['@_xmlns:news']).toBe(NEWS_NS);
    expect(urlset.url!.map((u) => u.loc).sort()).toEqual(feed.items.map((i) => i.link).sort());
    const news = urlset.url!.find((u) => u.loc.includes(b.article.id))!['news:news'];
    expect(news).toMatchObject({
      'news:publication': { 'news:name': '포탈뉴스통신', 'news:language': 'ko' },
      'news:title': '두 번째 <기사> & 속보',
    });
    expect(news['news:publication_date']).toMatch(/\+09:00$/);

    // A correction replaces the story's entry rather than adding one.
    await markPublished(a.article.id);
    await ok(backend, 'workflow.correct', { id: a.article.id, note: '이름 정정' }, { actorId: a.desk.id });
    await publish(a, target);
    expect((await feedItems()).items).toHaveLength(2);

    // A withdrawn story leaves both; the other stays.
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
    await markPublished(a.article.id);
    await ok(backend, 'workflow.withdraw', { id: a.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    const down = await ok<PublishAttempt>(backend, 'publish.takedown', { articleId: a.article.id, targetId: target.id }, { actorId: a.desk.id });
    expect(down).toMatchObject({ result: 'withdrawn', error: null });
    expect((await feedItems()).items.map((i) => i.link)).toEqual([`${PUBLIC}/${b.article.id}/index.html`]);
    expect(sitemap().url!.map((u) => u.loc)).toEqual([`${PUBLIC}/${b.article.id}/index.html`]);
    expect(read('rss.xml')).not.toContain(a.article.id);
    // Every file was replaced whole: no temporary file is left beside them.
    expect(readdirSync(folder()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sets an unreadable listing aside and starts it again instead of failing the export', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await bundleTarget();
    await publish(story, target);
    writeFileSync(path.join(folder(), LISTING_FILE), '{not json');
    expect(await publish(story, target)).toMatchObject({ result: 'exported', error: null });
    expect((await feedItems()).items).toHaveLength(1);
    expect(readdirSync(folder()).some((f) => f.startsWith(`${LISTING_FILE}.unreadable-`))).toBe(true);
  });

  it('lists in the news sitemap only what was published in the last two days', () => {
    const now = new Date('2026-12-07T04:00:00.000Z');
    const meta = (id: string, publishedAt: string): ReaderMeta => ({
      articleId: id,
      url: `${PUBLIC}/${id}/index.html`,
      headline: id,
      description: '',
      publishedAt,
      modifiedAt: publishedAt,
      authors: [],
      section: '정치',
      categories: [],
      image: null,
    });
    const xml = newsSitemap(
      [meta('new', '2026-12-06T04:00:00.000Z'), meta('edge', '2026-12-05T04:00:00.000Z'), meta('old', '2026-12-05T03:59:59.000Z')],
      '통신',
      now,
    );
    const locs = (new XMLParser().parse(xml) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((u) => u.loc);
    expect(locs).toEqual([`${PUBLIC}/new/index.html`, `${PUBLIC}/edge/index.html`]);
  });
});

describe('ninjs 2.2 and 3.1 from a bundle target', () => {
  const schema = (v: string) => JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'ninjs', `ninjs-schema_${v}.json`), 'utf8')) as object;
  function validator(version: '2.2' | '3.1') {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
    return ajv.compile(schema(version));
  }

  it('writes the versions the target chooses, each valid against IPTC’s schema, with the portal categories as subjects', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await bundleTarget();
    await publish(story, target);
    const v3 = JSON.parse(read(story.article.id, 'ninjs.json')) as Record<string, unknown>;
    const v2 = JSON.parse(read(story.article.id, 'ninjs-2.2.json')) as Record<string, unknown>;
    for (const [version, doc] of [
      ['3.1', v3],
      ['2.2', v2],
    ] as const) {
      const validate = validator(version);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.standard).toMatchObject({ version });
      // The default mapping files IT/과학 under Naver's IT/과학 and Daum's IT.
      expect(doc.subjects).toEqual(
        expect.arrayContaining([
          { name: 'IT/과학', rel: 'naver-category', literal: 'IT/과학' },
          { name: 'IT', rel: 'daum-category', literal: 'IT' },
        ]),
      );
    }
    expect(v2.versioncreated).toBe(v3.versionCreated);

    for (const [choice, files] of [
      ['2.2', ['ninjs-2.2.json']],
      ['3.1', ['ninjs.json']],
    ] as const) {
      await ok(backend, 'publish.saveTarget', {
        id: target.id,
        kind: 'html-bundle',
        name: '포털 묶음',
        settings: { url: PUBLIC, folder: 'portal', ninjs: choice },
      });
      await publish(story, target);
      expect(readdirSync(path.join(folder(), story.article.id)).filter((f) => f.startsWith('ninjs'))).toEqual(files);
    }
  });

  it('refuses a bad ninjs choice, a logo that is not a web address and a duplicated portal row, in Korean, keeping what was stored', async () => {
    const target = await bundleTarget();
    for (const settings of [
      { url: PUBLIC, folder: 'portal', ninjs: '1.0' },
      { url: PUBLIC, folder: 'portal', logoUrl: 'javascript:alert(1)' },
      { url: 'ftp://news.example.com/', folder: 'portal' },
    ]) {
      const r = await backend.dispatch('publish.saveTarget', { id: target.id, kind: 'html-bundle', name: '포털 묶음', settings });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const stored = (await ok<PublishTarget[]>(backend, 'publish.targets', {})).find((t) => t.id === target.id)!;
    expect(stored.settings).toMatchObject({ ninjs: 'both', logoUrl: LOGO });

    const dup = await backend.dispatch('settings.set', {
      portal: {
        categories: [
          { section: '정치', naver: '정치', daum: '정치' },
          { section: '정치', naver: '사회', daum: '사회' },
        ],
      },
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!dup.ok) expect(dup.error.message).toContain('같은 섹션의 포털 분류가 두 번 있습니다');
    const long = await backend.dispatch('settings.set', { portal: { categories: [{ section: '정치', naver: '가'.repeat(31), daum: '' }] } });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok<Settings>(backend, 'settings.get', {})).portal.categories.find((r) => r.section === '국제')).toEqual({
      section: '국제',
      naver: '세계',
      daum: '국제',
    });
    expect(existsSync(folder())).toBe(false);
  });
});

describe('portal categories in 환경설정', () => {
  it('are absent from a settings file an older build wrote, which still opens whole with the default mapping', async () => {
    const older = path.join(makeTempDir('byline-portal-older-'), 'data');
    const { portal: _new, ...rest } = DEFAULT_SETTINGS;
    mkdirSync(older, { recursive: true });
    writeFileSync(path.join(older, 'settings.json'), JSON.stringify({ ...rest, sections: ['정치', '지역'], defaultSection: '지역' }));
    const { backend: previous, warning } = await startTestBackend(older);
    try {
      expect(warning).toBeUndefined();
      const settings = await previous.settings.get();
      expect(settings).toMatchObject({ sections: ['정치', '지역'], defaultSection: '지역', portal: DEFAULT_SETTINGS.portal });
    } finally {
      await previous.close();
    }
  });
});
