import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { rebuildSearchIndexIfNeeded, TOKENIZER_VERSION } from '../../electron/db/search/article-index';
import { pgIndexText, toTsQuery } from '../../electron/db/search/pg-query';
import { pgArticleSearch } from '../../electron/db/search/pg-sql';
import { SearchRepository } from '../../electron/db/search/search-repo';
import { openStorage } from '../../electron/host/open-storage';
import { ArticleService } from '../../electron/services/articles';
import { SearchService } from '../../electron/services/search';
import { fieldsOf } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { matchExpression, parseSearchQuery } from '../../shared/korean-tokens';
import { SearchQuery } from '../../shared/search';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

const COLUMNS = { headline: 'A', singles: 'D', facets: 'D' } as const;
const asked = (text: string) => toTsQuery(matchExpression(parseSearchQuery(text)), COLUMNS, new Set(['facets']));

describe('the FTS5 expression as a tsquery', () => {
  it('turns bigram phrases into <->, a trailing syllable into a prefix, one syllable into prefix-or-single', () => {
    expect(asked('장관').match).toBe("'장관'");
    expect(asked('장관은').match).toBe("('장관' <-> '관은')");
    expect(asked('2025년').match).toBe("('2025' <-> '년':*)");
    expect(asked('훈').match).toBe("('훈':* | '훈':D)");
    expect(asked('장관 "출근길 빙판"').match).toBe("('장관' & ('출근' <-> '근길' <-> '빙판'))");
  });

  it('keeps operators the user typed as words, and quotes what tsquery would read', () => {
    expect(asked('장관 OR 날씨').match).toBe("('장관' & 'or' & '날씨')");
    expect(asked("it's").match).toBe("('it' <-> 's')");
  });

  it('reads AND, OR, NOT and column filters as FTS5 binds them, and ranks only the words a row must hold', () => {
    const q = toTsQuery('("양자") AND facets : "fsecx41" NOT facets : "farchx31"', COLUMNS, new Set(['facets']));
    expect(q.match).toBe("('양자' & ('fsecx41':D & !'farchx31':D))");
    expect(q.rank).toBe("'양자'");
    expect(toTsQuery('"a" OR "b" AND "c"', COLUMNS).match).toBe("('a' | ('b' & 'c'))");
    expect(() => toTsQuery('nowhere : "a"', COLUMNS)).toThrow(/unknown column/);
  });

  it('says what the GIN index answers without a recheck: phrases as their words, no column weights, NOT as asked', () => {
    expect(asked('장관').loose).toBe("'장관'");
    expect(asked('장관은').loose).toBe("('장관' & '관은')");
    expect(asked('2025년').loose).toBe("('2025' & '년':*)");
    expect(asked('훈').loose).toBe("('훈':* | '훈')");
    const q = toTsQuery('("인공 지능") AND headline : "장관" NOT headline : "출근 길"', COLUMNS);
    expect(q.match).toBe("(('인공' <-> '지능') & ('장관':A & !('출근':A <-> '길':A)))");
    // A negated phrase or weight is kept: loosened, it would leave out rows that match.
    expect(q.loose).toBe("(('인공' & '지능') & ('장관' & !('출근':A <-> '길':A)))");
  });

  it('asks the story index for filters at any weight, so that a filtered word needs no recheck', () => {
    const [match, rank, loose] = pgArticleSearch.params('("양자") AND facets : "fsecx41" NOT facets : "farchx31"');
    expect(match).toBe("('양자' & ('fsecx41' & !'farchx31'))");
    expect(loose).toBe(match);
    expect(rank).toBe("'양자'");
  });

  it('splits stored text where FTS5 does: e-mail addresses, file names, decimals; folds case and accents', () => {
    expect(pgIndexText('Hong@Example.com photo-1.jpg 3.5 Café')).toBe('hong example com photo 1 jpg 3 5 cafe');
    expect(pgIndexText(' 장관 관은 ')).toBe('장관 관은');
  });
});

