import type { ArticleSearchSql, MediaSearchSql } from './sql';
import { toTsQuery, type ColumnWeights } from './pg-query';

/**
 * The search statements on PostgreSQL, answering as FTS5 does on SQLite (search/search-repo.ts, media-repo.ts).
 * Columns map to the weights migrations/003 and 004 give them on PostgreSQL; ts_rank's weights ({D, C, B, A})
 * are bm25's column weights divided by the headline's (the caption's for photos), and normalisation 1
 * (divide by 1 + log of the length) stands in for bm25's length normalisation. Scores are negated so
 * that, as bm25's, smaller is better.
 */

/**
 * Facet tokens (f…x<hex>, search/article-index.ts) occur in no other column, so a filter asks for them at
 * any weight: a weight would make the GIN index send every candidate to a recheck of its whole tsvector.
 */
const ARTICLE_COLUMNS: ColumnWeights = { headline: 'A', deck: 'B', tags: 'B', people: 'C', source: 'C', body: 'D', singles: 'D', facets: '' };

/** headline 10, deck and tags 4, people and 뉴스출처 3, body 1 (singles 0.5 and facets share D with the body). */
const ARTICLE_RANK_WEIGHTS = "'{0.1, 0.3, 0.4, 1.0}'";

const MEDIA_COLUMNS: ColumnWeights = { caption: 'A', credit: 'B', other: 'C', singles: 'D' };

/** caption 4, credit 3, other 1, singles 0.5. */
const MEDIA_RANK_WEIGHTS = "'{0.125, 0.25, 0.75, 1.0}'";

/**
 * The match (q) and what ranks (r, see TsQueries) as a one-row table: the statements' first two `?`,
 * parsed once however often a statement uses them.
 */
const QUERY = "(SELECT to_tsquery('simple', ?) AS q, to_tsquery('simple', ?) AS r) AS tq";

const ARTICLE_UNRANKED = new Set(['facets']);

/** QUERY with the third `?`: what the GIN index answers without a recheck (l, see TsQueries.loose). */
const ARTICLE_QUERY = "(SELECT to_tsquery('simple', ?) AS q, to_tsquery('simple', ?) AS r, to_tsquery('simple', ?) AS l) AS tq";

export const pgArticleSearch: ArticleSearchSql = {
  params: (expression) => {
    const { match, rank, loose } = toTsQuery(expression, ARTICLE_COLUMNS, ARTICLE_UNRANKED);
    return [match, rank, loose];
  },
  // Migration 103's functions find the matches through the GIN index and rank the newest `walked` only.
  ranked: (walked) =>
    `SELECT w.rid, w.score FROM ${ARTICLE_QUERY} CROSS JOIN LATERAL article_search_ranked(tq.q, tq.l, tq.r, ${ARTICLE_RANK_WEIGHTS}::real[], ${walked}) AS w`,
  count: (limit) => `SELECT article_search_count(tq.q, ${limit}) AS n FROM ${ARTICLE_QUERY}`,
  // The block ranked by migration 105's walk, and what it took to find it: the count of a full block is
  // decided from this and the index's count, asked at the same time (search/block-total.ts).
  block: {
    page: (walked) => `WITH r AS MATERIALIZED (
        SELECT w.rid, w.score, w.checked FROM ${ARTICLE_QUERY}
          CROSS JOIN LATERAL article_search_ranked(tq.q, tq.l, tq.r, ${ARTICLE_RANK_WEIGHTS}::real[], ${walked}) AS w),
      k AS (SELECT count(*) AS found, max(r.checked) AS checked, min(r.rid) AS last FROM r)
      SELECT r.rid, k.found, k.checked, k.last FROM r CROSS JOIN k ORDER BY r.score, r.rid DESC LIMIT ? OFFSET ?`,
    // The GIN index answers the loose form without reading a tsvector: a phrase's candidates, or the matches themselves.
    candidates: (limit) => `SELECT article_search_count(tq.l, ${limit}) AS n FROM ${ARTICLE_QUERY}`,
    total: (limit, rest) => `SELECT c.n, c.at_least, c.estimated FROM ${ARTICLE_QUERY}
      CROSS JOIN LATERAL article_search_total(tq.q, tq.l, ${limit}, ?::integer, ?::integer, ?::bigint, ${rest}) AS c`,
  },
  joined: {
    from: `article_search CROSS JOIN ${ARTICLE_QUERY} JOIN articles a ON a.rowid = article_search.rowid`,
    where: 'article_search.doc @@ tq.q',
    score: `-ts_rank(${ARTICLE_RANK_WEIGHTS}, article_search.doc, tq.r, 1)`,
  },
  author: "EXISTS (SELECT 1 FROM jsonb_array_elements(a.bylines_json::jsonb) AS b(value) WHERE b.value ->> 'name' = ?)",
  tag: 'EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.tags_json::jsonb) AS t(value) WHERE t.value = ?)',
};

export const pgMediaSearch: MediaSearchSql = {
  params: (expression) => {
    const { match, rank } = toTsQuery(expression, MEDIA_COLUMNS);
    return [match, rank];
  },
  from: `media_search CROSS JOIN ${QUERY} JOIN media m ON m.rowid = media_search.rowid`,
  where: 'media_search.doc @@ tq.q',
  score: `-ts_rank(${MEDIA_RANK_WEIGHTS}, media_search.doc, tq.r, 1)`,
  count: `SELECT count(*) AS n FROM media_search CROSS JOIN ${QUERY} WHERE media_search.doc @@ tq.q`,
};
