import type { Migration } from '../../migration';

/** SQLite's 009 on PostgreSQL: which tokenizer version built media_search, as search_index_state says for article_search. */
export const pg009MediaSearchState: Migration = {
  version: 9,
  name: 'media search state',
  sql: `
CREATE TABLE media_search_state (
  id integer PRIMARY KEY CHECK (id = 1),
  tokenizer_version integer NOT NULL,
  built_at text NOT NULL
);
`,
};
