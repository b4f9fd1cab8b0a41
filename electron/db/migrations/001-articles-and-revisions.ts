import type { Migration } from '../migration';

export const m001ArticlesAndRevisions: Migration = {
  version: 1,
  name: 'articles and revisions',
  sql: `
CREATE TABLE articles (
  id                 TEXT PRIMARY KEY,
  version            INTEGER NOT NULL CHECK (version >= 1),
  state              TEXT NOT NULL DEFAULT 'draft',
  headline           TEXT NOT NULL DEFAULT '',
  deck               TEXT NOT NULL DEFAULT '',
  section            TEXT NOT NULL DEFAULT '',
  story_type         TEXT NOT NULL DEFAULT 'straight',
  bylines_json       TEXT NOT NULL DEFAULT '[]',
  source_attribution TEXT NOT NULL DEFAULT '',
  tags_json          TEXT NOT NULL DEFAULT '[]',
  summary            TEXT NOT NULL DEFAULT '',
  slug               TEXT NOT NULL DEFAULT '',
  embargo_at         TEXT,
  desk_note          TEXT NOT NULL DEFAULT '',
  char_count         INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  archived_at        TEXT,
  -- The bulky columns come last: queues and search filters read the columns before them without
  -- walking a 20,000-character story's overflow pages.
  body_text          TEXT NOT NULL DEFAULT '',
  body_json          TEXT NOT NULL
) STRICT;

CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id),
  version     INTEGER NOT NULL,
  headline    TEXT NOT NULL,
  deck        TEXT NOT NULL,
  section     TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  -- The story's details beyond headline, deck and section (type, bylines, 뉴스출처, tags…).
  meta_json   TEXT NOT NULL DEFAULT '{}',
  body_json   TEXT NOT NULL,
  UNIQUE (article_id, version)
) STRICT;

-- History is evidence: revisions are appended, never changed or removed.
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
`,
};
