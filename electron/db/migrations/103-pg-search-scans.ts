import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: story searches that read the GIN index (migration 003) instead of every story's
 * tsvector, so that a search stays within tens of milliseconds over 100,000 stories.
 *
 * PostgreSQL's planner counts `doc @@ query` as one cheap operator call per row, but every call
 * fetches and decompresses that row's whole tsvector from TOAST (7 kB for a story of 2,500 characters).
 * So over a large archive it walks the table (or its primary key, for the newest matches) reading each
 * row's tsvector: 2.6 s for one word in 34,000 stories where the index answers in 50 ms. These functions
 * hold the search statements with seq and plain index scans off, leaving the bitmap scan of the GIN
 * index as the only way in; a function's SET clauses last for its call only, so nothing else on the
 * connection changes.
 *
 * - article_search_newest: the `n` newest matches of `q`. `loose` (search/pg-query.ts TsQueries) is what
 *   the index can answer without reading a tsvector; when it differs from `q` (a phrase, a column
 *   filter), the candidates are sorted newest first (in memory: 32 MB holds every story's rowid) and only
 *   as many are rechecked as it takes to find `n`.
 * - article_search_count: how many stories match `q`, counting at most `cap`.
 */
const postgres = `
CREATE FUNCTION article_search_newest(q tsquery, loose tsquery, n integer) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE
  SET enable_seqscan = off SET enable_indexscan = off SET work_mem = '32MB'
AS $$
BEGIN
  IF q = loose THEN
    RETURN QUERY SELECT s.rowid FROM article_search s WHERE s.doc @@ q ORDER BY s.rowid DESC LIMIT n;
  ELSE
    -- OFFSET 0 keeps the recheck out of the candidates' scan, where it would read every candidate's tsvector.
    RETURN QUERY SELECT c.rowid FROM (SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ loose ORDER BY s.rowid DESC OFFSET 0) AS c
      WHERE c.doc @@ q LIMIT n;
  END IF;
END $$;

CREATE FUNCTION article_search_count(q tsquery, cap integer) RETURNS bigint
  LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
AS $$ SELECT count(*) FROM (SELECT 1 FROM article_search s WHERE s.doc @@ q LIMIT cap) AS m $$;
`;

export const m103PgSearchScans: DialectMigration = { version: 103, name: 'search through the GIN index', sqlite: null, postgres };
