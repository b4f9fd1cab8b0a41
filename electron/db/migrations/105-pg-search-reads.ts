import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: what a search reads of each story's tsvector. Every ranked story and every phrase
 * candidate costs one fetch of its tsvector (7 kB for a story of 2,500 characters) from TOAST; that
 * fetch, not the GIN index, is what a search waits for.
 *
 * - The tsvector is compressed with lz4 where the server has it: it decompresses several times faster
 *   than the default pglz. Existing rows keep their compression until rewritten, so the story index is
 *   marked unbuilt and the next start rebuilds it (search/rebuild.ts; photos are untouched).
 * - article_search_ranked walks the newest stories along the primary key while a third of them match (a
 *   common word, which the GIN index would hand over whole, every match to be sorted), then candidates
 *   from the index, in loops that fetch each tsvector once for the checks and the rank (two expressions
 *   over one column fetch it twice). It says how many candidates it checked to find each match: when the
 *   newest `n` matches were found among `checked` candidates, the share that matched gives an estimate
 *   of the total without checking them all (article_search_total); that full recheck was what made a
 *   phrase's count slow.
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
  exact boolean := q = loose;
  walked integer := 0;
  candidates integer := 0;
  hits integer := 0;
  below bigint;
  low bigint;
  span bigint;
  got integer;
  rare boolean := false;
BEGIN
  -- Newest first along the primary key: a word in most stories has its newest n matches among the newest
  -- rows, where the GIN index would hand over every match to be sorted. Once fewer than a third of the
  -- rows walked match (at the latest after the first 100), the index takes over below the last row walked.
  PERFORM set_config('enable_indexscan', 'on', true);
  FOR c IN SELECT s.rowid, s.doc FROM article_search s ORDER BY s.rowid DESC LOOP
    walked := walked + 1;
    below := c.rowid;
    -- A variable holds the tsvector fetched: the checks and the rank read it from memory.
    d := c.doc;
    IF d @@ loose THEN
      candidates := candidates + 1;
      IF exact OR d @@ q THEN
        rid := c.rowid;
        score := -ts_rank(weights, d, r, 1);
        checked := CASE WHEN exact THEN NULL ELSE candidates END;
        RETURN NEXT;
        hits := hits + 1;
        IF hits >= n THEN RETURN; END IF;
      END IF;
    END IF;
    IF walked >= 100 AND hits * 3 < walked THEN
      rare := true;
      EXIT;
    END IF;
  END LOOP;
  IF NOT rare THEN RETURN; END IF;
  -- Below the walk, the index in spans of rows sized by the share that matched in the walk (a sort of
  -- every match is what made a word in a few thousand stories slow), each span four times the last.
  -- rowid + 0 keeps the span a filter on what the GIN index finds: as an index condition on the primary
  -- key, the planner would fetch every row of the span and read its tsvector to test the words.
  PERFORM set_config('enable_indexscan', 'off', true);
  span := ceil((n - hits) * 1.5 * walked / greatest(hits, 1));
  LOOP
    low := greatest(0, below - span);
    IF exact THEN
      RETURN QUERY SELECT m.rowid, -ts_rank(weights, m.doc, r, 1), NULL::integer FROM
        (SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ q AND s.rowid + 0 < below AND s.rowid + 0 >= low
          ORDER BY s.rowid DESC LIMIT n - hits) AS m;
      GET DIAGNOSTICS got = ROW_COUNT;
      hits := hits + got;
    ELSE
      FOR c IN SELECT s.rowid, s.doc FROM article_search s WHERE s.doc @@ loose AND s.rowid + 0 < below AND s.rowid + 0 >= low
          ORDER BY s.rowid DESC LOOP
        candidates := candidates + 1;
        d := c.doc;
        IF d @@ q THEN
          rid := c.rowid;
          score := -ts_rank(weights, d, r, 1);
          checked := candidates;
          RETURN NEXT;
          hits := hits + 1;
          EXIT WHEN hits >= n;
        END IF;
      END LOOP;
    END IF;
    EXIT WHEN hits >= n OR low = 0;
    below := low;
    span := span * 4;
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
