import type { DialectMigration } from '../migration';

/**
 * A publish target's settings as one JSON document (publish_targets.settings_json), read and written
 * through its kind's zod schema (shared/publish-targets/), so a new kind of target needs no migration:
 * no column per setting, no CHECK on kind. The secret stays in its own column, sealed, never in the JSON.
 *
 * Each row keeps its id, name, secret and times; its settings become the document its kind's schema
 * reads: WordPress {url, username, takedown, correctionPrefix}, Ghost {url, takedown, correctionPrefix},
 * HTML bundle {url, folder, correctionPrefix} (a bundle's folder is always removed at a takedown, so it
 * never had a choice to keep).
 *
 * SQLite cannot drop a CHECK or a column with one in place, so the table is copied out and back as 010
 * did: foreign keys deferred for this transaction, the same rows under the same ids before it commits,
 * the AUTOINCREMENT counter carried over so an id once given out is never given out again.
 */
const sqlite = `
PRAGMA defer_foreign_keys = ON;

CREATE TABLE publish_targets_v11_copy AS SELECT * FROM publish_targets;
CREATE TABLE publish_targets_v11_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'publish_targets';
DROP TABLE publish_targets;

CREATE TABLE publish_targets (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL,
  name            TEXT NOT NULL,
  settings_json   TEXT NOT NULL,
  secret_sealed   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
INSERT INTO publish_targets (id, kind, name, settings_json, secret_sealed, created_at, updated_at)
  SELECT id, kind, name,
    CASE kind
      WHEN 'wordpress' THEN json_object('url', url, 'username', username, 'takedown', takedown,
        'correctionPrefix', json(CASE correction_prefix WHEN 1 THEN 'true' ELSE 'false' END))
      WHEN 'ghost' THEN json_object('url', url, 'takedown', takedown,
        'correctionPrefix', json(CASE correction_prefix WHEN 1 THEN 'true' ELSE 'false' END))
      WHEN 'html-bundle' THEN json_object('url', url, 'folder', folder,
        'correctionPrefix', json(CASE correction_prefix WHEN 1 THEN 'true' ELSE 'false' END))
    END,
    secret_sealed, created_at, updated_at
  FROM publish_targets_v11_copy;
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM publish_targets_v11_seq)) WHERE name = 'publish_targets';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'publish_targets', seq FROM publish_targets_v11_seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'publish_targets');

DROP TABLE publish_targets_v11_copy;
DROP TABLE publish_targets_v11_seq;
`;

/**
 * SQLite's 011 on PostgreSQL, in place: the document is filled from the columns, then the kind's CHECK
 * (named by PostgreSQL after 006's inline one, widened by 010) and the per-setting columns are dropped.
 * Ids, secrets and every reference stay as they are.
 */
const postgres = `
ALTER TABLE publish_targets ADD COLUMN settings_json text;
UPDATE publish_targets SET settings_json = CASE kind
  WHEN 'wordpress' THEN json_build_object('url', url, 'username', username, 'takedown', takedown, 'correctionPrefix', correction_prefix = 1)::text
  WHEN 'ghost' THEN json_build_object('url', url, 'takedown', takedown, 'correctionPrefix', correction_prefix = 1)::text
  WHEN 'html-bundle' THEN json_build_object('url', url, 'folder', folder, 'correctionPrefix', correction_prefix = 1)::text
END;
ALTER TABLE publish_targets
  ALTER COLUMN settings_json SET NOT NULL,
  DROP CONSTRAINT publish_targets_kind_check,
  DROP COLUMN url,
  DROP COLUMN username,
  DROP COLUMN folder,
  DROP COLUMN takedown,
  DROP COLUMN correction_prefix;
`;

export const m011PublishTargetSettings: DialectMigration = { version: 11, name: 'publish-target-settings', sqlite, postgres };
