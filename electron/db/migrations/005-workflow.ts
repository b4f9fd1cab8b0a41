import type { DialectMigration } from '../migration';

/**
 * The desk's workflow (shared/workflow.ts). The story's state stays in articles.state, where queues and
 * search already read it; what the workflow adds lives beside it:
 *
 * - profiles: the people who may act, and the sections a desk editor covers.
 * - article_workflow: one row per story that has entered the workflow: its reporter (owner), priority,
 *   when it was last submitted and which version (revisions keep every version, so the submitted
 *   snapshot is a version number), and the version the desk approved.
 * - article_locks: the reviewer holding a story in review or correction; at most one per story.
 * - workflow_events: every move and every lock taken over, append-only like revisions. Actor name and
 *   role are copied in, so the history reads as it was even after a profile is renamed.
 * - review_comments: desk comments, anchored (quote + offsets into one version's plain text of one
 *   field) or general. Words and anchor never change; a comment can be resolved once.
 */
const sqlite = `
CREATE TABLE profiles (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  email         TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('reporter', 'desk', 'chief')),
  sections_json TEXT NOT NULL DEFAULT '[]',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE article_workflow (
  article_id        TEXT PRIMARY KEY REFERENCES articles(id),
  owner_id          TEXT REFERENCES profiles(id),
  priority          INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 2),
  submitted_at      TEXT,
  submitted_version INTEGER,
  approved_version  INTEGER
) STRICT;
CREATE INDEX article_workflow_owner ON article_workflow (owner_id);

CREATE TABLE article_locks (
  article_id  TEXT PRIMARY KEY REFERENCES articles(id),
  holder_id   TEXT NOT NULL REFERENCES profiles(id),
  acquired_at TEXT NOT NULL
) STRICT;

CREATE TABLE workflow_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id),
  action      TEXT NOT NULL CHECK (action IN ('submit', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw', 'take_lock')),
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  actor_id    TEXT NOT NULL REFERENCES profiles(id),
  actor_name  TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL
) STRICT;
CREATE INDEX workflow_events_article ON workflow_events (article_id, id);

-- The history is evidence, as revisions are: appended, never changed or removed.
CREATE TRIGGER workflow_events_append_only_update BEFORE UPDATE ON workflow_events
BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END;
CREATE TRIGGER workflow_events_append_only_delete BEFORE DELETE ON workflow_events
BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END;

CREATE TABLE review_comments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id),
  author_id   TEXT NOT NULL REFERENCES profiles(id),
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  version     INTEGER NOT NULL,
  field       TEXT CHECK (field IN ('headline', 'deck', 'body')),
  anchor_start INTEGER,
  anchor_end   INTEGER,
  quote       TEXT,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT REFERENCES profiles(id),
  CHECK ((field IS NULL) = (quote IS NULL) AND (field IS NULL) = (anchor_start IS NULL) AND (field IS NULL) = (anchor_end IS NULL))
) STRICT;
CREATE INDEX review_comments_article ON review_comments (article_id, id);

CREATE TRIGGER review_comments_keep_words BEFORE UPDATE ON review_comments
WHEN NEW.id IS NOT OLD.id OR NEW.article_id IS NOT OLD.article_id OR NEW.author_id IS NOT OLD.author_id
  OR NEW.version IS NOT OLD.version OR NEW.field IS NOT OLD.field OR NEW.anchor_start IS NOT OLD.anchor_start OR NEW.anchor_end IS NOT OLD.anchor_end
  OR NEW.quote IS NOT OLD.quote OR NEW.body IS NOT OLD.body OR NEW.created_at IS NOT OLD.created_at OR OLD.resolved_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'review comments keep their words; resolving is the only change, once'); END;
CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
BEGIN SELECT RAISE(ABORT, 'review comments are never deleted'); END;

-- The desk queues: live stories of a state, per section.
CREATE INDEX articles_queue_state_section ON articles (archived_at, state, section);
`;

/**
 * SQLite's 005 on PostgreSQL: profiles, each story's workflow row, review locks, the append-only event
 * log and desk comments. SQLite's `IS NOT` is `IS DISTINCT FROM` here. Every table a desk's queue reads
 * notifies on change (001's byline_notify_change), so a move on one workstation shows on the others.
 */
