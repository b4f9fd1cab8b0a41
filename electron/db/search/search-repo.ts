import type { ArticleState } from '../../../shared/article';
import type { SearchQuery } from '../../../shared/search';
import type { Database, SqlValue } from '../database';
import { blockTotal } from './block-total';
import { ArchiveShare, facetExpression } from './facets';
import { pgArticleSearch } from './pg-sql';
import type { ArticleSearchSql } from './sql';

export interface SearchRow {
  id: string;
  version: number;
  state: ArticleState;
  headline: string;
  section: string;
  body_text: string;
  characters: number;
  updated_at: string;
  archived_at: string | null;
}

/** bm25 weights, in column order: a word in the headline says more than one deep in the body. */
const WEIGHTS = '10.0, 4.0, 1.0, 3.0, 4.0, 3.0, 0.5';

/**
 * byline_rank() (native/byline-rank.c) where it is loaded: bm25 with the same weights, document
 * counts taken from a sample of each phrase's matches, and the filter tokens (facets, weight 0) left
 * out of the score, so a filter narrows the results without reordering them. The first argument
 * bounds the rowids the sample is scaled against.
 */
const RANK_WEIGHTS = '10.0, 4.0, 1.0, 3.0, 4.0, 3.0, 0.5, 0.0';

function sqliteArticleSearch(rank: (table: string) => string): ArticleSearchSql {
  return {
    params: (expression) => [expression],
    ranked: (walked) =>
      `SELECT rowid AS rid, ${rank('article_search')} AS score FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ${walked}`,
    count: (limit) => `SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT ${limit}) AS m`,
    // CROSS JOIN keeps the index as the outer loop; otherwise SQLite may run the MATCH once per article.
    joined: { from: 'article_search CROSS JOIN articles a ON a.rowid = article_search.rowid', where: 'article_search MATCH ?', score: rank('article_search') },
    author: "EXISTS (SELECT 1 FROM json_each(a.bylines_json) WHERE json_extract(value, '$.name') = ?)",
    tag: 'EXISTS (SELECT 1 FROM json_each(a.tags_json) WHERE value = ?)',
  };
}

const bm25Search = sqliteArticleSearch((t) => `bm25(${t}, ${WEIGHTS})`);
const bylineRankSearch = sqliteArticleSearch((t) => `byline_rank(${t}, (SELECT max(rowid) FROM articles), '${t}_docsize', ${RANK_WEIGHTS})`);

/** Counting every match of a word in half the archive would cost more than ranking; past this, "10,000+". */
export const COUNT_CAP = 10_000;

/**
 * Relevance is ranked within blocks of this many matches, newest block first. FTS5 has no top-k
 * pruning: bm25 over every story holding a common word (tens of thousands) is what made such searches
 * slow. A desk searching "장관" wants the most relevant of recent stories: the newest RANK_WINDOW matches
 * (walked newest first, which FTS5 does without sorting) ranked by relevance, then the next older
 * block ranked likewise, and so on. A word in fewer stories is simply ranked over all of them. Every
 * story keeps its place whichever page is asked for, so paging neither repeats nor skips one.
 */
export const RANK_WINDOW = 1_000;

/**
 * Where the index cannot tell a phrase from its words apart (PostgreSQL's GIN), the candidates left after
 * the newest block of matches are checked one by one up to this many; past it, the count is estimated
 * from the share of the block's candidates that matched (search/block-total.ts).
 */
export const CHECKED_REST = 1_000;

/** One page of rowids, and the number of matches when the page's query already knows it. */
interface Page {
  rids: number[];
  matches: number | undefined;
  /** `matches` is an estimate (search/block-total.ts), and a lower bound at that when atLeast. */
  estimated?: boolean;
  atLeast?: boolean;
  countSql: string;
  params: SqlValue[];
}

export interface Matching {
  rows: SearchRow[];
  total: number;
  totalIsLowerBound: boolean;
  totalIsEstimate: boolean;
}

const COLUMNS = 'a.id, a.version, a.state, a.headline, a.section, a.body_text, a.char_count AS characters, a.updated_at, a.archived_at';

/** media_usage, kept by the articles repository in each save's transaction, says which stories show photos. */
function photoClause(hasPhotos: boolean): string {
  return `${hasPhotos ? '' : 'NOT '}EXISTS (SELECT 1 FROM media_usage mu WHERE mu.article_id = a.id)`;
}

