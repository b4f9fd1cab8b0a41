import type { ArticleState } from '../../shared/article';
import type { SearchQuery } from '../../shared/search';
import type { Database, SqlValue } from './database';
import { facetToken } from './search-index';

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

const COLUMNS = 'a.id, a.version, a.state, a.headline, a.section, a.body_text, a.char_count AS characters, a.updated_at, a.archived_at';

/** The filters as facet terms of the FTS5 query (see search-index.ts). */
function facetTerms(q: SearchQuery): string[] {
  const term = (kind: Parameters<typeof facetToken>[0], value: string) => `facets : "${facetToken(kind, value)}"`;
  const out: string[] = [];
  if (!q.includeArchived) out.push(term('arch', '0'));
  if (q.section) out.push(term('sec', q.section));
  if (q.state) out.push(term('st', q.state));
  if (q.tag) out.push(term('tag', q.tag));
  if (q.author) out.push(term('au', q.author));
  return out;
}

/** media_usage, kept by the articles repository in each save's transaction, says which stories show photos. */
function photoClause(hasPhotos: boolean): string {
  return `${hasPhotos ? '' : 'NOT '}EXISTS (SELECT 1 FROM media_usage mu WHERE mu.article_id = a.id)`;
}

/** The WHERE clause of the filters, shared by the text search and the plain listing. */
function filters(q: SearchQuery): { sql: string[]; params: SqlValue[] } {
  const sql: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    sql.push(clause);
    params.push(value);
  };
  if (!q.includeArchived) sql.push('a.archived_at IS NULL');
  if (q.section) add('a.section = ?', q.section);
  if (q.state) add('a.state = ?', q.state);
  if (q.from) add('a.updated_at >= ?', q.from);
  if (q.to) add('a.updated_at <= ?', q.to);
  if (q.author) add("EXISTS (SELECT 1 FROM json_each(a.bylines_json) WHERE json_extract(value, '$.name') = ?)", q.author);
  if (q.tag) add('EXISTS (SELECT 1 FROM json_each(a.tags_json) WHERE value = ?)', q.tag);
  if (q.hasPhotos !== undefined) sql.push(photoClause(q.hasPhotos));
  return { sql, params };
}

/** SQL for search; what to search for (the FTS5 expression) is decided by the service. */
export class SearchRepository {
  constructor(
    private readonly db: Database,
    private readonly countCap = COUNT_CAP,
    private readonly rankWindow = RANK_WINDOW,
  ) {}

  /**
   * Section, state, archive, tag and author filters are facet tokens in the index, so a search is
   * one FTS5 query: ranked and counted without visiting the articles table. Only a date range, a
   * date sort or the photo filter joins it. Then the one page that is shown is read in full.
   */
  async matching(match: string, q: SearchQuery): Promise<{ rows: SearchRow[]; total: number; totalIsLowerBound: boolean }> {
    const expression = [match, ...facetTerms(q)].join(' AND ');
    const needsJoin = q.sort === 'date' || q.from !== undefined || q.to !== undefined || q.hasPhotos !== undefined;
    let pageSql: string;
    let countSql: string;
    const params: SqlValue[] = [expression];
    if (needsJoin) {
      const joined: string[] = [];
      if (q.from) {
        joined.push('a.updated_at >= ?');
        params.push(q.from);
      }
      if (q.to) {
        joined.push('a.updated_at <= ?');
        params.push(q.to);
      }
      if (q.hasPhotos !== undefined) joined.push(photoClause(q.hasPhotos));
      // CROSS JOIN keeps the index as the outer loop; otherwise SQLite may run the MATCH once per article.
      const from = `FROM article_search CROSS JOIN articles a ON a.rowid = article_search.rowid WHERE ${['article_search MATCH ?', ...joined].join(' AND ')}`;
      const order = q.sort === 'date' ? 'a.updated_at DESC, a.id' : `bm25(article_search, ${WEIGHTS}), a.updated_at DESC`;
      pageSql = `SELECT a.rowid AS rid ${from} ORDER BY ${order} LIMIT ? OFFSET ?`;
      countSql = `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${this.countCap + 1})`;
    } else {
      const w = this.rankWindow;
      const blocksNeeded = Math.floor((q.offset + q.limit - 1) / w) + 1;
      const ranked = `SELECT rowid AS rid, bm25(article_search, ${WEIGHTS}) AS score FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ${blocksNeeded * w}`;
      pageSql = `SELECT rid FROM (SELECT rid, score, (row_number() OVER (ORDER BY rid DESC) - 1) / ${w} AS block FROM (${ranked})) ORDER BY block, score, rid DESC LIMIT ? OFFSET ?`;
      countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT ${this.countCap + 1})`;
    }
    const page = await this.db.all<{ rid: number }>(pageSql, [...params, q.limit, q.offset]);
    const counted = (await this.db.get<{ n: number }>(countSql, params))?.n ?? 0;
    const total = Math.min(counted, this.countCap);
    const totalIsLowerBound = counted > this.countCap;
    if (page.length === 0) return { rows: [], total, totalIsLowerBound };
    const found = await this.db.all<SearchRow & { rid: number }>(`SELECT a.rowid AS rid, ${COLUMNS} FROM articles a WHERE a.rowid IN (${page.map(() => '?').join(', ')})`, page.map((p) => p.rid));
    const byRowid = new Map(found.map((r) => [r.rid, r]));
    return { rows: page.map((p) => byRowid.get(p.rid)).filter((r): r is SearchRow & { rid: number } => r !== undefined), total, totalIsLowerBound };
  }

  async filtered(q: SearchQuery): Promise<{ rows: SearchRow[]; total: number; totalIsLowerBound: boolean }> {
    const f = filters(q);
    const where = f.sql.length ? `WHERE ${f.sql.join(' AND ')}` : '';
    const rows = await this.db.all<SearchRow>(`SELECT ${COLUMNS} FROM articles a ${where} ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?`, [...f.params, q.limit, q.offset]);
    const count = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${where}`, f.params);
    return { rows, total: count?.n ?? 0, totalIsLowerBound: false };
  }
}
