import type { DialectMigration } from '../migration';

/**
 * What a press-release import proposed and set aside, one row per story made from a document: the
 * side panel reads it back after a reload. The boilerplate (보도자료 box, contact table, page headers and
 * footers) is kept here rather than in the story's deskNote, which is the reporter's note to the desk
 * and has a length limit a contact table can exceed.
 */
const sqlite = `
CREATE TABLE article_imports (
  article_id     TEXT PRIMARY KEY REFERENCES articles(id),
  file_name      TEXT NOT NULL,
  format         TEXT NOT NULL CHECK (format IN ('docx', 'hwpx', 'hwp', 'pdf', 'html')),
  proposals_json TEXT NOT NULL,
  set_aside_json TEXT NOT NULL DEFAULT '[]',
  warnings_json  TEXT NOT NULL DEFAULT '[]',
  confirmed_json TEXT NOT NULL DEFAULT '[]',
  created_at     TEXT NOT NULL
) STRICT;
`;

/** SQLite's 007 on PostgreSQL: what a press-release import proposed and set aside, per story. */
const postgres = `
CREATE TABLE article_imports (
  article_id     text PRIMARY KEY REFERENCES articles(id),
  file_name      text NOT NULL,
  format         text NOT NULL CHECK (format IN ('docx', 'hwpx', 'hwp', 'pdf', 'html')),
  proposals_json text NOT NULL,
  set_aside_json text NOT NULL DEFAULT '[]',
  warnings_json  text NOT NULL DEFAULT '[]',
  confirmed_json text NOT NULL DEFAULT '[]',
  created_at     text NOT NULL
);
`;

export const m007Import: DialectMigration = { version: 7, name: 'press release imports', sqlite, postgres };