/** A listing without words asks the workflow's owner index for the reporter's stories (a search asks the index's owner facet). */
const OWNER_CLAUSE = 'a.id IN (SELECT w.article_id FROM article_workflow w WHERE w.owner_id = ?)';

/** The WHERE clause of the filters, shared by the text search and the plain listing. */
function filters(q: SearchQuery, sqlOf: ArticleSearchSql): { sql: string[]; params: SqlValue[] } {
  const sql: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    sql.push(clause);
    params.push(value);
  };
  if (!q.includeArchived) sql.push('a.archived_at IS NULL');
  // The 휴지통 has no index rows, but a listing without words reads the articles table itself.
  sql.push('a.discarded_at IS NULL');
  if (q.section) add('a.section = ?', q.section);
  if (q.state) add('a.state = ?', q.state);
  if (q.from) add('a.updated_at >= ?', q.from);
  if (q.to) add('a.updated_at <= ?', q.to);
  if (q.author) add(sqlOf.author, q.author);
  if (q.tag) add(sqlOf.tag, q.tag);
  if (q.ownerId) add(OWNER_CLAUSE, q.ownerId);
  if (q.hasPhotos !== undefined) sql.push(photoClause(q.hasPhotos));
  return { sql, params };
}

/** SQL for search; what to search for (the FTS5 expression) is decided by the service. */
export class SearchRepository {
  private readonly sql: ArticleSearchSql;

  constructor(
    private readonly db: Database,
    private readonly countCap = COUNT_CAP,
    private readonly rankWindow = RANK_WINDOW,
    private readonly archiveShare = new ArchiveShare(db),
    private readonly checkedRest = CHECKED_REST,
  ) {
    this.sql = db.engine === 'postgres' ? pgArticleSearch : db.bylineRank ? bylineRankSearch : bm25Search;
  }

  /**
   * Section, state, archive, tag, author and owner filters are facet tokens in the index, so a search
   * is one FTS5 query: ranked and counted without visiting the articles table. Only a date range, a
   * date sort or the photo filter joins it. Then the one page that is shown is read in full.
   */
  async matching(match: string, q: SearchQuery): Promise<Matching> {
    const asked = this.sql.params(facetExpression(match, q, !q.includeArchived && (await this.archiveShare.mostlyArchived())));
    const needsJoin = q.sort === 'date' || q.from !== undefined || q.to !== undefined || q.hasPhotos !== undefined;
    const page = needsJoin ? await this.joinedPage(asked, q) : await this.rankedPage(asked, q);
    const counted = page.matches ?? (await this.db.get<{ n: number }>(page.countSql, page.params))?.n ?? 0;
    return {
      rows: await this.read(page.rids),
      total: Math.min(counted, this.countCap),
      totalIsLowerBound: counted > this.countCap || page.atLeast === true,
      totalIsEstimate: page.estimated === true,
    };
  }

  /**
   * Ranked in blocks of the newest matches (see RANK_WINDOW). When fewer stories match than the
   * blocks hold, the ranking has seen every match and its size is the count: no second walk of the
   * index, which is most filtered searches.
   */
  private async rankedPage(match: SqlValue[], q: SearchQuery): Promise<Page> {
    const w = this.rankWindow;
    const walked = (Math.floor((q.offset + q.limit - 1) / w) + 1) * w;
    const countSql = this.sql.count(this.countCap + 1);
    if (walked === w) return this.firstBlock(match, q, countSql);
    const blocks = `SELECT rid, score, count(*) OVER () AS n, (row_number() OVER (ORDER BY rid DESC) - 1) / ${w} AS block FROM (${this.sql.ranked(walked)}) AS r`;
    const page = await this.db.all<{ rid: number; n: number }>(`SELECT rid, n FROM (${blocks}) AS b ORDER BY block, score, rid DESC LIMIT ? OFFSET ?`, [
      ...match,
      q.limit,
      q.offset,
    ]);
    const n = page[0]?.n;
    return { rids: page.map((p) => p.rid), matches: n !== undefined && n < walked ? n : undefined, countSql, params: match };
  }

