import type { SqlValue } from '../database';

/*
 * What a search statement looks like on each engine, for stories and for photos. Kept apart from the
 * repositories that run them and the PostgreSQL forms (search/pg-sql.ts), which both depend on it.
 */

/**
 * What differs between the engines in a story search: how the index is asked and ranked. Every
 * statement takes the match, as `params` gives it, as its first placeholders; `score` sorts best
 * first when ascending.
 */
export interface ArticleSearchSql {
  /** The engine's form of an FTS5 expression (search/facets.ts builds FTS5 on both). */
  params(expression: string): SqlValue[];
  /** Columns rid and score of the newest `walked` matches. */
  ranked(walked: number): string;
  /** Matches, counted up to `limit`. */
  count(limit: number): string;
  /**
   * Where the engine ranks the newest block of `walked` and counts it apart (PostgreSQL), so that the two
   * run at once on two connections (search/block-total.ts decides the count from both answers):
   * - `page`: columns rid, found (matches in the block), checked (the candidates checked to find them,
   *   NULL when the index tells matches without a recheck) and last (the oldest rowid found); takes the
   *   match, then LIMIT and OFFSET;
   * - `candidates`: what the index alone counts, up to `limit` (the matches, or a phrase's candidates);
   *   takes the match;
   * - `total`: a phrase's matches when few candidates are left past the block, checked up to `rest`, with
   *   columns n, at_least and estimated; takes the match, then checked, found and last.
   * Otherwise the repository ranks `ranked` and counts `count` in one statement.
   */
  block?: {
    page(walked: number): string;
    candidates(limit: number): string;
    total(limit: number, rest: number): string;
  };
  /** The index joined to `articles a`: FROM … WHERE part, and the score of a row. */
  joined: { from: string; where: string; score: string };
  /** EXISTS clauses for the author and tag filters of a listing without words (one `?` each). */
  author: string;
  tag: string;
}

/**
 * What differs between the engines in a photo search. `from` joins the index to `media m`; the match,
 * as `params` gives it, fills the first placeholders of the search and of `count`; `score` sorts best
 * first when ascending.
 */
export interface MediaSearchSql {
  /** The engine's form of an FTS5 expression. */
  params(expression: string): SqlValue[];
  from: string;
  where: string;
  score: string;
  count: string;
}
