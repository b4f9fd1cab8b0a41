import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: what a search reads of each story's tsvector. Every ranked story and every phrase
 * candidate costs one fetch of its tsvector (7 kB for a story of 2,500 characters) from TOAST; that
 * fetch, not the GIN index, is what a search waits for.
 *
 * - The tsvector is compressed with lz4 where the server has it: it decompresses several times faster
 *   than the default pglz. Existing rows keep their compression until rewritten, so the story index is
 *   marked unbuilt and the next start rebuilds it (search/rebuild.ts; photos are untouched).
 * - article_search_ranked walks phrase candidates in a loop that fetches each tsvector once, for both
 *   the phrase check and the rank (two expressions over one column fetch it twice), and says how many
 *   candidates it checked to find each match: when the newest `n` matches were found among `checked`
 *   candidates, the share of candidates that match gives an estimate of the total without checking
 *   them all (article_search_total), which is what made a phrase's count cost a full recheck.
 * - JIT is off in both: the planner costs of a walk held to the bitmap scan (seq scans off) pass JIT's
 *   threshold, and compiling then took longer than the query.
 */
const postgres = `
DO $$
BEGIN
  IF 'lz4' = ANY ((SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression')::text[]) THEN
    ALTER TABLE article_search ALTER COLUMN doc SET COMPRESSION lz4;
    DELETE FROM search_index_state;
  END IF;
END $$;

DROP FUNCTION article_search_ranked(tsquery, tsquery, tsquery, real[], integer);
CREATE FUNCTION article_search_ranked(q tsquery, loose tsquery, r tsquery, weights real[], n integer)
  RETURNS TABLE (rid bigint, score real, checked integer)
  LANGUAGE plpgsql STABLE
  SET enable_seqscan = off SET enable_indexscan = off SET work_mem = '32MB' SET jit = off
AS $$
DECLARE
  c record;
  d tsvector;
  seen integer := 0;
  hits integer := 0;
BEGIN
  IF q = loose THEN
    RETURN QUERY SELECT m.rowid, -ts_rank(weights, m.doc, r, 1), NULL::integer FROM
      (SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ q ORDER BY s.rowid DESC LIMIT n) AS m;
    RETURN;
  END IF;
  FOR c IN SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ loose ORDER BY s.rowid DESC LOOP
    seen := seen + 1;
    -- A variable holds the tsvector fetched: the check and the rank read it from memory.
    d := c.doc;
    IF d @@ q THEN
      rid := c.rowid;
      score := -ts_rank(weights, d, r, 1);
      checked := seen;
      RETURN NEXT;
      hits := hits + 1;
      EXIT WHEN hits >= n;
    END IF;
  END LOOP;
END $$;

-- Matches of q, counted up to cap. checked is NULL when the index answers q without a recheck: counted.
-- Otherwise the newest hits matches, the oldest at rowid last, took checked candidates. When few
-- candidates are left unchecked (rest at most) they are checked; else the candidates' count scaled by the share that
-- matched is the estimate, a lower bound (at_least) when the candidates themselves passed the cap.
CREATE FUNCTION article_search_total(q tsquery, loose tsquery, cap integer, checked integer, hits integer, last bigint, rest integer,
    OUT n bigint, OUT at_least boolean, OUT estimated boolean)
  LANGUAGE plpgsql STABLE
  SET enable_seqscan = off SET enable_indexscan = off SET jit = off
AS $$
DECLARE
  candidates bigint;
BEGIN
  estimated := false;
  IF checked IS NULL THEN
    n := (SELECT count(*) FROM (SELECT 1 FROM article_search s WHERE s.doc @@ q LIMIT cap) AS m);
  ELSE
    candidates := (SELECT count(*) FROM (SELECT 1 FROM article_search s WHERE s.doc @@ loose LIMIT cap) AS m);
    IF candidates - checked <= rest THEN
      -- OFFSET 0 keeps the recheck to the older candidates: in the scan it would come before the rowid test.
      n := hits + (SELECT count(*) FROM (SELECT c.doc FROM
        (SELECT s.doc FROM article_search s WHERE s.doc @@ loose AND s.rowid < last OFFSET 0) AS c WHERE c.doc @@ q LIMIT cap) AS m);
    ELSE
      n := greatest(hits, round(candidates * hits::numeric / checked));
      estimated := true;
    END IF;
  END IF;
  at_least := n >= cap OR (estimated AND candidates >= cap);
END $$;

ALTER FUNCTION article_search_count(tsquery, integer) SET jit = off;
`;

export const m105PgSearchReads: DialectMigration = { version: 105, name: 'search reads each tsvector once', sqlite: null, postgres };
