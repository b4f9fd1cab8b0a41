import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { rebuildSearchIndexIfNeeded } from '../../electron/db/search/article-index';
import { ArchiveShare } from '../../electron/db/search/facets';
import { SearchRepository } from '../../electron/db/search/search-repo';
import { ArticleService } from '../../electron/services/articles';
import { SearchService } from '../../electron/services/search';
import { DEFAULT_META, fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { SearchQuery } from '../../shared/search';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/** The same cases on both engines: SQLite's FTS5 index and PostgreSQL's tsvector one must find the same stories. */
const ENGINES = [
  { engine: 'sqlite', skip: false },
  { engine: 'postgres', skip: !PG_URL },
] as const;

async function openMigrated(engine: (typeof ENGINES)[number]['engine']): Promise<Database> {
  if (engine === 'postgres') return openTestPg(undefined, { migrated: true });
  const db = await openDatabase(path.join(makeTempDir('byline-search-'), 'byline.sqlite3'));
  await migrate(db);
  return db;
}

// Skipped, with the reason in its name, where no PostgreSQL is given.
for (const { engine, skip } of ENGINES)
  describe.skipIf(skip)(`search on ${engine}${skip ? ` (${PG_SKIP_NOTE})` : ''}`, () => {
    let db: Database;
    let articles: ArticleService;
    let search: SearchService;
    let tick = 0;
    const clock = () => new Date(Date.UTC(2025, 8, 1, 0, 0, tick++));

    beforeEach(async () => {
      tick = 0;
      db = await openMigrated(engine);
      articles = new ArticleService({ repo: new ArticleRepository(db), now: clock });
      search = new SearchService(new SearchRepository(db));
    });

    afterEach(async () => {
      if (engine === 'postgres') await cleanUpPg();
      else await db.close();
      removeTempDirs();
    });

    async function story(headline: string, body: string[], extra: Partial<ArticleFields> = {}): Promise<Article> {
      const created = await articles.create({ headline });
      return articles.save({ id: created.id, baseVersion: created.version, fields: { ...fieldsOf(created), body: editorStateFromParagraphs(body), ...extra } });
    }

    const find = async (text: string, extra: Partial<SearchQuery> = {}) => search.search(SearchQuery.parse({ text, ...extra }));
    const headlines = async (text: string, extra: Partial<SearchQuery> = {}) => (await find(text, extra)).items.map((h) => h.headline).sort();

    describe('Korean matching from the index', () => {
      beforeEach(async () => {
        await story('장관 방미', ['과학기술정보통신부 배경훈 장관은 뉴욕을 방문했다.']);
        await story('차관 브리핑', ['차관이 기자회견을 열었다. 부장관급 회담도 있었다.']);
        await story('양자 협력', ['IBM과 양자컴퓨터 기반 시설 구축에 합의했다. 2025년은 양자과학의 해이다.']);
        await story('날씨', ['서울 아침 최저 영하 5도, 출근길 빙판 주의.']);
      });

      it('finds a two-syllable word inside longer words and before particles (장관은, 부장관급)', async () => {
        expect(await headlines('장관')).toEqual(['장관 방미', '차관 브리핑']);
        expect(await headlines('장관은')).toEqual(['장관 방미']);
        expect(await headlines('양자')).toEqual(['양자 협력']);
      });

      it('finds one syllable wherever it stands in a word, first or last', async () => {
        expect(await headlines('훈')).toEqual(['장관 방미']); // last syllable of 배경훈
        expect(await headlines('빙')).toEqual(['날씨']); // first syllable of 빙판
      });

      it('matches longer words as written, not as scattered syllables', async () => {
        expect(await headlines('기자회견')).toEqual(['차관 브리핑']);
        expect(await headlines('기자견회')).toEqual([]);
        expect(await headlines('브리핑')).toEqual(['차관 브리핑']);
      });

      it('handles English words (any case), numbers and mixed Korean-English text', async () => {
        expect(await headlines('ibm')).toEqual(['양자 협력']);
        expect(await headlines('IBM과')).toEqual(['양자 협력']);
        expect(await headlines('2025년')).toEqual(['양자 협력']);
        expect(await headlines('2024년')).toEqual([]);
        expect(await headlines('5도')).toEqual(['날씨']);
      });

      it('requires every word, and a quoted phrase in its order', async () => {
        expect(await headlines('장관 뉴욕')).toEqual(['장관 방미']);
        expect(await headlines('장관 빙판')).toEqual([]);
        expect(await headlines('"출근길 빙판"')).toEqual(['날씨']);
        expect(await headlines('"빙판 출근길"')).toEqual([]);
      });

      it('treats FTS5 operators and column filters typed by the user as plain words', async () => {
        for (const q of ['장관 OR 날씨', 'headline:장관', '"unbalanced', 'NEAR(장관 차관)', '*', '장관 -날씨', "'; DROP TABLE articles; --"]) {
          await expect(find(q)).resolves.toBeDefined();
        }
        expect(await headlines('장관 OR 날씨')).toEqual([]);
        expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n).toBe(4);
      });

      it('marks the matches in a snippet of the body', async () => {
        const [hit] = (await find('장관')).items.filter((h) => h.headline === '장관 방미');
        expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e))).toEqual(['장관']);
      });
    });

    describe('ranking, filters and sorting', () => {
      it('ranks a headline match above a passing mention deep in the body', async () => {
        await story('국회 예산 심사', ['여야가 내년도 나라 살림을 두고 맞섰다.', '위원회가 열렸다.']);
        await story('지역 축제 개막', ['축제가 열렸다.', '한편 국회에서는 다른 논의가 있었다.']);
        const hits = (await find('국회')).items.map((h) => h.headline);
        expect(hits).toEqual(['국회 예산 심사', '지역 축제 개막']);
      });

      it('combines the query with section, state, author, tag and dates; sorts by date on request', async () => {
        const hong = [{ name: '홍길동', title: '기자', email: 'hong@example.com' }];
        const a = await story('양자 한미 협력', ['양자 기술 협력'], { section: 'IT/과학', bylines: hong, tags: ['양자'] });
        const b = await story('양자 예산 증액', ['양자 예산'], { section: '경제', tags: ['예산'] });
        expect((await find('양자')).total).toBe(2);
        expect(await headlines('양자', { section: 'IT/과학' })).toEqual([a.headline]);
        expect(await headlines('양자', { author: '홍길동' })).toEqual([a.headline]);
        expect(await headlines('양자', { tag: '예산' })).toEqual([b.headline]);
        expect(await headlines('양자', { state: 'approved' })).toEqual([]);
        expect(await headlines('양자', { from: b.updatedAt })).toEqual([b.headline]);
        expect((await find('양자', { sort: 'date' })).items.map((h) => h.headline)).toEqual([b.headline, a.headline]);
        expect((await find('', { section: '경제' })).items.map((h) => h.headline)).toEqual([b.headline]);
        expect(await headlines('', { author: '홍길동' })).toEqual([a.headline]);
        expect(await headlines('', { tag: '예산' })).toEqual([b.headline]);
      });

      it('filters by whether a story shows a photo (lead, body or gallery), with or without words, and follows saves', async () => {
        const photo = (mediaId: string) => ({ mediaId, caption: '설명', credit: '제공', alt: '' });
        const lead = await story('양자 연구소 현판식', ['양자 연구소가 문을 열었다'], { leadPhoto: photo('a'.repeat(64)) });
        const inBody = await story('양자 센서 시연', ['양자 센서를 시연했다']);
        const withBodyPhoto = await articles.save({
          id: inBody.id,
          baseVersion: inBody.version,
          fields: {
            ...fieldsOf(inBody),
            body: { root: { ...inBody.body.root, children: [...inBody.body.root.children, { type: 'photo', version: 1, ...photo('b'.repeat(64)) }] } },
          },
        });
        const none = await story('양자 예산 심의', ['양자 예산을 심의했다']);
        expect(await headlines('양자', { hasPhotos: true })).toEqual([lead.headline, withBodyPhoto.headline].sort());
        expect(await headlines('양자', { hasPhotos: false })).toEqual([none.headline]);
        expect(await headlines('', { hasPhotos: true })).toEqual([lead.headline, withBodyPhoto.headline].sort());
        expect((await find('', { hasPhotos: false })).total).toBe(1);
        // Taking the lead photo away takes the story out of the filter at once.
        await articles.save({ id: lead.id, baseVersion: lead.version, fields: { ...fieldsOf(lead), leadPhoto: null } });
        expect(await headlines('양자', { hasPhotos: true })).toEqual([withBodyPhoto.headline]);
      });
    });

    describe('ranking over the newest matches', () => {
      it('ranks by relevance within blocks of the newest matches, and pages through them without repeats', async () => {
        const windowed = new SearchService(new SearchRepository(db, 10_000, 3));
        const oldest = await story('양자 전략 발표', ['양자 전략을 발표했다']);
        for (let i = 0; i < 4; i += 1) await story(`예산 심의 ${i}`, [`올해 예산에는 양자 연구비가 조금 들어 있다 ${i}`]);
        const page = (offset: number, limit: number) => windowed.search(SearchQuery.parse({ text: '양자', offset, limit }));
        const first = await page(0, 3);
        // The headline match is the oldest story, outside a window of the 3 newest: not on the first page.
        expect(first.items.map((h) => h.headline)).not.toContain(oldest.headline);
        expect(first.total).toBe(5);
        // The next, older block is ranked too: the headline match leads it.
        const second = await page(3, 3);
        expect(second.items[0]!.headline).toBe(oldest.headline);
        expect(new Set([...first.items, ...second.items].map((h) => h.id)).size).toBe(5);
        // One page across both blocks shows the same stories in the same order.
        expect((await page(0, 5)).items.map((h) => h.id)).toEqual([...first.items, ...second.items].map((h) => h.id));
      });
    });

    describe('counting', () => {
      it('counts from the ranking when every match fits in its blocks, by a second walk when not, and past the last page', async () => {
        const windowed = new SearchService(new SearchRepository(db, 10_000, 3));
        const page = (text: string, offset = 0) => windowed.search(SearchQuery.parse({ text, offset, limit: 2 }));
        for (let i = 0; i < 2; i += 1) await story(`금리 동결 ${i}`, ['기준금리 동결']);
        for (let i = 0; i < 5; i += 1) await story(`수출 실적 ${i}`, ['수출 증가']);
        expect(await page('동결')).toMatchObject({ total: 2, totalIsLowerBound: false });
        expect(await page('수출')).toMatchObject({ total: 5, totalIsLowerBound: false });
        expect(await page('수출', 4)).toMatchObject({ total: 5, totalIsLowerBound: false });
        expect(await page('수출', 10)).toEqual({ items: [], total: 5, totalIsLowerBound: false, totalIsEstimate: false });
        const capped = new SearchService(new SearchRepository(db, 1, 3));
        expect(await capped.search(SearchQuery.parse({ text: '동결' }))).toMatchObject({ total: 1, totalIsLowerBound: true });
        // The second walk sees a story the moment its save returns.
        await story('수출 실적 새로', ['수출 증가']);
        expect(await page('수출')).toMatchObject({ total: 6, totalIsLowerBound: false });
      });
      it('counts exactly up to the cap, then says "at least"', async () => {
        for (const h of ['하나', '둘', '셋']) await story(`${h} 국회`, ['국회 소식']);
        const capped = new SearchService(new SearchRepository(db, 2));
        expect(await capped.search(SearchQuery.parse({ text: '국회' }))).toMatchObject({ total: 2, totalIsLowerBound: true });
        expect((await capped.search(SearchQuery.parse({ text: '국회' }))).items).toHaveLength(3);
        expect(await find('국회')).toMatchObject({ total: 3, totalIsLowerBound: false });
      });
    });

    describe('the index stays in step with the stories', () => {
      it('follows every save: old words are gone, new ones found', async () => {
        const s = await story('원래 제목', ['처음 쓴 본문']);
        expect(await headlines('처음')).toEqual(['원래 제목']);
        await articles.save({
          id: s.id,
          baseVersion: s.version,
          fields: { ...fieldsOf(s), headline: '고친 제목', body: editorStateFromParagraphs(['다시 쓴 본문']) },
        });
        expect(await headlines('처음')).toEqual([]);
        expect(await headlines('다시')).toEqual(['고친 제목']);
        expect(await headlines('원래')).toEqual([]);
      });

      it('leaves archived stories out unless asked, and a refused (stale) save changes nothing', async () => {
        const s = await story('보관할 기사', ['보관 시험']);
        await expect(
          articles.save({ id: s.id, baseVersion: 1, fields: { ...fieldsOf(s), body: editorStateFromParagraphs(['엉뚱한 본문']) } }),
        ).rejects.toThrow();
        expect(await headlines('엉뚱한')).toEqual([]);
        await articles.archive({ id: s.id, baseVersion: s.version, archived: true });
        expect(await headlines('보관')).toEqual([]);
        expect(await headlines('보관', { includeArchived: true })).toEqual(['보관할 기사']);
      });

      it('keeps archived stories out of filtered searches too, and lets them back in when restored', async () => {
        const kept = await story('국회 예산 심사', ['국회 본회의'], { section: '정치', tags: ['국회'] });
        const old = await story('국회 옛 기사', ['국회 상임위'], { section: '정치', tags: ['국회'] });
        const archived = await articles.archive({ id: old.id, baseVersion: old.version, archived: true });
        expect(await headlines('국회', { section: '정치' })).toEqual([kept.headline]);
        expect(await headlines('국회', { tag: '국회', sort: 'date' })).toEqual([kept.headline]);
        expect(await headlines('국회', { section: '정치', includeArchived: true })).toEqual([kept.headline, old.headline].sort());
        expect((await find('국회', { section: '정치' })).total).toBe(1);
        await articles.archive({ id: old.id, baseVersion: archived.version, archived: false });
        expect(await headlines('국회', { section: '정치' })).toEqual([kept.headline, old.headline].sort());
      });

      it('finds the same stories once most are archived, when the live-only filter is asked the other way round', async () => {
        // Measured again on every search, so the hint follows each archive below.
        const live = new SearchService(new SearchRepository(db, 10_000, 1_000, new ArchiveShare(db, 1)));
        const headlinesOf = async (text: string, extra: Partial<SearchQuery> = {}) =>
          (await live.search(SearchQuery.parse({ text, ...extra }))).items.map((h) => h.headline).sort();
        const stories = [];
        for (const n of ['하나', '둘', '셋']) stories.push(await story(`국회 ${n}`, ['국회 소식'], { section: n === '셋' ? '경제' : '정치' }));
        expect(await headlinesOf('국회')).toEqual(['국회 둘', '국회 셋', '국회 하나']);
        await articles.archive({ id: stories[0]!.id, baseVersion: stories[0]!.version, archived: true });
        await articles.archive({ id: stories[1]!.id, baseVersion: stories[1]!.version, archived: true });
        expect(await headlinesOf('국회')).toEqual(['국회 셋']);
        expect(await headlinesOf('국회', { section: '정치' })).toEqual([]);
        expect(await headlinesOf('국회', { section: '정치', includeArchived: true })).toEqual(['국회 둘', '국회 하나']);
        expect((await live.search(SearchQuery.parse({ text: '국회' }))).total).toBe(1);
      });

      it('is rebuilt from the stories when it was never built (a database from before migration 3)', async () => {
        await story('재색인 시험', ['브룩헤이븐 국립연구소']);
        await db.exec(
          `${engine === 'postgres' ? 'DELETE FROM article_search' : "INSERT INTO article_search (article_search) VALUES ('delete-all')"}; DELETE FROM search_index_state;`,
        );
        expect(await headlines('브룩헤이븐')).toEqual([]);
        expect(await rebuildSearchIndexIfNeeded(db)).toMatchObject({ rebuilt: true, rows: 1 });
        expect(await headlines('브룩헤이븐')).toEqual(['재색인 시험']);
        expect(await rebuildSearchIndexIfNeeded(db)).toEqual({ rebuilt: false, rows: 0, media: { rebuilt: false, rows: 0 } });
      });

      it('indexes bylines, tags and 뉴스출처 too', async () => {
        await story('보도자료 기사', ['본문'], {
          ...DEFAULT_META,
          storyType: 'press_release',
          sourceAttribution: '과학기술정보통신부',
          tags: ['한미협력'],
          bylines: [{ name: '김기자', title: '기자', email: '' }],
        });
        expect(await headlines('정보통신')).toEqual(['보도자료 기사']);
        expect(await headlines('한미협력')).toEqual(['보도자료 기사']);
        expect(await headlines('김기자')).toEqual(['보도자료 기사']);
      });
    });

    describe('tokens as FTS5 splits them', () => {
      it('finds the parts of e-mail addresses, hyphenated words, decimals and accented words', async () => {
        await story('연구 협력', ['문의는 hong@example.com 으로. state-of-the-art 장비, 금리 3.5% 동결. Café 개점.'], {
          bylines: [{ name: '홍길동', title: '기자', email: 'gildong@news.example.kr' }],
        });
        expect(await headlines('hong')).toEqual(['연구 협력']);
        expect(await headlines('example')).toEqual(['연구 협력']);
        expect(await headlines('gildong')).toEqual(['연구 협력']);
        expect(await headlines('"state of the art"')).toEqual(['연구 협력']);
        expect(await headlines('3.5')).toEqual(['연구 협력']);
        expect(await headlines('cafe')).toEqual(['연구 협력']);
        expect(await headlines('CAFÉ')).toEqual(['연구 협력']);
        expect(await headlines('3.6')).toEqual([]);
      });
    });
  });
