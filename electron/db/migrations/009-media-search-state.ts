import type { DialectMigration } from '../migration';

/**
 * Which tokenizer version built media_search (migration 4), as search_index_state says for
 * article_search. Without it a change to the Hangul shaping left photo captions indexed the old way,
 * unfindable by queries shaped the new way. Empty at first: the index is rebuilt at the next start,
 * which also covers photos imported under an older version.
 */
const sqlite = `
CREATE TABLE media_search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tokenizer_version INTEGER NOT NULL,
  built_at TEXT NOT NULL
) STRICT;
`;

/** SQLite's 009 on PostgreSQL: which tokenizer version built media_search, as search_index_state says for article_search. */
const postgres = `
CREATE TABLE media_search_state (
  id integer PRIMARY KEY CHECK (id = 1),
  tokenizer_version integer NOT NULL,
  built_at text NOT NULL
);
`;

export const m009MediaSearchState: DialectMigration = { version: 9, name: 'media search state', sqlite, postgres };
