import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORTS_DIR_NAME, SECRET_KEY_FILE_NAME, type Backend } from '../../electron/host/bootstrap';
import { ninjs2, ninjs3 } from '../../electron/publish/ninjs';
import { outgoingArticle } from '../../electron/publish/outgoing-article';
import type { PublishAttempt, PublishTarget } from '../../shared/contract-publish';
import type { Result } from '../../shared/errors';
import type { MediaItem } from '../../shared/media';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { seed } from '../fixtures/seed';
import { startTestBackend, TEST_ENGINE } from './support/backend';
import { approvedSeedArticle, ok } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = (v: string) => JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'ninjs', `ninjs-schema_${v}.json`), 'utf8')) as object;

function validator(version: '2.2' | '3.1') {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The schemas refer to GeoJSON for places' geometry, which Byline never writes; offline, any object stands in for it.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(schema(version));
}

let backend: Backend;
let dataDir: string;

beforeEach(async () => {
  dataDir = makeTempDir('byline-publish-bundle-');
  ({ backend } = await startTestBackend(dataDir));
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

const PUBLIC = 'https://news.example.com/stories/';

/**
 * A bundle export leaves the state alone; a CMS target (WordPress, tested in publish-wordpress.test.ts)
 * is what records a publication. Stand in for it: the story as the workflow leaves it once published.
 */
async function markPublished(articleId: string): Promise<void> {
  await backend.db.run("UPDATE articles SET state = 'published' WHERE id = ?", [articleId]);
  await backend.db.run('DELETE FROM article_locks WHERE article_id = ?', [articleId]);
}

/** The page's story block as the portal reads it: element by element, text only. */
function pageBlocks(html: string): Array<{ tag: string; cls: string; text: string }> {
  const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  const out: Array<{ tag: string; cls: string; text: string }> = [];
  for (const el of Array.from(
    doc.querySelectorAll(
      'article .story-view__section, article h1, article .story-view__deck p, article .story-view__meta, article figure, article .story-view__body > p, article > p',
    ),
  )) {
    out.push({ tag: el.localName, cls: el.getAttribute('class') ?? '', text: (el.textContent ?? '').trim() });
  }
  return out;
}

describe('HTML bundle', () => {
  it('reproduces the seed story exactly, laid out like the portal page, with its photos and ninjs, and leaves the state alone', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const attempt = await ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect(attempt).toMatchObject({ result: 'exported', error: null, version: story.article.version, remoteUrl: `${PUBLIC}${story.article.id}/index.html` });

    const dir = path.join(dataDir, EXPORTS_DIR_NAME, 'portal', story.article.id);
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const blocks = pageBlocks(html);
    const captionText = (p: { caption: string; credit: string }) => `${p.caption} ${p.credit}`;
    expect(blocks.map((b) => b.text)).toEqual([
      seed.section,
      seed.headline,
      seed.deck,
      expect.stringMatching(/^김기자 기자입력\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$/),
      captionText(story.lead),
      seed.body[0],
      seed.body[1],
      captionText(story.inline),
      ...seed.body.slice(2),
      seed.attributionLine,
    ]);
    // The credit and the attribution appear once, added by the shared converter.
    expect(html.split(`(${seed.creditLine})`).length - 1).toBe(1);
    expect(html.split(seed.attributionLine).length - 1).toBe(1);
    // A caption's markup stays text.
    expect(html).toContain('&lt;뉴욕&gt;');
    // Nothing runs: the one script element is the JSON-LD data block, which holds no "<" (publish-bundle-meta.test.ts).
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')).not.toMatch(/<script|\son\w+=|javascript:/i);

    // Every photo URL in the page is a relative path to the library's rendition, linked on this disk.
    const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
    const urls = new Set<string>();
    for (const img of Array.from(doc.querySelectorAll('img'))) urls.add(img.getAttribute('src')!);
    for (const el of Array.from(doc.querySelectorAll('img, source')))
      for (const part of el.getAttribute('srcset')!.split(',')) urls.add(part.trim().split(' ')[0]!);
    expect(urls.size).toBe(2 * 3 * 2);
    const libraryFile = (url: string) => path.join(backend.mediaDir, url.split('/')[1]!, url.split('/')[2]!);
    for (const url of urls) {
      expect(url).toMatch(/^photos\/[0-9a-f]{64}\/(320|800|1600)\.(jpg|webp)$/);
      expect(readFileSync(path.join(dir, url)).equals(readFileSync(libraryFile(url)))).toBe(true);
      const exported = lstatSync(path.join(dir, url));
      expect(exported.isFile() && exported.ino === statSync(libraryFile(url)).ino).toBe(true);
      // The library's files are read-only: writing into a bundle's file in place is refused.
      expect(statSync(libraryFile(url)).mode & 0o222).toBe(0);
    }
    expect(readdirSync(path.join(dir, 'photos')).sort()).toEqual([story.lead.mediaId, story.inline.mediaId].sort());
    // Replacing a bundle's photo the way editors and rsync do (a new file renamed over it) leaves the library alone.
    const [first] = [...urls];
    const library = readFileSync(libraryFile(first!));
    writeFileSync(path.join(dir, `${first!}.new`), 'edited');
    renameSync(path.join(dir, `${first!}.new`), path.join(dir, first!));
    expect(readFileSync(path.join(dir, first!), 'utf8')).toBe('edited');
    expect(readFileSync(libraryFile(first!)).equals(library)).toBe(true);

    const doc3 = JSON.parse(readFileSync(path.join(dir, 'ninjs.json'), 'utf8')) as Record<string, unknown>;
    const validate = validator('3.1');
    expect(validate(doc3), JSON.stringify(validate.errors)).toBe(true);
    expect(doc3.headlines).toEqual([
      { role: 'main', value: seed.headline },
      { role: 'sub', value: seed.deck },
    ]);
    const assoc = doc3.associations as Array<{ renditions: Array<{ href: string }> }>;
    expect(assoc).toHaveLength(2);
    expect(assoc[0]!.renditions.map((r) => r.href)).toContain(`${PUBLIC}${story.article.id}/photos/${story.lead.mediaId}/800.jpg`);

    const status = await ok<{ state: string }>(backend, 'workflow.status', { id: story.article.id }, { actorId: story.desk.id });
    expect(status.state).toBe('approved');
    const log = await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id });
    expect(log).toHaveLength(1);

    // Publishing again replaces the bundle in place, the edited photo included, and leaves nothing beside it.
    const again = await ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect(again.result).toBe('exported');
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(html);
    expect(readFileSync(path.join(dir, first!)).equals(library)).toBe(true);
    expect(readdirSync(path.dirname(dir)).sort()).toEqual(['.byline-listing.json', story.article.id, 'news-sitemap.xml', 'rss.xml'].sort());
    expect(await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id })).toHaveLength(2);
  });

  it('a rendition missing from the data folder fails the export and leaves the earlier bundle as it was', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const run = () => ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect((await run()).result).toBe('exported');
    const root = path.join(dataDir, EXPORTS_DIR_NAME, 'portal');
    const before = readFileSync(path.join(root, story.article.id, 'index.html'), 'utf8');
    rmSync(path.join(backend.mediaDir, story.inline.mediaId, '800.webp'));
    if (TEST_ENGINE === 'postgres') {
      // On a shared newsroom the media folder is a cache: the original on the server makes the renditions again.
      expect((await run()).result).toBe('exported');
      expect(existsSync(path.join(backend.mediaDir, story.inline.mediaId, '800.webp'))).toBe(true);
      return;
    }
    const failed = await run();
    expect(failed).toMatchObject({ result: 'failed' });
    expect(failed.error).toContain(story.inline.mediaId.slice(0, 12));
    expect(readFileSync(path.join(root, story.article.id, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(path.join(root, story.article.id, 'photos', story.inline.mediaId, '800.webp'))).toBe(true);
    // No staging folder is left behind: the story's bundle, the feed, the news sitemap and their listing.
    expect(readdirSync(root).sort()).toEqual(['.byline-listing.json', story.article.id, 'news-sitemap.xml', 'rss.xml'].sort());
  });

  it('refuses a story the desk has not approved, and a reporter, without logging an attempt', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const byReporter = (await backend.dispatch(
      'publish.run',
      {
        articleId: story.article.id,
        targetId: target.id,
      },
      { actorId: story.reporter.id },
    )) as Result<unknown>;
    expect(byReporter).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const draft = await ok<{ id: string }>(backend, 'articles.create', {}, { actorId: story.reporter.id });
    const notApproved = (await backend.dispatch('publish.run', { articleId: draft.id, targetId: target.id }, { actorId: story.desk.id })) as Result<unknown>;
    expect(notApproved).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const noTarget = (await backend.dispatch('publish.run', { articleId: story.article.id, targetId: 999 }, { actorId: story.desk.id })) as Result<unknown>;
    expect(noTarget).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id })).toEqual([]);
  });

  it('a corrected story is exported again with every correction note visible, oldest first, escaped', async () => {
    const story = await approvedSeedArticle(backend);
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal', correctionPrefix: true },
    });
    expect(target.settings).toEqual({ url: PUBLIC, folder: 'portal', correctionPrefix: true, ninjs: '3.1', logoUrl: '' });
    const run = () => ok<PublishAttempt>(backend, 'publish.run', { articleId: story.article.id, targetId: target.id }, { actorId: story.desk.id });
    expect((await run()).result).toBe('exported');
    const dir = path.join(dataDir, EXPORTS_DIR_NAME, 'portal', story.article.id);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toContain('[정정]');

    await markPublished(story.article.id);
    await ok(backend, 'workflow.correct', { id: story.article.id, note: '수치 <오류> & 이름 정정' }, { actorId: story.desk.id });
    expect((await run()).result).toBe('exported');
    await markPublished(story.article.id);
    await ok(backend, 'workflow.correct', { id: story.article.id, note: '두 번째 정정' }, { actorId: story.desk.id });
    expect((await run()).result).toBe('exported');

    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const notes = Array.from(
      new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.querySelectorAll('article > p.story-view__correction'),
    ).map((p) => p.textContent ?? '');
    expect(notes).toEqual([
      expect.stringMatching(/^\[정정\] \d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2} — 수치 <오류> & 이름 정정$/),
      expect.stringMatching(/ — 두 번째 정정$/),
    ]);
    expect(html).toContain('수치 &lt;오류&gt; &amp; 이름 정정');
    expect(html).toContain(`<h1 class="story-view__headline">[정정보도] ${seed.headline.replace(/&/g, '&amp;')}</h1>`);
    const doc = JSON.parse(readFileSync(path.join(dir, 'ninjs.json'), 'utf8')) as { bodies: Array<{ contentType: string; value: string }> };
    expect(doc.bodies.find((b) => b.contentType === 'text/html')!.value).toContain('두 번째 정정');
  });

  it('a withdrawn story is taken down: its bundle folder is removed and the log says so; a reporter and a target never published to are refused', async () => {
    const story = await approvedSeedArticle(backend);
    const chief = await ok<{ id: string }>(backend, 'profiles.create', { name: '최국장', email: '', role: 'chief' });
    const target = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '포털 묶음',
      settings: { url: PUBLIC, folder: 'portal' },
    });
    const other = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'html-bundle',
      name: '다른 묶음',
      settings: { url: PUBLIC, folder: 'other' },
    });
    const run = (targetId: number, actorId = story.desk.id) =>
      backend.dispatch('publish.run', { articleId: story.article.id, targetId }, { actorId }) as Promise<Result<PublishAttempt>>;
    const takedown = (targetId: number, actorId = story.desk.id) =>
      backend.dispatch('publish.takedown', { articleId: story.article.id, targetId }, { actorId }) as Promise<Result<PublishAttempt>>;
    expect(await run(target.id)).toMatchObject({ ok: true, value: { result: 'exported' } });
    const dir = path.join(dataDir, EXPORTS_DIR_NAME, 'portal', story.article.id);
    expect(existsSync(path.join(dir, 'index.html'))).toBe(true);
    // Not withdrawn: refused, nothing removed, nothing logged.
    expect(await takedown(target.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(existsSync(dir)).toBe(true);

    await markPublished(story.article.id);
    await ok(backend, 'workflow.withdraw', { id: story.article.id, reason: '사실관계 확인 필요' }, { actorId: chief.id });
    expect(await takedown(target.id, story.reporter.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run(target.id, story.reporter.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await takedown(other.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(existsSync(dir)).toBe(true);

    expect(await takedown(target.id)).toMatchObject({ ok: true, value: { result: 'withdrawn', error: null, remoteId: story.article.id } });
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(path.join(dataDir, EXPORTS_DIR_NAME, 'portal'))).toBe(true);
    // publish.run on a withdrawn story takes it down too; repeating is harmless.
    expect(await run(target.id)).toMatchObject({ ok: true, value: { result: 'withdrawn', error: null } });
    expect((await ok<PublishAttempt[]>(backend, 'publish.log', { articleId: story.article.id })).map((a) => a.result)).toEqual([
      'withdrawn',
      'withdrawn',
      'exported',
    ]);
    expect((await ok<{ state: string }>(backend, 'workflow.status', { id: story.article.id }, { actorId: story.desk.id })).state).toBe('withdrawn');
  });
});

describe('ninjs', () => {
  it('2.2 and 3.1 from the approved story validate against IPTC schemas, photos as associations with renditions', async () => {
    const story = await approvedSeedArticle(backend);
    const media = new Map<string, MediaItem>(story.photos.map((p) => [p.id, p]));
    const href = (ref: { mediaId: string }, w: number, f: string) => `https://news.example.com/photos/${ref.mediaId}/${w}.${f === 'jpeg' ? 'jpg' : 'webp'}`;
    const out = outgoingArticle({
      articleId: story.article.id,
      version: story.article.version,
      createdAt: story.article.createdAt,
      versionCreatedAt: story.article.updatedAt,
      fields: story.fields,
      newsroom: DEFAULT_SETTINGS.newsroom,
      photoSrc: (ref, w, f) => href(ref, w, f),
      media,
    });
    const v3 = ninjs3(out, href, { copyrightHolder: '포탈뉴스통신' });
    const v2 = ninjs2(out, href, { copyrightHolder: '포탈뉴스통신' });
    for (const [version, doc] of [
      ['3.1', v3],
      ['2.2', v2],
    ] as const) {
      const validate = validator(version);
      expect(validate(doc), `${version}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // 3.x is camelCase, 2.x lower case; `by` is a plain string in both.
    expect(v3).toMatchObject({ pubStatus: 'usable', firstCreated: story.article.createdAt, representationType: 'full', by: '김기자 기자', language: 'ko' });
    expect(v2).toMatchObject({ pubstatus: 'usable', firstcreated: story.article.createdAt, representationtype: 'full', by: '김기자 기자' });
    expect(v2).not.toHaveProperty('pubStatus');
    expect(JSON.stringify(v2)).not.toMatch(/"(contentType|sizeInBytes|charCount|infoSources|altIds)"/);
    const body = (v3.bodies as Array<{ contentType: string; value: string }>).find((b) => b.contentType === 'text/plain')!.value;
    expect(body.split('\n')).toEqual([seed.body[0], seed.body[1], ...seed.body.slice(2), seed.attributionLine]);
    const assoc = v3.associations as Array<Record<string, unknown>>;
    expect(assoc.map((a) => a.rel)).toEqual(['featureimage', 'inline']);
    expect(assoc[0]).toMatchObject({
      type: 'picture',
      descriptions: [
        { role: 'caption', value: story.lead.caption },
        { role: 'alt', value: story.lead.alt },
      ],
      infoSources: [{ name: story.lead.credit }],
    });
    expect((assoc[0]!.renditions as unknown[]).length).toBe(6);
    expect(v3.subjects).toEqual([
      { name: seed.section, rel: 'section', literal: seed.section },
      { name: '양자', rel: 'tag', literal: '양자' },
      { name: '한미협력', rel: 'tag', literal: '한미협력' },
    ]);
    expect(v3.infoSources).toEqual([{ name: seed.sourceAttribution, role: 'originator' }]);
  });
});

describe('publish targets', () => {
  it('stores the WordPress application password sealed, never returns it, and keeps the key file owner-only', async () => {
    const password = 'abcd EFGH ijkl MNOP qrst UVWX';
    const saved = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      kind: 'wordpress',
      name: '홈페이지',
      settings: { url: 'https://news.example.com', username: 'desk' },
      secret: password,
    });
    expect(saved).toMatchObject({ kind: 'wordpress', hasSecret: true, settings: { username: 'desk' } });
    expect(JSON.stringify(saved)).not.toContain(password);
    expect(JSON.stringify(await ok(backend, 'publish.targets', {}))).not.toContain(password);
    const rows = await backend.db.all<Record<string, unknown>>('SELECT * FROM publish_targets');
    expect(JSON.stringify(rows)).not.toContain(password);
    expect(JSON.stringify(rows)).not.toContain(Buffer.from(password).toString('base64'));
    expect(statSync(path.join(dataDir, SECRET_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    // Renaming keeps the stored password; a new target without one is refused.
    const renamed = await ok<PublishTarget>(backend, 'publish.saveTarget', {
      id: saved.id,
      kind: 'wordpress',
      name: '본사 홈페이지',
      settings: { url: 'https://news.example.com', username: 'desk' },
    });
    expect(renamed).toMatchObject({ name: '본사 홈페이지', hasSecret: true });
    const noPassword = (await backend.dispatch('publish.saveTarget', {
      kind: 'wordpress',
      name: 'x',
      settings: { url: 'https://x.example.com', username: 'desk' },
    })) as Result<unknown>;
    expect(noPassword).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const settings = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(password);
  });
});
