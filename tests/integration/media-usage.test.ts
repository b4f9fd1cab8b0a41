import { readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaRepository } from '../../electron/db/media-repo';
import type { Backend } from '../../electron/host/bootstrap';
import { MediaFileStore } from '../../electron/media/file-store';
import { MediaService } from '../../electron/services/media';
import { DEFAULT_META, fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import type { MediaItem, MediaUsage, PhotoRef } from '../../shared/media';
import type { Settings } from '../../shared/settings';
import { startTestBackend } from './support/backend';
import { IPTC, newsPhoto } from './support/images';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * Which stories use a photo: the articles repository keeps media_usage in step with every save (lead
 * photo, photo blocks, gallery items), and media.usage answers from it. And what leaves Byline: an
 * exported photo carries the library's texts and, unless settings keep it, no GPS.
 */

let dataDir: string;
let backend: Backend;

beforeEach(async () => {
  dataDir = makeTempDir('byline-media-usage-');
  ({ backend } = await startTestBackend(dataDir));
});

afterEach(async () => {
  await backend.close().catch(() => undefined);
  removeTempDirs();
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function photo(seed: number, caption = `사진 ${seed}`): Promise<PhotoRef> {
  const data = await newsPhoto({
    width: 640,
    height: 480,
    seed,
    iptc: [
      [IPTC.caption, caption],
      [IPTC.credit, '포탈뉴스통신'],
    ],
  });
  const { item } = await ok<{ item: MediaItem }>('media.import', { fileName: `${seed}.jpg`, data: new Uint8Array(data) });
  return { mediaId: item.id, caption: item.caption, credit: item.credit, alt: `대체 텍스트 ${seed}` };
}

/** A body as the editor saves it: paragraphs, a photo block, a gallery, and a node type this build does not know. */
function bodyWith(blocks: { photo?: PhotoRef; gallery?: PhotoRef[] }): ArticleFields['body'] {
  const body = editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', '둘째 문단']);
  const children = [...body.root.children];
  if (blocks.photo) children.splice(1, 0, { type: 'photo', version: 1, ...blocks.photo });
  if (blocks.gallery) children.push({ type: 'gallery', version: 1, items: blocks.gallery });
  children.push({ type: 'youtube', version: 1, videoID: 'x' });
  return { root: { ...body.root, children } };
}

async function story(headline: string): Promise<Article> {
  return ok<Article>('articles.create', { headline });
}

async function save(article: Article, patch: Partial<ArticleFields>): Promise<Article> {
  return ok<Article>('articles.save', { id: article.id, baseVersion: article.version, fields: { ...fieldsOf(article), ...patch } });
}

const usage = (ref: PhotoRef) => ok<MediaUsage[]>('media.usage', { id: ref.mediaId });

describe('media usage', () => {
  it('records the lead photo, photo blocks and gallery items of a saved story, and keeps the lead photo in the story and its revisions', async () => {
    const [a, b, c] = [await photo(1, '배경훈 장관'), await photo(2), await photo(3)];
    const article = await story('과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진');
    const saved = await save(article, { leadPhoto: a, body: bodyWith({ photo: b, gallery: [a, c] }) });

    expect(await usage(a)).toEqual([
      { articleId: article.id, headline: saved.headline, state: 'draft', roles: ['lead', 'gallery'], updatedAt: saved.updatedAt },
    ]);
    expect((await usage(b)).map((u) => u.roles)).toEqual([['body']]);
    expect((await usage(c)).map((u) => u.roles)).toEqual([['gallery']]);

    expect((await ok<Article>('articles.get', { id: article.id })).leadPhoto).toEqual(a);
    const revision = await ok<{ fields: ArticleFields }>('articles.revision', { id: article.id, version: saved.version });
    expect(revision.fields.leadPhoto).toEqual(a);
    const first = await ok<{ fields: ArticleFields }>('articles.revision', { id: article.id, version: 1 });
    expect(first.fields.leadPhoto).toBeNull();
  });

  it('lists every story that uses a photo, most recently saved first, and forgets a story that dropped it', async () => {
    const p = await photo(4);
    const first = await save(await story('첫 기사'), { body: bodyWith({ photo: p }) });
    const second = await save(await story('둘째 기사'), { leadPhoto: p });
    expect((await usage(p)).map((u) => [u.headline, u.roles])).toEqual([
      ['둘째 기사', ['lead']],
      ['첫 기사', ['body']],
    ]);

    await save(first, { body: editorStateFromParagraphs(['사진을 뺀 본문']) });
    expect((await usage(p)).map((u) => u.articleId)).toEqual([second.id]);
    const archived = await ok<Article>('articles.archive', { id: second.id, baseVersion: second.version });
    expect((await usage(p)).map((u) => u.articleId)).toEqual([archived.id]);
    await save(archived, { leadPhoto: null });
    expect(await usage(p)).toEqual([]);
  });

  it('counts a photo a story shows twice in one place once, and answers for a photo this library does not hold', async () => {
    const p = await photo(5);
    const stranger: PhotoRef = { mediaId: 'f'.repeat(64), caption: '다른 컴퓨터의 사진', credit: '', alt: '' };
    const article = await save(await story('사진 기사'), { body: bodyWith({ photo: stranger, gallery: [p, p] }) });
    expect((await usage(p)).map((u) => u.roles)).toEqual([['gallery']]);
    expect((await usage(stranger)).map((u) => u.articleId)).toEqual([article.id]);
    expect(await ok<MediaUsage[]>('media.usage', { id: 'e'.repeat(64) })).toEqual([]);
    const rows = await backend.db.all<{ n: number }>('SELECT count(*) AS n FROM media_usage WHERE article_id = ?', [article.id]);
    expect(rows[0]!.n).toBe(2);
  });

  it('writes nothing to media_usage for a stale save', async () => {
    const p = await photo(6);
    const article = await story('충돌');
    await save(article, { headline: '먼저 저장' });
    const stale = (await backend.dispatch('articles.save', {
      id: article.id,
      baseVersion: 1,
      fields: { ...fieldsOf(article), leadPhoto: p },
    })) as Result<Article>;
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await usage(p)).toEqual([]);
  });

  it('keeps a story created with a lead photo in the fields it started with', async () => {
    const p = await photo(7);
    const article = await story('새 기사');
    expect(article.leadPhoto).toBeNull();
    const saved = await save(article, { ...DEFAULT_META, leadPhoto: { ...p, caption: '이 기사만의 설명' } });
    expect(saved.leadPhoto).toEqual({ ...p, caption: '이 기사만의 설명' });
  });
});

describe('exported photos', () => {
  async function exported(keepGps: boolean): Promise<{ file: Buffer; item: MediaItem }> {
    const data = await newsPhoto({
      width: 1200,
      height: 800,
      seed: 21,
      orientation: 6,
      gps: { latitude: 37.5665, longitude: 126.978 },
      iptc: [
        [IPTC.caption, '현장 사진'],
        [IPTC.credit, '포탈뉴스통신'],
      ],
    });
    const { item } = await ok<{ item: MediaItem }>('media.import', { fileName: 'field.jpg', data: new Uint8Array(data) });
    await ok('media.update', { id: item.id, caption: '데스크가 고친 설명' });
    await ok<Settings>('settings.set', { media: { keepGpsOnExport: keepGps } });
    const service = new MediaService({
      repo: new MediaRepository(backend.db),
      files: new MediaFileStore(path.join(dataDir, 'media')),
      keepGpsOnExport: async () => (await backend.settings.get()).media.keepGpsOnExport,
    });
    return { file: await service.exportPhoto(item.id, { maxWidth: 800 }), item };
  }

  it('carries the library caption and credit, upright, without the camera EXIF or GPS by default', async () => {
    const { file, item } = await exported(false);
    const meta = await sharp(file).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 800, 1200]);
    expect(meta.orientation).toBeUndefined();
    const tags = await exifr.parse(file, { xmp: true, gps: true, mergeOutput: false });
    expect(tags.dc.description).toMatchObject({ value: '데스크가 고친 설명' });
    expect(tags.photoshop.Credit).toBe('포탈뉴스통신');
    expect(tags.gps).toBeUndefined();
    expect(file.includes(Buffer.from('SN-0042'))).toBe(false);
    // The original in the data folder is untouched: the export is a copy.
    const original = readFileSync(path.join(dataDir, 'media', item.id, 'original.jpg'));
    expect(await exifr.gps(original)).toBeDefined();
  });

  it('keeps the GPS position when settings say so', async () => {
    const { file } = await exported(true);
    const gps = await exifr.gps(file);
    expect(gps.latitude).toBeCloseTo(37.5665, 3);
    expect(gps.longitude).toBeCloseTo(126.978, 3);
  });

  it('refuses to export a photo that is not in the library', async () => {
    const service = new MediaService({ repo: new MediaRepository(backend.db), files: new MediaFileStore(path.join(dataDir, 'media')) });
    await expect(service.exportPhoto('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