const postgres = `
CREATE TABLE profiles (
  id            text PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  email         text NOT NULL DEFAULT '',
  role          text NOT NULL CHECK (role IN ('reporter', 'desk', 'chief')),
  sections_json text NOT NULL DEFAULT '[]',
  created_at    text NOT NULL,
  updated_at    text NOT NULL
);

CREATE TABLE article_workflow (
  article_id        text PRIMARY KEY REFERENCES articles(id),
  owner_id          text REFERENCES profiles(id),
  priority          integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 2),
  submitted_at      text,
  submitted_version integer,
  approved_version  integer
);
CREATE INDEX article_workflow_owner ON article_workflow (owner_id);

CREATE TABLE article_locks (
  article_id  text PRIMARY KEY REFERENCES articles(id),
  holder_id   text NOT NULL REFERENCES profiles(id),
  acquired_at text NOT NULL
);

CREATE TABLE workflow_events (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id  text NOT NULL REFERENCES articles(id),
  action      text NOT NULL CHECK (action IN ('submit', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw', 'take_lock')),
  from_state  text NOT NULL,
  to_state    text NOT NULL,
  actor_id    text NOT NULL REFERENCES profiles(id),
  actor_name  text NOT NULL,
  actor_role  text NOT NULL,
  at          text NOT NULL,
  note        text NOT NULL DEFAULT '',
  version     integer NOT NULL
);
CREATE INDEX workflow_events_article ON workflow_events (article_id, id);

CREATE TRIGGER workflow_events_append_only BEFORE UPDATE OR DELETE ON workflow_events
  FOR EACH ROW EXECUTE FUNCTION byline_refuse('workflow events are append-only');
CREATE TRIGGER workflow_events_no_truncate BEFORE TRUNCATE ON workflow_events
  FOR EACH STATEMENT EXECUTE FUNCTION byline_refuse('workflow events are append-only');

CREATE TABLE review_comments (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id   text NOT NULL REFERENCES articles(id),
  author_id    text NOT NULL REFERENCES profiles(id),
  author_name  text NOT NULL,
  author_role  text NOT NULL,
  version      integer NOT NULL,
  field        text CHECK (field IN ('headline', 'deck', 'body')),
  anchor_start integer,
  anchor_end   integer,
  quote        text,
  body         text NOT NULL,
  created_at   text NOT NULL,
  resolved_at  text,
  resolved_by  text REFERENCES profiles(id),
  CHECK ((field IS NULL) = (quote IS NULL) AND (field IS NULL) = (anchor_start IS NULL) AND (field IS NULL) = (anchor_end IS NULL))
);
CREATE INDEX review_comments_article ON review_comments (article_id, id);

CREATE TRIGGER review_comments_keep_words BEFORE UPDATE ON review_comments FOR EACH ROW
  WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.article_id IS DISTINCT FROM OLD.article_id OR NEW.author_id IS DISTINCT FROM OLD.author_id
    OR NEW.version IS DISTINCT FROM OLD.version OR NEW.field IS DISTINCT FROM OLD.field OR NEW.anchor_start IS DISTINCT FROM OLD.anchor_start
    OR NEW.anchor_end IS DISTINCT FROM OLD.anchor_end OR NEW.quote IS DISTINCT FROM OLD.quote OR NEW.body IS DISTINCT FROM OLD.body
    OR NEW.created_at IS DISTINCT FROM OLD.created_at OR OLD.resolved_at IS NOT NULL)
  EXECUTE FUNCTION byline_refuse('review comments keep their words; resolving is the only change, once');
CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
  FOR EACH ROW EXECUTE FUNCTION byline_refuse('review comments are never deleted');
CREATE TRIGGER review_comments_no_truncate BEFORE TRUNCATE ON review_comments
  FOR EACH STATEMENT EXECUTE FUNCTION byline_refuse('review comments are never deleted');

CREATE INDEX articles_queue_state_section ON articles (archived_at, state, section);

CREATE TRIGGER article_workflow_notify AFTER INSERT OR UPDATE OR DELETE ON article_workflow
  FOR EACH ROW EXECUTE FUNCTION byline_notify_change('article_id');
CREATE TRIGGER article_locks_notify AFTER INSERT OR UPDATE OR DELETE ON article_locks
  FOR EACH ROW EXECUTE FUNCTION byline_notify_change('article_id');
CREATE TRIGGER workflow_events_notify AFTER INSERT ON workflow_events
  FOR EACH ROW EXECUTE FUNCTION byline_notify_change('article_id');
CREATE TRIGGER review_comments_notify AFTER INSERT OR UPDATE ON review_comments
  FOR EACH ROW EXECUTE FUNCTION byline_notify_change('article_id');
`;

export const m005Workflow: DialectMigration = { version: 5, name: 'desk workflow', sqlite, postgres };