  /**
   * The pages of the newest block, which is nearly every search: ranked, paged and counted in one
   * statement. The count walks the index again only when the block is full; otherwise the block is
   * every match and its size the count.
   */
  private async firstBlock(match: SqlValue[], q: SearchQuery, countSql: string): Promise<Page> {
    const w = this.rankWindow;
    if (this.sql.block) return this.blockApart(this.sql.block, match, q, countSql);
    const sql = `WITH r AS MATERIALIZED (${this.sql.ranked(w)})
      SELECT rid, CASE WHEN (SELECT count(*) FROM r) < ${w} THEN (SELECT count(*) FROM r) ELSE (${countSql}) END AS n
      FROM r ORDER BY score, rid DESC LIMIT ? OFFSET ?`;
    const page = await this.db.all<{ rid: number; n: number }>(sql, [...match, ...match, q.limit, q.offset]);
    return { rids: page.map((p) => p.rid), matches: page[0]?.n, countSql, params: match };
  }

  /**
   * The block ranked and the index's count asked at once, each on a connection of its own: the count
   * no longer waits for the ranking (a phrase's candidates, a common word's matches), so a search takes
   * the longer of the two rather than their sum.
   */
  private async blockApart(block: NonNullable<ArticleSearchSql['block']>, match: SqlValue[], q: SearchQuery, countSql: string): Promise<Page> {
    const w = this.rankWindow;
    const cap = this.countCap + 1;
    const [page, counted] = await Promise.all([
      this.db.all<{ rid: number; found: number; checked: number | null; last: number }>(block.page(w), [...match, q.limit, q.offset]),
      this.db.get<{ n: number }>(block.candidates(cap), match),
    ]);
    const first = page[0];
    const rids = page.map((p) => p.rid);
    // A page past the last match says nothing of the block: the plain count answers.
    if (!first) return { rids, matches: undefined, countSql, params: match };
    const answer = { found: first.found, walked: w, checked: first.checked, candidates: counted?.n ?? 0, cap, rest: this.checkedRest };
    const total = blockTotal(answer);
    if (total !== 'check') return { rids, matches: total.n, estimated: total.estimated, atLeast: total.atLeast, countSql, params: match };
    const checked = await this.db.get<{ n: number; at_least: boolean; estimated: boolean }>(block.total(cap, this.checkedRest), [
      ...match,
      first.checked,
      first.found,
      first.last,
    ]);
    return { rids, matches: checked?.n, estimated: checked?.estimated, atLeast: checked?.at_least, countSql, params: match };
  }

  private async joinedPage(match: SqlValue[], q: SearchQuery): Promise<Page> {
    const joined: string[] = [];
    const params: SqlValue[] = [...match];
    if (q.from) {
      joined.push('a.updated_at >= ?');
      params.push(q.from);
    }
    if (q.to) {
      joined.push('a.updated_at <= ?');
      params.push(q.to);
    }
    if (q.hasPhotos !== undefined) joined.push(photoClause(q.hasPhotos));
    const { from: tables, where, score } = this.sql.joined;
    const from = `FROM ${tables} WHERE ${[where, ...joined].join(' AND ')}`;
    const order = q.sort === 'date' ? 'a.updated_at DESC, a.id' : `${score}, a.updated_at DESC`;
    const page = await this.db.all<{ rid: number }>(`SELECT a.rowid AS rid ${from} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
    return {
      rids: page.map((p) => p.rid),
      matches: undefined,
      countSql: `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${this.countCap + 1}) AS m`,
      params,
    };
  }

  /** The shown page in full, in the order given. */
  private async read(rids: number[]): Promise<SearchRow[]> {
    if (rids.length === 0) return [];
    const found = await this.db.all<SearchRow & { rid: number }>(
      `SELECT a.rowid AS rid, ${COLUMNS} FROM articles a WHERE a.rowid IN (${rids.map(() => '?').join(', ')})`,
      rids,
    );
    const byRowid = new Map(found.map((r) => [r.rid, r]));
    return rids.map((rid) => byRowid.get(rid)).filter((r): r is SearchRow & { rid: number } => r !== undefined);
  }

  async filtered(q: SearchQuery): Promise<Matching> {
    const f = filters(q, this.sql);
    const where = f.sql.length ? `WHERE ${f.sql.join(' AND ')}` : '';
    const rows = await this.db.all<SearchRow>(`SELECT ${COLUMNS} FROM articles a ${where} ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?`, [
      ...f.params,
      q.limit,
      q.offset,
    ]);
    const count = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${where}`, f.params);
    return { rows, total: count?.n ?? 0, totalIsLowerBound: false, totalIsEstimate: false };
  }
}
