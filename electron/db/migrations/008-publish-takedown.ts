import type { DialectMigration } from '../migration';

/**
 * Publishing, corrections and takedowns (electron/services/publish.ts).
 *
 * - publish_targets.takedown: what taking a withdrawn story down does on a WordPress target: 'draft'
 *   (the post is unpublished, kept on the site) or 'trash' (moved to WordPress's trash).
 * - publish_targets.correction_prefix: 1 puts "[정정보도] " before a corrected story's title.
 * - publish_attempts.result may be 'withdrawn' (a takedown the target accepted). SQLite cannot widen a
 *   CHECK in place, so the append-only log is copied into a new table, row for row, ids kept.
 */
const sqlite = `
ALTER TABLE publish_targets ADD COLUMN takedown TEXT NOT NULL DEFAULT 'draft' CHECK (takedown IN ('draft', 'trash'));
ALTER TABLE publish_targets ADD COLUMN correction_prefix INTEGER NOT NULL DEFAULT 0 CHECK (correction_prefix IN (0, 1));

CREATE TABLE publish_attempts_v8 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id      TEXT NOT NULL REFERENCES articles(id),
  target_id       INTEGER NOT NULL REFERENCES publish_targets(id),
  target_name     TEXT NOT NULL,
  version         INTEGER NOT NULL,
  at              TEXT NOT NULL,
  result          TEXT NOT NULL CHECK (result IN ('published', 'updated', 'scheduled', 'exported', 'failed', 'withdrawn')),
  remote_id       TEXT,
  remote_url      TEXT,
  error           TEXT,
  tries           INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO publish_attempts_v8 (id, article_id, target_id, target_name, version, at, result, remote_id, remote_url, error, tries)
  SELECT id, article_id, target_id, target_name, version, at, result, remote_id, remote_url, error, tries FROM publish_attempts;
DROP TABLE publish_attempts;
ALTER TABLE publish_attempts_v8 RENAME TO publish_attempts;
CREATE INDEX publish_attempts_article ON publish_attempts (article_id, id);

CREATE TRIGGER publish_attempts_append_only_update BEFORE UPDATE ON publish_attempts
BEGIN SELECT RAISE(ABORT, 'publish attempts are append-only'); END;
CREATE TRIGGER publish_attempts_append_only_delete BEFORE DELETE ON publish_attempts
BEGIN SELECT RAISE(ABORT, 'publish attempts are append-only'); END;
`;

/**
 * SQLite's 008 on PostgreSQL. correction_prefix stays an integer 0/1, as on SQLite, so the repository
 * reads and writes it the same on both engines. The attempt log's CHECK is widened in place: ALTER
 * TABLE fires no row trigger, so the append-only log is never copied or rewritten.
 */
const postgres = `
ALTER TABLE publish_targets ADD COLUMN takedown text NOT NULL DEFAULT 'draft' CHECK (takedown IN ('draft', 'trash'));
ALTER TABLE publish_targets ADD COLUMN correction_prefix integer NOT NULL DEFAULT 0 CHECK (correction_prefix IN (0, 1));

ALTER TABLE publish_attempts
  DROP CONSTRAINT publish_attempts_result_check,
  ADD CONSTRAINT publish_attempts_result_check
    CHECK (result IN ('published', 'updated', 'scheduled', 'exported', 'failed', 'withdrawn'));
`;

export const m008PublishTakedown: DialectMigration = { version: 8, name: 'publish-takedown', sqlite, postgres };
