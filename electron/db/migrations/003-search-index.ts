import type { DialectMigration } from '../migration';

/**
 * Full-text search. Contentless FTS5 (the text is in `articles`; the index holds only tokens) over
 * text pre-shaped in JS into Hangul bigrams (shared/korean-tokens.ts), since FTS5 has no Korean
 * tokenizer and the trigram one cannot match two-syllable words. `singles` answers one-syllable
 * queries. Rows are written by the repository in the same transaction as the save; a rebuild
 * (rows written before this migration, or a tokenizer change) is tracked in search_index_state.
 */
const sqlite = `
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
`;

/**
 * Full-text search without FTS5. The repository writes the same row as on SQLite (rowid and the
 * pre-shaped columns: Hangul bigrams from shared/korean-tokens.ts, run-end syllables, facet tokens),
 * and a trigger turns it into one tsvector with the 'simple' configuration, which only lower-cases
 * and splits: the bigrams stay tokens, as FTS5's unicode61 keeps them. A GIN index answers a
 * two-syllable query from the index. The text columns are emptied after shaping, so that the table
 * stores tokens only, as FTS5's contentless table does.
 *
 * Column weights stand in for bm25's per-column weights (search/search-repo.ts): headline A, deck and tags B,
 * bylines and 뉴스출처 C, body, single syllables and facets D. Facet tokens (f…x<hex>) never occur in
 * shaped text, so they need no column of their own.
 */
const postgres = `
CREATE TABLE article_search (
  rowid    bigint PRIMARY KEY,
  headline text, deck text, body text, people text, tags text, source text, singles text, facets text,
  doc      tsvector NOT NULL DEFAULT ''::tsvector
);

CREATE FUNCTION article_search_shape() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.doc :=
       setweight(to_tsvector('simple', coalesce(NEW.headline, '')), 'A')
    || setweight(to_tsvector('simple', concat_ws(' ', NEW.deck, NEW.tags)), 'B')
    || setweight(to_tsvector('simple', concat_ws(' ', NEW.people, NEW.source)), 'C')
    || setweight(to_tsvector('simple', concat_ws(' ', NEW.body, NEW.singles, NEW.facets)), 'D');
  NEW.headline := NULL; NEW.deck := NULL; NEW.body := NULL; NEW.people := NULL;
  NEW.tags := NULL; NEW.source := NULL; NEW.singles := NULL; NEW.facets := NULL;
  RETURN NEW;
END $$;
CREATE TRIGGER article_search_shape BEFORE INSERT OR UPDATE ON article_search
  FOR EACH ROW EXECUTE FUNCTION article_search_shape();
CREATE INDEX article_search_doc ON article_search USING gin (doc);

CREATE TABLE search_index_state (
  id integer PRIMARY KEY CHECK (id = 1),
  tokenizer_version integer NOT NULL,
  built_at text NOT NULL
);
CREATE INDEX articles_section_updated ON articles (section, updated_at DESC, id);
CREATE INDEX articles_state_updated ON articles (state, updated_at DESC, id);
`;

export const m003SearchIndex: DialectMigration = { version: 3, name: 'search index', sqlite, postgres };
