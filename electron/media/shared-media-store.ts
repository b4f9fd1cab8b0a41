/**
 * Photo originals on the newsroom's shared PostgreSQL (table media_blobs, migration 101), so that a photo
 * imported on one workstation can be used on every other. Why PostgreSQL and not an object store is said
 * in that migration: every workstation already reaches it, one pg_dump covers stories and photos, and the
 * original is committed before the photo's row, so no workstation sees a photo it cannot fetch.
 *
 * Only originals are shared: renditions are made again from them where they are needed (MediaService.
 * materialise), so the server holds each photo once and each media folder is a cache.
 */
import type { ImageFormat } from '../../shared/media';
import type { Database } from '../db/database';

export interface SharedOriginal {
  format: ImageFormat;
  data: Buffer;
}

/** What MediaService asks of a shared store of originals (MediaServiceDeps.shared). */
export interface SharedOriginals {
  /** Stores the original unless it is there already (same bytes, same id). */
  put(id: string, format: ImageFormat, data: Uint8Array): Promise<void>;
  /** The original as stored, unchecked (the caller checks it against the id); undefined when there is none. */
  fetch(id: string): Promise<SharedOriginal | undefined>;
}

export class SharedMediaStore implements SharedOriginals {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (db.engine !== 'postgres') throw new Error('SharedMediaStore needs the shared PostgreSQL (media_blobs exists only there)');
  }

  async put(id: string, format: ImageFormat, data: Uint8Array): Promise<void> {
    // Asked first so that importing a photo the server has (the same file, on another workstation)
    // does not send up to 100 MB again only to be ignored.
    if (await this.db.get('SELECT 1 AS found FROM media_blobs WHERE media_id = ?', [id])) return;
    await this.db.run('INSERT INTO media_blobs (media_id, format, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (media_id) DO NOTHING', [
      id,
      format,
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      this.now().toISOString(),
    ]);
  }

  async fetch(id: string): Promise<SharedOriginal | undefined> {
    const row = await this.db.get<{ format: ImageFormat; data: Buffer }>('SELECT format, data FROM media_blobs WHERE media_id = ?', [id]);
    return row && { format: row.format, data: row.data };
  }
}
