import type { Migration } from '../migration';

/**
 * Publishing (electron/services/publish.ts).
 *
 * - publish_targets: WordPress sites and HTML bundle folders. The application password is stored only
 *   sealed by the host's SecretStore (AES-GCM under a key file, or Electron safeStorage), never in clear.
 * - publish_records: per story and target, the remote post and the idempotency key it was created
 *   under, so a second publish updates that post and a lost create-answer is found again, not repeated.
 * - publish_media: a photo uploaded to a target once, by content id, reused by every story that shows it.
 * - publish_attempts: every attempt, append-only: when, to which target, the result, the remote URL or
 *   the error (never a credential).
 */
export const m006Publish: Migration = {
  version: 6,
  name: 'publishing',
  sql: `
CREATE TABLE publish_targets (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL CHECK (kind IN ('wordpress', 'html-bundle')),
  name            TEXT NOT NULL,
  url             TEXT NOT NULL,
  username        TEXT NOT NULL DEFAULT '',
  folder          TEXT NOT NULL DEFAULT '',
  secret_sealed   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE publish_records (
  article_id      TEXT NOT NULL REFERENCES articles(id),
  target_id       INTEGER NOT NULL REFERENCES publish_targets(id),
  idempotency_key TEXT NOT NULL,
  remote_id       TEXT,
  remote_url      TEXT,
  version         INTEGER,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (article_id, target_id)
) STRICT;

CREATE TABLE publish_media (
  target_id       INTEGER NOT NULL REFERENCES publish_targets(id),
  media_id        TEXT NOT NULL,
  remote_id       TEXT NOT NULL,
  remote_url      TEXT NOT NULL,
  PRIMARY KEY (target_id, media_id)
) STRICT;

CREATE TABLE publish_attempts (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id      TEXT NOT NULL REFERENCES articles(id),
  target_id       INTEGER NOT NULL REFERENCES publish_targets(id),
  target_name     TEXT NOT NULL,
  version         INTEGER NOT NULL,
  at              TEXT NOT NULL,
  result          TEXT NOT NULL CHECK (result IN ('published', 'updated', 'scheduled', 'exported', 'failed')),
  remote_id       TEXT,
  remote_url      TEXT,
  error           TEXT,
  tries           INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX publish_attempts_article ON publish_attempts (article_id, id);

CREATE TRIGGER publish_attempts_append_only_update BEFORE UPDATE ON publish_attempts
BEGIN SELECT RAISE(ABORT, 'publish attempts are append-only'); END;
CREATE TRIGGER publish_attempts_append_only_delete BEFORE DELETE ON publish_attempts
BEGIN SELECT RAISE(ABORT, 'publish attempts are append-only'); END;
`,
};
