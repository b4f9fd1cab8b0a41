import type { DialectMigration } from '../migration';

/**
 * PostgreSQL only: photo originals in the shared database, so that a photo imported on one workstation
 * can be shown, exported and published from any other (media/shared-media-store.ts). Each workstation's
 * media folder becomes a cache of these, renditions regenerated from the original on first use.
 *
 * Why the database rather than an object store: every workstation already reaches it (nothing more to
 * install, open in the firewall or hold credentials for), one pg_dump backs up stories and photos
 * together, and a photo's bytes are committed before its row is written, so a row another workstation
 * can see always has an original to fetch. Originals are at most 100 MB (MAX_PHOTO_BYTES), well within
 * bytea's 1 GB.
 *
 * No foreign key to media: the original is stored before the row (the row must never be visible without
 * it). An original whose row was never written is the same bytes the next import of that file finds.
 * The hash is computed by the server and must be the id, so no workstation can store bytes under
 * another photo's name.
 */
const postgres = `
CREATE TABLE media_blobs (
  media_id   text PRIMARY KEY CHECK (length(media_id) = 64),
  format     text NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'avif')),
  data       bytea NOT NULL,
  sha256     text GENERATED ALWAYS AS (encode(sha256(data), 'hex')) STORED,
  created_at text NOT NULL,
  CONSTRAINT media_blobs_hash_is_id CHECK (sha256 = media_id)
);
-- Photos are compressed already: out of line, without pglz spending time to gain nothing.
ALTER TABLE media_blobs ALTER COLUMN data SET STORAGE EXTERNAL;
`;

export const m101MediaBlobs: DialectMigration = { version: 101, name: 'media blobs', sqlite: null, postgres };
