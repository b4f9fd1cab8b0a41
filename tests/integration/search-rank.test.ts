import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { openDatabase, type Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { facetExpression } from '../../electron/db/search/facets';
import { rebuildSearchIndexIfNeeded } from '../../electron/db/search/article-index';
import { SearchRepository } from '../../electron/db/search/search-repo';
import { SearchService } from '../../electron/services/search';
import { countCharacters } from '../../shared/counting';
import { editorStateToText } from '../../shared/editor-text';
import { matchExpression, parseSearchQuery } from '../../shared/korean-tokens';
import { SearchQuery } from '../../shared/search';
import { createCorpus } from '../bench/archive-corpus';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * byline_rank() (native/byline-rank.c) against FTS5's own bm25() on a generated archive: the same
 * scores where it counts every match, close ones where it samples, and filters that narrow without
 * reordering. The extension is built by `npm install` (scripts/build-rank-extension.mjs).
 */

const STORIES = 400;
const BM25 = 'bm25(article_search, 10.0, 4.0, 1.0, 3.0, 4.0, 3.0, 0.5)';
const WEIGHTS = '10.0, 4.0, 1.0, 3.0, 4.0, 3.0, 0.5, 0.0';
/** As search/search-repo.ts asks it: the lengths read from the docsize table directly. */
const RANK = `byline_rank(article_search, (SELECT max(rowid) FROM articles), 'article_search_docsize', ${WEIGHTS})`;
/** The lengths asked of FTS5 (no table named), and a table that is not there (falls back to FTS5). */
const RANK_FTS = `byline_rank(article_search, (SELECT max(rowid) FROM articles), ${WEIGHTS})`;
const RANK_MISNAMED = `byline_rank(article_search, (SELECT max(rowid) FROM articles), 'no_such_docsize', ${WEIGHTS})`;

let db: Database;
const corpus = createCorpus(7);

beforeAll(async () => {
  db = await openDatabase(path.join(makeTempDir('byline-rank-'), 'byline.sqlite3'));
  await migrate(db);
  const batch = Array.from({ length: STORIES }, (_, i) => {
    const s = corpus.story(i);
    const bodyText = editorStateToText(s.fields.body);
    return {
      id: crypto.randomUUID(),
      fields: s.fields,
      derived: { bodyText, characters: countCharacters(bodyText).withSpaces },
      state: s.state,
      createdAt: s.createdAt,
    };
  });
  await new ArticleRepository(db).insertMany(batch);
  await rebuildSearchIndexIfNeeded(db);
}, 120_000);

afterAll(async () => {
  await db.close();
  removeTempDirs();
});

const scores = (score: string, match: string) =>
  db.all<{ rid: number; s: number }>(`SELECT rowid AS rid, ${score} AS s FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC`, [match]);
const unfiltered = (text: string) => facetExpression(matchExpression(parseSearchQuery(text)), SearchQuery.parse({ text }), false);

describe('byline_rank', () => {
  it('is loaded into every SQLite connection (run npm install if this fails: it builds build/native)', () => {
    expect(db.bylineRank).toBe(true);
  });

  it('scores exactly as bm25() when a word is in fewer stories than it samples: words, longer words, phrases, several words', async () => {
    const v = corpus.vocabulary;
    for (const text of [v.twoSyllable[0]!, v.twoSyllable[3]!, v.fourSyllable[0]!, `"${v.phrases[0]!}"`, `${v.twoSyllable[1]!} ${v.common[0]!}`, v.common[1]!]) {
      const expected = await scores(BM25, unfiltered(text));
      expect(expected.length, text).toBeGreaterThan(0);
      for (const rank of [RANK, RANK_FTS, RANK_MISNAMED]) {
        const got = await scores(rank, unfiltered(text));
        expect(got.map((r) => r.rid)).toEqual(expected.map((r) => r.rid));
        for (const [i, r] of got.entries()) expect(r.s, `${text} #${r.rid} ${rank}`).toBeCloseTo(expected[i]!.s, 9);
      }
    }
  });

  it('ranks a filtered search in the order of the unfiltered one: the section narrows, it does not reorder', async () => {
    const word = corpus.vocabulary.twoSyllable[0]!;
    const service = new SearchService(new SearchRepository(db));
    const all = await service.search(SearchQuery.parse({ text: word, limit: 200 }));
    expect(all.total).toBeLessThanOrEqual(200);
    const section = all.items[0]!.section;
    const filtered = await service.search(SearchQuery.parse({ text: word, section, limit: 200 }));
    expect(filtered.items.length).toBeGreaterThan(3);
    expect(filtered.items.map((h) => h.id)).toEqual(all.items.filter((h) => h.section === section).map((h) => h.id));
  });
});

describe('byline_rank on more matches than it samples', () => {
  let big: Database;

  beforeAll(async () => {
    big = await openDatabase(path.join(makeTempDir('byline-rank-big-'), 'byline.sqlite3'));
    await big.exec('CREATE VIRTUAL TABLE t USING fts5(a, b)');
    // 5,000 rows: "흔한" in four of five, "드문" in one of ten, spread evenly through the rowids.
    await big.transaction(async (tx) => {
      for (let i = 1; i <= 5_000; i += 1) {
        const words = [i % 5 !== 0 ? '흔한' : '', i % 10 === 3 ? '드문' : '', '채움 '.repeat(1 + (i % 7))];
        await tx.run('INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)', [i, words.join(' '), i % 4 === 0 ? '흔한 드문' : '']);
      }
    });
  }, 60_000);

  afterAll(() => big.close());

  it('estimates the document counts closely enough to score within 2% of bm25() and rank the same', async () => {
    for (const match of ['흔한', '흔한 AND 드문', '흔한 OR 드문']) {
      const expected = await big.all<{ rid: number; s: number }>('SELECT rowid AS rid, bm25(t, 2.0, 1.0) AS s FROM t WHERE t MATCH ? ORDER BY s, rowid', [
        match,
      ]);
      const got = await big.all<{ rid: number; s: number }>(
        'SELECT rowid AS rid, byline_rank(t, 5000, 2.0, 1.0) AS s FROM t WHERE t MATCH ? ORDER BY s, rowid',
        [match],
      );
      expect(got.length).toBe(expected.length);
      const byRid = new Map(expected.map((r) => [r.rid, r.s]));
      for (const r of got) expect(Math.abs(r.s - byRid.get(r.rid)!) / Math.abs(byRid.get(r.rid)!), `${match} #${r.rid}`).toBeLessThan(0.02);
      expect(got.slice(0, 50).map((r) => r.rid)).toEqual(expected.slice(0, 50).map((r) => r.rid));
    }
  });
});

describe('without the ranking extension', () => {
  afterEach(() => {
    delete process.env.BYLINE_RANK_EXTENSION;
  });

  it('a file that is not one is refused with a warning, and search ranks with bm25() as before', async () => {
    const dir = makeTempDir('byline-rank-missing-');
    process.env.BYLINE_RANK_EXTENSION = path.join(dir, 'not-a-library.so');
    writeFileSync(process.env.BYLINE_RANK_EXTENSION, 'not a shared library');
    const plain = await openDatabase(path.join(dir, 'byline.sqlite3'));
    try {
      expect(plain.bylineRank).toBe(false);
      await migrate(plain);
      await expect(plain.all(`SELECT ${RANK} FROM article_search WHERE article_search MATCH 'x'`)).rejects.toThrow(/byline_rank/);
      const found = await new SearchService(new SearchRepository(plain)).search(SearchQuery.parse({ text: '장관' }));
      expect(found.total).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
