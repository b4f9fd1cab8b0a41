import type { DialectMigration } from '../migration';

/**
 * Near-duplicate signatures (db/duplicates/minhash.ts): one row per story with the MinHash of its
 * body (NULL when the body is too short to judge) and the version of the signer that made it, and one row
 * per story and LSH band, looked up by band hash, so that "which stories share a band with this one" is 32
 * index probes rather than a pass over the archive. Keyed by articles.rowid, as the search index is.
 *
 * Derived data, as the search index is: written in the transaction that saves the story, never copied by
 * a restore, and filled in at start for stories that have none (db/duplicates/duplicates-repo.ts, signMissing): the
 * archive a newsroom already has is signed at the first start after this migration, in batches, each its
 * own transaction, rather than inside the migration, whose SQL cannot run the signer.
 */
const sqlite = `
CREATE TABLE article_signatures (
  article_rowid  INTEGER PRIMARY KEY,
  signer_version INTEGER NOT NULL,
  minhash        BLOB
) STRICT;
CREATE TABLE article_signature_bands (
  band_hash     INTEGER NOT NULL,
  article_rowid INTEGER NOT NULL,
  PRIMARY KEY (band_hash, article_rowid)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_signature_bands_article ON article_signature_bands (article_rowid);
`;

/** SQLite's 012 on PostgreSQL: the band hash is a 32-bit integer on both engines. */
const postgres = `
CREATE TABLE article_signatures (
  article_rowid  bigint PRIMARY KEY,
  signer_version integer NOT NULL,
  minhash        bytea
);
CREATE TABLE article_signature_bands (
  band_hash     integer NOT NULL,
  article_rowid bigint NOT NULL,
  PRIMARY KEY (band_hash, article_rowid)
);
CREATE INDEX article_signature_bands_article ON article_signature_bands (article_rowid);
`;

export const m012DuplicateSignatures: DialectMigration = { version: 12, name: 'duplicate signatures', sqlite, postgres };
