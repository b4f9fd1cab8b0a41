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
   * Where the engine answers the newest block of `walked` ranked and counted its own way: one statement
   * with columns rid, n (matches), at_least (n is a lower bound) and estimated (n is an estimate), taking
   * the match twice, then LIMIT and OFFSET; candidates left past the block are checked up to `rest`, and
   * estimated past it. Otherwise the repository ranks `ranked` and counts `count`.
   */
  firstBlock?(walked: number, countLimit: number, rest: number): string;
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
