import type { Migration } from '../migration';

/**
 * The photo library. A photo's id is the SHA-256 of its bytes (its files live under <data>/media/<id>/);
 * caption, credit and alt text are edited here, never in the file. `embedded_json` keeps what the file
 * itself said at import, for reference. `gps_json` is the position the file carried: kept for the desk,
 * never put into a rendition or an export unless settings say so.
 *
 * media_usage says which stories show a photo and how; the articles repository rewrites a story's rows
 * in the transaction that saves it. There is no foreign key to media: a story may show a photo that is
 * not in this machine's library (restored from a backup, say), and saving it must not fail for that.
 *
 * media_search indexes captions and credits the way article_search does (Hangul bigrams, see
 * shared/korean-tokens.ts), so that a two-syllable query is answered from the index.
 */
export const m004Media: Migration = {
  version: 4,
  name: 'media library',
  sql: `
CREATE TABLE media (
  id              TEXT PRIMARY KEY CHECK (length(id) = 64),
  file_name       TEXT NOT NULL,
  format          TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'avif')),
  bytes           INTEGER NOT NULL CHECK (bytes > 0),
  width           INTEGER NOT NULL CHECK (width > 0),
  height          INTEGER NOT NULL CHECK (height > 0),
  caption         TEXT NOT NULL DEFAULT '',
  credit          TEXT NOT NULL DEFAULT '',
  creator         TEXT NOT NULL DEFAULT '',
  copyright       TEXT NOT NULL DEFAULT '',
  alt             TEXT NOT NULL DEFAULT '',
  taken_at        TEXT,
  gps_json        TEXT,
  renditions_json TEXT NOT NULL DEFAULT '[]',
  embedded_json   TEXT NOT NULL DEFAULT '{}',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX media_created ON media (created_at DESC, id);

CREATE TABLE media_usage (
  article_id TEXT NOT NULL REFERENCES articles(id),
  media_id   TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('lead', 'body', 'gallery')),
  PRIMARY KEY (media_id, article_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX media_usage_article ON media_usage (article_id);

ALTER TABLE articles ADD COLUMN lead_photo_json TEXT;

CREATE VIRTUAL TABLE media_search USING fts5(
  caption, credit, other, singles,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
`,
};
