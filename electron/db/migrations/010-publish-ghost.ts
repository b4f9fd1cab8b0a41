import type { DialectMigration } from '../migration';

/**
 * Ghost sites as publishing targets (electron/publish/ghost.ts): publish_targets.kind may be 'ghost'.
 * Their Admin API key goes in secret_sealed, sealed like a WordPress password.
 *
 * SQLite cannot widen a CHECK in place, so publish_targets is copied out and back, ids kept. Records,
 * photos and the attempt log refer to it: their foreign keys are deferred for this transaction, the old
 * table's rows dropped and the same rows put back under the same ids before it commits, so the checks
 * at commit find every reference whole. The AUTOINCREMENT counter is carried over too, so an id once
 * given out is never given out again.
 */
const sqlite = `
PRAGMA defer_foreign_keys = ON;

CREATE TABLE publish_targets_v10_copy AS SELECT * FROM publish_targets;
CREATE TABLE publish_targets_v10_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'publish_targets';
DROP TABLE publish_targets;

CREATE TABLE publish_targets (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  kind              TEXT NOT NULL CHECK (kind IN ('wordpress', 'html-bundle', 'ghost')),
  name              TEXT NOT NULL,
  url               TEXT NOT NULL,
  username          TEXT NOT NULL DEFAULT '',
  folder            TEXT NOT NULL DEFAULT '',
  secret_sealed     TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  takedown          TEXT NOT NULL DEFAULT 'draft' CHECK (takedown IN ('draft', 'trash')),
  correction_prefix INTEGER NOT NULL DEFAULT 0 CHECK (correction_prefix IN (0, 1))
) STRICT;
INSERT INTO publish_targets (id, kind, name, url, username, folder, secret_sealed, created_at, updated_at, takedown, correction_prefix)
  SELECT id, kind, name, url, username, folder, secret_sealed, created_at, updated_at, takedown, correction_prefix FROM publish_targets_v10_copy;
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM publish_targets_v10_seq)) WHERE name = 'publish_targets';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'publish_targets', seq FROM publish_targets_v10_seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'publish_targets');

DROP TABLE publish_targets_v10_copy;
DROP TABLE publish_targets_v10_seq;
`;

/** SQLite's 010 on PostgreSQL: publish_targets.kind may be 'ghost'. The CHECK (named by PostgreSQL after 006's inline one) is widened in place. */
const postgres = `
ALTER TABLE publish_targets
  DROP CONSTRAINT publish_targets_kind_check,
  ADD CONSTRAINT publish_targets_kind_check CHECK (kind IN ('wordpress', 'html-bundle', 'ghost'));
`;

export const m010PublishGhost: DialectMigration = { version: 10, name: 'publish-ghost', sqlite, postgres };
