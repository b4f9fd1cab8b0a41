import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { ArticleService } from '../../electron/services/articles';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { editorStateFromParagraphs, emptyEditorState } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { AppError } from '../../shared/errors';
import { makeTempDir, removeTempDirs } from './support/temp';

const seed = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seed-article.json'), 'utf8')) as {
  headline: string;
  deck: string;
  section: string;
  body: string[];
};
const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
const MISSING = '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a';

let file: string;
let connections: Database[];
let db: Database;
let service: ArticleService;
let tick: number;

/** A clock that moves one second per call, so ordering never depends on the wall clock. */
const clock = () => new Date(Date.UTC(2025, 8, 23, 0, 0, tick++));

async function connect(): Promise<{ db: Database; service: ArticleService }> {
  const conn = await openDatabase(file);
  connections.push(conn);
  await migrate(conn);
  return { db: conn, service: new ArticleService({ repo: new ArticleRepository(conn), now: clock, defaultSection: () => 'IT/과학' }) };
}

function fields(overrides: Partial<ArticleFields> = {}): ArticleFields {
  return { headline: seed.headline, deck: seed.deck, section: seed.section, body: editorStateFromParagraphs(seed.body), ...DEFAULT_META, ...overrides };
}

async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

const revisionCount = async (id: string) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM revisions WHERE article_id = ?', [id]))!.n;

beforeEach(async () => {
  tick = 0;
  connections = [];
  file = path.join(makeTempDir('byline-articles-'), 'byline.sqlite3');
  ({ db, service } = await connect());
});

afterEach(async () => {
  for (const conn of connections) await conn.close().catch(() => undefined);
  removeTempDirs();
});

