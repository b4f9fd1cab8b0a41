import type { DialectMigration } from '../migration';

/**
 * Comments as conversations (electron/services/workflow-comments.ts).
 *
 * - review_comments.parent_id: the comment a reply belongs under. Newsrooms talk in one level, so it
 *   always names a thread's first comment (a reply to a reply joins the same thread; the service sees to it).
 * - review_comments.reopened_at / reopened_by: a resolved comment can be opened again. Resolving is no
 *   longer once only, so the keep-words trigger now lets the resolve and reopen columns change, and still
 *   nothing else (parent_id included).
 * - review_comment_mentions: who a comment names as @이름, by profile id, for the notifications that
 *   read "mentioned me". Its rows go with their comment when a discarded story is purged.
 */
const sqlite = `
ALTER TABLE review_comments ADD COLUMN parent_id INTEGER REFERENCES review_comments(id);
ALTER TABLE review_comments ADD COLUMN reopened_at TEXT;
ALTER TABLE review_comments ADD COLUMN reopened_by TEXT REFERENCES profiles(id);
CREATE INDEX review_comments_parent ON review_comments (parent_id) WHERE parent_id IS NOT NULL;

DROP TRIGGER review_comments_keep_words;
CREATE TRIGGER review_comments_keep_words BEFORE UPDATE ON review_comments
WHEN NEW.id IS NOT OLD.id OR NEW.article_id IS NOT OLD.article_id OR NEW.author_id IS NOT OLD.author_id
  OR NEW.version IS NOT OLD.version OR NEW.field IS NOT OLD.field OR NEW.anchor_start IS NOT OLD.anchor_start OR NEW.anchor_end IS NOT OLD.anchor_end
  OR NEW.quote IS NOT OLD.quote OR NEW.body IS NOT OLD.body OR NEW.created_at IS NOT OLD.created_at OR NEW.parent_id IS NOT OLD.parent_id
BEGIN SELECT RAISE(ABORT, 'review comments keep their words; resolving and reopening are the only changes'); END;

CREATE TABLE review_comment_mentions (
  comment_id INTEGER NOT NULL REFERENCES review_comments(id) ON DELETE CASCADE,
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  PRIMARY KEY (comment_id, profile_id)
) STRICT;
CREATE INDEX review_comment_mentions_profile ON review_comment_mentions (profile_id, comment_id);
`;

/** SQLite's 015 on PostgreSQL; mentions notify with their comment, which is written in the same transaction. */
const postgres = `
ALTER TABLE review_comments
  ADD COLUMN parent_id bigint REFERENCES review_comments(id),
  ADD COLUMN reopened_at text,
  ADD COLUMN reopened_by text REFERENCES profiles(id);
CREATE INDEX review_comments_parent ON review_comments (parent_id) WHERE parent_id IS NOT NULL;

DROP TRIGGER review_comments_keep_words ON review_comments;
CREATE TRIGGER review_comments_keep_words BEFORE UPDATE ON review_comments FOR EACH ROW
  WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.article_id IS DISTINCT FROM OLD.article_id OR NEW.author_id IS DISTINCT FROM OLD.author_id
    OR NEW.version IS DISTINCT FROM OLD.version OR NEW.field IS DISTINCT FROM OLD.field OR NEW.anchor_start IS DISTINCT FROM OLD.anchor_start
    OR NEW.anchor_end IS DISTINCT FROM OLD.anchor_end OR NEW.quote IS DISTINCT FROM OLD.quote OR NEW.body IS DISTINCT FROM OLD.body
    OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.parent_id IS DISTINCT FROM OLD.parent_id)
  EXECUTE FUNCTION byline_refuse('review comments keep their words; resolving and reopening are the only changes');

CREATE TABLE review_comment_mentions (
  comment_id bigint NOT NULL REFERENCES review_comments(id) ON DELETE CASCADE,
  profile_id text NOT NULL REFERENCES profiles(id),
  PRIMARY KEY (comment_id, profile_id)
);
CREATE INDEX review_comment_mentions_profile ON review_comment_mentions (profile_id, comment_id);
`;

export const m015CommentThreads: DialectMigration = { version: 15, name: 'comment threads', sqlite, postgres };
