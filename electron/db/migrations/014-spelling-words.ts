import type { DialectMigration } from '../migration';

/**
 * 뉴스룸 사전 (issue 23): words everyone's spelling check accepts besides the dictionary (names, coined
 * terms), one row per word, with who added it and when. A person who leaves keeps their words: the word is
 * the newsroom's, so added_by only names them. No NOTIFY trigger: the list changes a few times a day and the
 * service that changes it announces it (electron/services/spelling-words.ts).
 */
const sqlite = `
CREATE TABLE spelling_words (
  word      TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 50),
  added_by  TEXT REFERENCES profiles(id),
  added_at  TEXT NOT NULL
) STRICT;
`;

/** SQLite's 014 on PostgreSQL. */
const postgres = `
CREATE TABLE spelling_words (
  word      text PRIMARY KEY CHECK (char_length(word) BETWEEN 1 AND 50),
  added_by  text REFERENCES profiles(id),
  added_at  text NOT NULL
);
`;

export const m014SpellingWords: DialectMigration = { version: 14, name: 'spelling words', sqlite, postgres };