describe('ArticleService.create / get', () => {
  it('creates a draft at version 1 with an empty body and one revision', async () => {
    const article = await service.create({ headline: HEADLINE });
    expect(article).toMatchObject({ version: 1, state: 'draft', headline: HEADLINE, deck: '', section: 'IT/과학', archivedAt: null });
    expect(article.body).toEqual(emptyEditorState());
    expect(article.createdAt).toBe(article.updatedAt);
    expect(await service.revisions(article.id)).toEqual([{ articleId: article.id, version: 1, headline: HEADLINE, savedAt: article.createdAt }]);
    expect(await service.get(article.id)).toEqual(article);
  });

  it('takes the section from the defaultSection callback unless one is given', async () => {
    expect((await service.create({})).section).toBe('IT/과학');
    expect((await service.create({ section: '경제' })).section).toBe('경제');
    const bare = new ArticleService({ repo: new ArticleRepository(db) });
    const article = await bare.create({});
    expect(article.section).toBe('');
    expect(article.headline).toBe('');
    expect(article.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the injected id generator', async () => {
    const fixed = new ArticleService({ repo: new ArticleRepository(db), newId: () => MISSING });
    expect((await fixed.create({})).id).toBe(MISSING);
  });

  it('reports NOT_FOUND for get, save, archive and revisions of an unknown id', async () => {
    expect((await failure(service.get(MISSING))).code).toBe('NOT_FOUND');
    expect((await failure(service.save({ id: MISSING, baseVersion: 1, fields: fields() }))).code).toBe('NOT_FOUND');
    expect((await failure(service.archive({ id: MISSING, baseVersion: 1, archived: true }))).code).toBe('NOT_FOUND');
    expect((await failure(service.revisions(MISSING))).code).toBe('NOT_FOUND');
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM revisions'))!.n).toBe(0);
  });
});

describe('ArticleService.save', () => {
  it('increments the version and appends a revision for every save, newest first', async () => {
    const created = await service.create({});
    let current = created;
    for (let i = 1; i <= 5; i += 1) {
      current = await service.save({ id: created.id, baseVersion: current.version, fields: fields({ headline: `${HEADLINE} (${i}보)` }) });
      expect(current.version).toBe(i + 1);
    }
    expect(current.createdAt).toBe(created.createdAt);
    expect(current.updatedAt > created.updatedAt).toBe(true);
    const revisions = await service.revisions(created.id);
    expect(revisions.map((r) => r.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(revisions[0]!.headline).toBe(`${HEADLINE} (5보)`);
    expect(revisions[5]!.headline).toBe('');
    expect(await service.get(created.id)).toEqual(current);
  });

  it('refuses a stale baseVersion with CONFLICT and writes nothing', async () => {
    const created = await service.create({});
    const saved = await service.save({ id: created.id, baseVersion: 1, fields: fields() });
    const countBefore = await revisionCount(created.id);
    const err = await failure(service.save({ id: created.id, baseVersion: 1, fields: fields({ headline: '덮어쓰면 안 되는 제목' }) }));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ currentVersion: 2, baseVersion: 1 });
    expect(await service.get(created.id)).toEqual(saved);
    expect(await revisionCount(created.id)).toBe(countBefore);
  });

  it('refuses a baseVersion from the future with CONFLICT too', async () => {
    const created = await service.create({});
    const err = await failure(service.save({ id: created.id, baseVersion: 9, fields: fields() }));
    expect(err.code).toBe('CONFLICT');
    expect(err.details?.currentVersion).toBe(1);
    expect(await service.get(created.id)).toEqual(created);
  });

  it('lets exactly one of two concurrent saves on one connection win', async () => {
    const created = await service.create({});
    const results = await Promise.allSettled([
      service.save({ id: created.id, baseVersion: 1, fields: fields({ headline: '차장 수정본' }) }),
      service.save({ id: created.id, baseVersion: 1, fields: fields({ headline: '부장 수정본' }) }),
    ]);
    await expectOneWinner(created.id, results);
  });

  it('lets exactly one of two concurrent saves on two connections to one file win', async () => {
    const created = await service.create({});
    const other = await connect();
    const results = await Promise.allSettled([
      service.save({ id: created.id, baseVersion: 1, fields: fields({ headline: '차장 수정본' }) }),
      other.service.save({ id: created.id, baseVersion: 1, fields: fields({ headline: '부장 수정본' }) }),
    ]);
    await expectOneWinner(created.id, results);
  });

  it('stores a 20,000-character Korean body exactly and counts it', async () => {
    const paragraphs: string[] = [];
    for (let total = 0, i = 0; total < 20_000; i += 1) {
      const p = seed.body[i % seed.body.length]!.slice(0, 20_000 - total);
      paragraphs.push(p);
      total += p.length;
    }
    const body = editorStateFromParagraphs(paragraphs);
    const created = await service.create({});
    const saved = await service.save({ id: created.id, baseVersion: 1, fields: fields({ body }) });
    const loaded = await service.get(created.id);
    expect(loaded.body).toEqual(body);
    expect(JSON.stringify(loaded.body)).toBe(JSON.stringify(body));
    expect(editorStateToText(loaded.body)).toBe(paragraphs.join('\n'));
    expect(loaded).toEqual(saved);
    const expected = paragraphs.reduce((n, p) => n + countCharacters(p).withSpaces, 0);
    expect(expected).toBe(20_000);
    const { items } = await service.list({ includeArchived: false, limit: 10, offset: 0 });
    expect(items.find((s) => s.id === created.id)?.characters).toBe(expected);
  });
});

async function expectOneWinner(id: string, results: PromiseSettledResult<unknown>[]): Promise<void> {
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect((lost[0]!.reason as AppError).code).toBe('CONFLICT');
  const stored = await service.get(id);
  expect(stored.version).toBe(2);
  expect(stored).toEqual((won[0] as PromiseFulfilledResult<unknown>).value);
  expect(await revisionCount(id)).toBe(2);
}

describe('ArticleService.archive', () => {
  it('hides an archived story from the list unless includeArchived, and brings it back', async () => {
    const keep = await service.create({ headline: '남길 기사' });
    const gone = await service.create({ headline: HEADLINE });
    const archived = await service.archive({ id: gone.id, baseVersion: 1, archived: true });
    expect(archived.version).toBe(2);
    expect(archived.archivedAt).not.toBeNull();

    const live = await service.list({ includeArchived: false, limit: 100, offset: 0 });
    expect(live.items.map((i) => i.id)).toEqual([keep.id]);
    expect(live.total).toBe(1);
    const all = await service.list({ includeArchived: true, limit: 100, offset: 0 });
    expect(all.items.map((i) => i.id).sort()).toEqual([keep.id, gone.id].sort());
    expect(all.total).toBe(2);
    expect(all.items.find((i) => i.id === gone.id)?.archivedAt).toBe(archived.archivedAt);

    const restored = await service.archive({ id: gone.id, baseVersion: 2, archived: false });
    expect(restored.archivedAt).toBeNull();
    expect(restored.version).toBe(3);
    expect((await service.list({ includeArchived: false, limit: 100, offset: 0 })).total).toBe(2);
    expect((await service.revisions(gone.id)).map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it('refuses a stale archive with CONFLICT', async () => {
    const created = await service.create({});
    await service.save({ id: created.id, baseVersion: 1, fields: fields() });
    const err = await failure(service.archive({ id: created.id, baseVersion: 1, archived: true }));
    expect(err.code).toBe('CONFLICT');
    expect((await service.get(created.id)).archivedAt).toBeNull();
  });
});

describe('ArticleService.list', () => {
  it('orders newest-updated first and pages with limit/offset and total', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await service.create({ headline: `기사 ${i}` })).id);
    // Saving the oldest moves it to the top.
    await service.save({ id: ids[0]!, baseVersion: 1, fields: fields({ headline: '기사 0 (수정)' }) });
    const expected = [ids[0]!, ...ids.slice(1).reverse()];

    const all = await service.list({ includeArchived: false, limit: 100, offset: 0 });
    expect(all.items.map((i) => i.id)).toEqual(expected);
    expect(all.total).toBe(7);

    const page2 = await service.list({ includeArchived: false, limit: 3, offset: 3 });
    expect(page2.items.map((i) => i.id)).toEqual(expected.slice(3, 6));
    expect(page2.total).toBe(7);
    const past = await service.list({ includeArchived: false, limit: 3, offset: 10 });
    expect(past).toEqual({ items: [], total: 7 });
  });

  it('computes characters and excerpt from the body', async () => {
    const paragraphs = ['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 🇰🇷 미국 뉴욕을 방문했다.', seed.body[1]!, seed.body[2]!];
    const created = await service.create({});
    await service.save({ id: created.id, baseVersion: 1, fields: fields({ body: editorStateFromParagraphs(paragraphs) }) });
    const [summary] = (await service.list({ includeArchived: false, limit: 1, offset: 0 })).items;
    const text = paragraphs.join('\n');
    expect(summary!.characters).toBe(countCharacters(text).withSpaces);
    expect(summary!.characters).toBe(paragraphs.reduce((n, p) => n + countCharacters(p).withSpaces, 0));
    expect(text.startsWith(summary!.excerpt)).toBe(true);
    expect(summary!.excerpt.startsWith('(포탈뉴스통신)')).toBe(true);
    expect(Array.from(summary!.excerpt)).toHaveLength(120);
    expect(summary).toMatchObject({ headline: seed.headline, section: seed.section, version: 2, state: 'draft' });
  });

  it('gives a blank story zero characters and an empty excerpt', async () => {
    await service.create({});
    const [summary] = (await service.list({ includeArchived: false, limit: 1, offset: 0 })).items;
    expect(summary).toMatchObject({ characters: 0, excerpt: '' });
  });
});

describe('persistence', () => {
  it('keeps stories, versions and revisions across a close and reopen of the file', async () => {
    const a = await service.create({ headline: HEADLINE });
    const savedA = await service.save({ id: a.id, baseVersion: 1, fields: fields() });
    const b = await service.create({ headline: '보관할 기사' });
    const archivedB = await service.archive({ id: b.id, baseVersion: 1, archived: true });
    const listBefore = await service.list({ includeArchived: true, limit: 100, offset: 0 });
    const revisionsBefore = await service.revisions(a.id);
    await db.close();
    connections = connections.filter((c) => c !== db);

    ({ db, service } = await connect());
    expect(await service.get(a.id)).toEqual(savedA);
    expect(await service.get(b.id)).toEqual(archivedB);
    expect(await service.list({ includeArchived: true, limit: 100, offset: 0 })).toEqual(listBefore);
    expect(await service.revisions(a.id)).toEqual(revisionsBefore);
    const next = await service.save({ id: a.id, baseVersion: 2, fields: fields({ headline: `${HEADLINE} (종합)` }) });
    expect(next.version).toBe(3);
  });
});
