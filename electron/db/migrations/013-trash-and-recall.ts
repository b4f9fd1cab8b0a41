import type { DialectMigration } from '../migration';

/**
 * 휴지통 and 송고 취소 (electron/services/trash.ts, shared/workflow.ts).
 *
 * - articles.discarded_at / discarded_by: a draft put in the 휴지통, when and by whom. The row stays
 *   (queues and search leave it out) until it is restored or, 30 days on, purged.
 * - workflow_events.action may be 'recall' (송고 취소), 'discard' and 'restore'. SQLite cannot widen a
 *   CHECK in place, so the append-only log is copied into a new table, row for row, ids kept (as 008).
 * - Revisions, workflow events and review comments stay append-only for every story but a discarded
 *   one: the purge is the only thing that removes a story's evidence, and only a story nobody kept.
 */
const sqlite = `
ALTER TABLE articles ADD COLUMN discarded_at TEXT;
ALTER TABLE articles ADD COLUMN discarded_by TEXT REFERENCES profiles(id);
CREATE INDEX articles_discarded ON articles (discarded_at) WHERE discarded_at IS NOT NULL;

CREATE TABLE workflow_events_v13 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id),
  action      TEXT NOT NULL CHECK (action IN ('submit', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw', 'take_lock', 'recall', 'discard', 'restore')),
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  actor_id    TEXT NOT NULL REFERENCES profiles(id),
  actor_name  TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL
) STRICT;
INSERT INTO workflow_events_v13 (id, article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, note, version)
  SELECT id, article_id, action, from_state, to_state, actor_id, actor_name, actor_role, at, note, version FROM workflow_events;
DROP TABLE workflow_events;
ALTER TABLE workflow_events_v13 RENAME TO workflow_events;
CREATE INDEX workflow_events_article ON workflow_events (article_id, id);

CREATE TRIGGER workflow_events_append_only_update BEFORE UPDATE ON workflow_events
BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END;
CREATE TRIGGER workflow_events_append_only_delete BEFORE DELETE ON workflow_events
WHEN (SELECT discarded_at FROM articles WHERE id = OLD.article_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END;

DROP TRIGGER revisions_append_only_delete;
CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
WHEN (SELECT discarded_at FROM articles WHERE id = OLD.article_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

DROP TRIGGER review_comments_no_delete;
CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
WHEN (SELECT discarded_at FROM articles WHERE id = OLD.article_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'review comments are never deleted'); END;
`;

/**
 * SQLite's 013 on PostgreSQL. The event log's CHECK is widened in place (no row is rewritten). A trigger's
 * WHEN cannot hold a subquery here, so the discarded-story exception lives in a function of its own;
 * UPDATE stays refused by byline_refuse, and TRUNCATE stays refused for every story.
 */
const postgres = `
ALTER TABLE articles ADD COLUMN discarded_at text, ADD COLUMN discarded_by text REFERENCES profiles(id);
CREATE INDEX articles_discarded ON articles (discarded_at) WHERE discarded_at IS NOT NULL;

ALTER TABLE workflow_events
  DROP CONSTRAINT workflow_events_action_check,
  ADD CONSTRAINT workflow_events_action_check
    CHECK (action IN ('submit', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw', 'take_lock', 'recall', 'discard', 'restore'));

CREATE FUNCTION byline_refuse_unless_discarded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id AND discarded_at IS NOT NULL) THEN RETURN OLD; END IF;
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;

DROP TRIGGER revisions_append_only ON revisions;
CREATE TRIGGER revisions_append_only BEFORE UPDATE ON revisions
  FOR EACH ROW EXECUTE FUNCTION byline_refuse('revisions are append-only');
CREATE TRIGGER revisions_delete_discarded_only BEFORE DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_unless_discarded('revisions are append-only');

DROP TRIGGER workflow_events_append_only ON workflow_events;
CREATE TRIGGER workflow_events_append_only BEFORE UPDATE ON workflow_events
  FOR EACH ROW EXECUTE FUNCTION byline_refuse('workflow events are append-only');
CREATE TRIGGER workflow_events_delete_discarded_only BEFORE DELETE ON workflow_events
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_unless_discarded('workflow events are append-only');

DROP TRIGGER review_comments_no_delete ON review_comments;
CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_unless_discarded('review comments are never deleted');
`;

export const m013TrashAndRecall: DialectMigration = { version: 13, name: 'trash and recall', sqlite, postgres };
