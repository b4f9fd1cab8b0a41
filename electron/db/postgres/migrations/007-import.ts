import type { Migration } from '../../migration';

/** SQLite's 007 on PostgreSQL: what a press-release import proposed and set aside, per story. */
export const pg007Import: Migration = {
  version: 7,
  name: 'press release imports',
  sql: `
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
`,
};
