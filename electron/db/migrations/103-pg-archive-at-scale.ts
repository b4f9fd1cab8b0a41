import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: the archive search and the 내 기사 queue over 100,000 stories, without reading every
 * story's TOAST-ed text to answer one page.
 *
 * PostgreSQL's planner counts `doc @@ query` as one cheap operator call per row, but every call fetches
 * that row's whole tsvector from TOAST (7 kB for a story of 2,500 characters). So over a large archive
 * it walks the table (or its primary key, for the newest matches) reading each row's tsvector: seconds
 * for one word where the GIN index of migration 003 answers in tens of milliseconds. These functions hold
 * the search statements with seq and plain index scans off, leaving the bitmap scan of the GIN index as
 * the only way in; a function's SET clauses last for its call only, so nothing else on the connection
 * changes.
 *
 * - article_search_ranked: the `n` newest matches of `q`, each with its ts_rank for `r` (negated, as the
 *   statements of search/pg-sql.ts rank), read from the tsvector of those `n` rows only. `loose`
 *   (search/pg-query.ts TsQueries) is what the index answers without reading a tsvector; when it differs
 *   from `q` (a phrase, a column filter), the candidates are sorted newest first (in memory: 32 MB holds
 *   every story's rowid) and only as many are rechecked as it takes to find `n`.
 * - article_search_count: how many stories match `q`, counting at most `cap`.
 *
 * articles_live_queue: migration 002's (archived_at, updated_at DESC, id) cannot give PostgreSQL the queue's
 * order, since its planner does not take `archived_at IS NULL` as fixing the first column; it sorted every
 * live story, reading each body for the excerpt. Partial on live stories, it is the queue's order itself.
 */
const postgres = `
CREATE FUNCTION article_search_ranked(q tsquery, loose tsquery, r tsquery, weights real[], n integer)
  RETURNS TABLE (rid bigint, score real)
  LANGUAGE plpgsql STABLE
  SET enable_seqscan = off SET enable_indexscan = off SET work_mem = '32MB'
AS $$
BEGIN
  IF q = loose THEN
    RETURN QUERY SELECT m.rowid, -ts_rank(weights, m.doc, r, 1) FROM
      (SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ q ORDER BY s.rowid DESC LIMIT n) AS m;
  ELSE
    -- OFFSET 0 keeps the recheck out of the candidates' scan, where it would read every candidate's tsvector.
    RETURN QUERY SELECT m.rowid, -ts_rank(weights, m.doc, r, 1) FROM
      (SELECT c.rowid, c.doc FROM (SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ loose ORDER BY s.rowid DESC OFFSET 0) AS c
        WHERE c.doc @@ q LIMIT n) AS m;
  END IF;
END $$;

CREATE FUNCTION article_search_count(q tsquery, cap integer) RETURNS bigint
  LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
AS $$ SELECT count(*) FROM (SELECT 1 FROM article_search s WHERE s.doc @@ q LIMIT cap) AS m $$;

CREATE INDEX articles_live_queue ON articles (updated_at DESC, id) WHERE archived_at IS NULL;
`;

export const m103PgArchiveAtScale: DialectMigration = { version: 103, name: 'archive search and queue at scale', sqlite: null, postgres };
