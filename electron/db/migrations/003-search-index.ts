import type { Migration } from '../migration';

/**
 * Full-text search. Contentless FTS5 (the text is in `articles`; the index holds only tokens) over
 * text pre-shaped in JS into Hangul bigrams (shared/korean-tokens.ts), since FTS5 has no Korean
 * tokenizer and the trigram one cannot match two-syllable words. `singles` answers one-syllable
 * queries. Rows are written by the repository in the same transaction as the save; a rebuild
 * (rows written before this migration, or a tokenizer change) is tracked in search_index_state.
 */
export const m003SearchIndex: Migration = {
  version: 3,
  name: 'search index',
  sql: `
CREATE VIRTUAL TABLE article_search USING fts5(
  headline, deck, body, people, tags, source, singles, facets,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_index_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tokenizer_version INTEGER NOT NULL,
  built_at TEXT NOT NULL
) STRICT;
CREATE INDEX articles_section_updated ON articles (section, updated_at DESC, id);
CREATE INDEX articles_state_updated ON articles (state, updated_at DESC, id);
`,
};