describe.skipIf(!PG_URL)(`the story index on a shared PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(async () => {
    await cleanUpPg();
    removeTempDirs();
  });

  async function stories(db: PgDatabase, headlines: string[]): Promise<void> {
    const articles = new ArticleService({ repo: new ArticleRepository(db), now: () => new Date() });
    for (const headline of headlines) {
      const created = await articles.create({ headline });
      await articles.save({
        id: created.id,
        baseVersion: created.version,
        fields: { ...fieldsOf(created), body: editorStateFromParagraphs([`${headline} 본문`]) },
      });
    }
  }

  it('ranks in blocks of the newest matches and counts them, in one statement or by a second walk, as on SQLite', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await stories(db, ['수출 하나', '수출 둘', '수출 셋', '수출 넷', '수출 다섯', '금리 하나', '금리 둘']);
    // A block of 3: the first page of 금리 (2 matches) is counted by its own ranking, 수출 (5) by a second walk.
    const windowed = new SearchService(new SearchRepository(db, 10_000, 3));
    const page = (text: string, offset: number, limit: number) => windowed.search(SearchQuery.parse({ text, offset, limit }));
    expect(await page('금리', 0, 2)).toMatchObject({ total: 2, totalIsLowerBound: false });
    const first = await page('수출', 0, 3);
    expect(first).toMatchObject({ total: 5, totalIsLowerBound: false });
    // The first block is the three newest; the next page reaches into the older block, without repeats.
    expect(first.items.map((h) => h.headline).sort()).toEqual(['수출 넷', '수출 다섯', '수출 셋'].sort());
    const second = await page('수출', 3, 3);
    expect(second).toMatchObject({ total: 5, totalIsLowerBound: false });
    expect(new Set([...first.items, ...second.items].map((h) => h.id)).size).toBe(5);
    expect(await page('수출', 10, 3)).toEqual({ items: [], total: 5, totalIsLowerBound: false, totalIsEstimate: false });
    const capped = new SearchService(new SearchRepository(db, 4, 3));
    expect(await capped.search(SearchQuery.parse({ text: '수출', limit: 2 }))).toMatchObject({ total: 4, totalIsLowerBound: true });
  });

  it('finds a phrase among newer stories that hold its words apart, ranked and counted through the GIN index', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await stories(db, ['양자 기술 협력', '기술 분야 양자 연구', '기술 양자 장비', '양자 기술 예산']);
    // Blocks of 1: the newest match must be looked for past the newest candidates, which hold both words apart.
    const search = (text: string, rankWindow: number, countCap = 10_000) =>
      new SearchService(new SearchRepository(db, countCap, rankWindow)).search(SearchQuery.parse({ text, limit: 10 }));
    for (const window of [1, 1_000]) {
      const found = await search('"양자 기술"', window);
      expect(found).toMatchObject({ total: 2, totalIsLowerBound: false });
      expect(found.items.map((h) => h.headline).sort()).toEqual(['양자 기술 예산', '양자 기술 협력']);
    }
    expect((await search('"양자 기술"', 1)).items[0]!.headline).toBe('양자 기술 예산');
    expect(await search('"양자 기술"', 1, 1)).toMatchObject({ total: 1, totalIsLowerBound: true });
    expect((await search('양자 기술', 1_000)).total).toBe(4);
  });

  it('estimates the count of a phrase from the share of candidates that matched, when many are left unchecked, and says so', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await stories(db, ['양자 기술 하나', '기술 양자 가', '양자 기술 둘', '기술 양자 나', '양자 기술 셋', '양자 기술 넷']);
    // One page of the newest block: the statement that ranks the block counts it.
    const search = (rest: number) =>
      new SearchService(new SearchRepository(db, 10_000, 2, undefined, rest)).search(SearchQuery.parse({ text: '"양자 기술"', limit: 2 }));
    // The block of 2 is the two newest stories, both matches: 6 candidates at a share of 2 in 2.
    const estimated = await search(0);
    expect(estimated).toMatchObject({ total: 6, totalIsEstimate: true, totalIsLowerBound: false });
    expect(estimated.items.map((h) => h.headline).sort()).toEqual(['양자 기술 넷', '양자 기술 셋']);
    // With the 4 left within reach, they are checked: the two older stories that hold the words apart do not count.
    expect(await search(4)).toMatchObject({ total: 4, totalIsEstimate: false });
    // A word the index answers alone is counted, never estimated.
    expect(await new SearchService(new SearchRepository(db, 10_000, 2, undefined, 0)).search(SearchQuery.parse({ text: '양자', limit: 2 }))).toMatchObject({
      total: 6,
      totalIsEstimate: false,
    });
  });

  it('narrows a filtered search without reordering it: the section is matched, not ranked', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    const articles = new ArticleService({ repo: new ArticleRepository(db), now: () => new Date() });
    // Bodies of different lengths and counts of the word, in two sections, so that ranking has something to order.
    for (let i = 0; i < 8; i += 1) {
      const created = await articles.create({ headline: `보도 ${i}` });
      const body = [`${'장관 '.repeat(1 + (i % 3))}발언`, '회의 내용 '.repeat(1 + ((i * 5) % 7))];
      await articles.save({
        id: created.id,
        baseVersion: created.version,
        fields: { ...fieldsOf(created), section: i % 2 ? '정치' : 'IT/과학', body: editorStateFromParagraphs(body) },
      });
    }
    const search = new SearchService(new SearchRepository(db));
    const all = await search.search(SearchQuery.parse({ text: '장관', limit: 50 }));
    expect(all.total).toBe(8);
    const filtered = await search.search(SearchQuery.parse({ text: '장관', section: 'IT/과학', limit: 50 }));
    expect(filtered.total).toBe(4);
    expect(filtered.items.map((h) => h.id)).toEqual(all.items.filter((h) => h.section === 'IT/과학').map((h) => h.id));
  });

  it('is rebuilt once when several workstations start at once; the others find it current', async () => {
    const schema = schemaName();
    const first = await openTestPg(schema, { migrated: true });
    await stories(first, ['국회 예산 심사', '양자 협력', '브룩헤이븐 연구소']);
    await first.exec('DELETE FROM article_search; DELETE FROM search_index_state; DELETE FROM media_search_state;');
    const others = await Promise.all([openTestPg(schema), openTestPg(schema)]);
    const results = await Promise.all([first, ...others].map((db) => rebuildSearchIndexIfNeeded(db, 1)));
    expect(results.filter((r) => r.rebuilt)).toEqual([{ rebuilt: true, rows: 3, media: { rebuilt: true, rows: 0 } }]);
    expect((await first.get<{ n: number }>('SELECT count(*) AS n FROM article_search'))!.n).toBe(3);
    const search = new SearchService(new SearchRepository(others[0]!));
    expect((await search.search(SearchQuery.parse({ text: '브룩헤이븐' }))).items.map((h) => h.headline)).toEqual(['브룩헤이븐 연구소']);
  });

  it('leaves a rebuilt index vacuumed and analysed, so searches read the index proper with fresh statistics', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await stories(db, ['국회 예산 심사', '양자 협력', '브룩헤이븐 연구소']);
    await db.exec('DELETE FROM search_index_state');
    const counted = () => db.get<{ n: number }>("SELECT reltuples::int AS n FROM pg_class WHERE oid = 'article_search'::regclass");
    // -1: never vacuumed nor analysed (three rows are far below autovacuum's threshold).
    expect(await counted()).toEqual({ n: -1 });
    await rebuildSearchIndexIfNeeded(db);
    expect(await counted()).toEqual({ n: 3 });
  });

  it('pages the 내 기사 queue in the order of an index, not by sorting every live story', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    await stories(db, ['첫 기사', '둘째 기사']);
    const plan = await db.session(async (s) => {
      // Too few rows for the planner to prefer an index on its own: what matters is whether one gives the order.
      await s.exec('SET enable_seqscan = off');
      const rows = await s.all<{ 'QUERY PLAN': string }>(
        'EXPLAIN SELECT id FROM articles WHERE archived_at IS NULL ORDER BY updated_at DESC, id LIMIT 100 OFFSET 100',
      );
      await s.exec('RESET enable_seqscan');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('articles_live_queue');
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('is brought up to date when the backend opens the database', async () => {
    const schema = schemaName();
    const db = await openTestPg(schema, { migrated: true });
    await stories(db, ['재색인 시험']);
    await db.exec('DELETE FROM article_search; DELETE FROM search_index_state;');
    const opened = await openStorage({ engine: 'postgres', url: PG_URL!, schema }, makeTempDir('byline-pg-search-'));
    try {
      expect(await opened.db.get<{ v: number }>('SELECT tokenizer_version AS v FROM search_index_state')).toEqual({ v: TOKENIZER_VERSION });
      expect((await new SearchService(new SearchRepository(opened.db)).search(SearchQuery.parse({ text: '재색인' }))).total).toBe(1);
    } finally {
      await opened.db.close();
    }
  });
});
