import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../electron/db/articles-repo';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { SearchRepository } from '../../electron/db/search/search-repo';
import { SearchService } from '../../electron/services/search';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { countCharacters } from '../../shared/counting';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import { SearchQuery } from '../../shared/search';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';

/*
 * Migration 105's walk: the newest stories along the primary key while a third of them match, then the GIN
 * index in spans of older rows. A handful of stories never leaves the walk, so these archives are a few
 * hundred stories long, with the matches placed so that each path is taken and its answer can be checked
 * against the stories themselves.
 */

/** Stories oldest first, each holding the words `words(i)` says (or filler); rowids follow the order. */
async function archive(db: PgDatabase, count: number, words: (i: number) => string | null): Promise<string[]> {
  const repo = new ArticleRepository(db);
  const headlines: string[] = [];
  const batch = [];
  for (let i = 0; i < count; i += 1) {
    const headline = `기사 ${i}번`;
    headlines.push(headline);
    const fields: ArticleFields = {
      ...DEFAULT_META,
      headline,
      deck: '',
      section: '사회',
      body: editorStateFromParagraphs([`${words(i) ?? '평범한 하루'} 소식을 전한다`]),
    };
    const bodyText = editorStateToText(fields.body);
    const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    batch.push({
      id: crypto.randomUUID(),
      fields,
      derived: { bodyText, characters: countCharacters(bodyText).withSpaces },
      state: 'draft' as const,
      createdAt,
    });
  }
  await repo.insertMany(batch);
  return headlines;
}

describe.skipIf(!PG_URL)(`searching past the newest stories on PostgreSQL (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  afterEach(cleanUpPg);

  it('finds the newest matches of a word in fewer than a third of the stories through spans of older rows, and counts them all', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    // The newest 100: 30 matches (the walk gives up at 100 rows); below them one story in 20, so that the
    // first span, sized by the walk's share, is too short and a longer one follows.
    const holds = (i: number) => (i >= 300 ? i % 10 < 3 : i % 20 === 0);
    const headlines = await archive(db, 400, (i) => (holds(i) ? '희귀광물' : null));
    const matching = headlines.filter((_, i) => holds(i)).reverse();
    expect(matching).toHaveLength(45);
    const search = (window: number, limit: number) =>
      new SearchService(new SearchRepository(db, 10_000, window)).search(SearchQuery.parse({ text: '희귀광물', limit, sort: 'relevance' }));
    const block = await search(40, 40);
    expect(block).toMatchObject({ total: 45, totalIsLowerBound: false, totalIsEstimate: false });
    // Every story ranks alike (one mention, same length), so the block is the 40 newest matches.
    expect(block.items.map((h) => h.headline).sort()).toEqual(matching.slice(0, 40).sort());
    const all = await search(50, 50);
    expect(all.items.map((h) => h.headline).sort()).toEqual([...matching].sort());
    expect(all.total).toBe(45);
  });

  it('checks a phrase among candidates past the walk, counting those left or estimating when many are, and says which', async () => {
    const db = await openTestPg(schemaName(), { migrated: true });
    // Below the newest 100 (which hold no candidate), every other story holds the words: in order (a
    // match) for one in three of them, apart for the rest.
    const words = (i: number) => (i >= 300 || i % 2 ? null : i % 6 === 0 ? '희귀 광물' : '광물 희귀');
    const headlines = await archive(db, 400, words);
    const matching = headlines.filter((_, i) => words(i) === '희귀 광물').reverse();
    expect(matching).toHaveLength(50);
    const search = (rest: number) =>
      new SearchService(new SearchRepository(db, 10_000, 10, undefined, rest)).search(SearchQuery.parse({ text: '"희귀 광물"', limit: 10 }));
    const checked = await search(1_000);
    expect(checked).toMatchObject({ total: 50, totalIsEstimate: false });
    expect(checked.items.map((h) => h.headline).sort()).toEqual(matching.slice(0, 10).sort());
    // The 10 newest matches took 28 or so of the 150 candidates: about a third of 150.
    const estimated = await search(0);
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(45);
    expect(estimated.total).toBeLessThanOrEqual(56);
    expect(estimated.items.map((h) => h.headline).sort()).toEqual(matching.slice(0, 10).sort());
  });
});
