import type { ArticleState } from '../../shared/article';
import { bigramText, runEndSyllables } from '../../shared/korean-tokens';
import { renditionPath, type ImageFormat, type MediaItem, type MediaRole, type MediaUsage, type RenditionFormat, type RenditionWidth } from '../../shared/media';
import type { GpsPosition } from '../media/metadata';
import type { Database, Executor } from './database';

/** A rendition as stored: the width it is served under and the pixels it really has (narrower for a small photo). */
export interface StoredRendition {
  width: RenditionWidth;
  format: RenditionFormat;
  pixelWidth: number;
  pixelHeight: number;
  bytes: number;
}

export interface NewMedia {
  id: string;
  fileName: string;
  format: ImageFormat;
  bytes: number;
  width: number;
  height: number;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  takenAt: string | null;
  gps: GpsPosition | null;
  renditions: StoredRendition[];
  /** What the file itself said, kept for reference after people edit the library's fields. */
  embedded: unknown;
  now: string;
}

export type MediaPatch = Partial<Pick<MediaItem, 'caption' | 'credit' | 'alt' | 'creator' | 'copyright'>>;

interface MediaRow {
  rowid: number;
  id: string;
  file_name: string;
  format: ImageFormat;
  bytes: number;
  width: number;
  height: number;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  taken_at: string | null;
  gps_json: string | null;
  renditions_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'rowid, id, file_name, format, bytes, width, height, caption, credit, creator, copyright, alt, taken_at, gps_json, renditions_json, created_at, updated_at';

/** bm25 weights in column order (caption, credit, other, singles): the caption is what people search. */
const WEIGHTS = '4.0, 3.0, 1.0, 0.5';

const PATCH_COLUMNS = { caption: 'caption', credit: 'credit', alt: 'alt', creator: 'creator', copyright: 'copyright' } as const;

function toItem(r: MediaRow): MediaItem {
  const renditions = (JSON.parse(r.renditions_json) as StoredRendition[]).map((x) => ({
    width: x.pixelWidth,
    height: x.pixelHeight,
    format: x.format,
    bytes: x.bytes,
    path: renditionPath(r.id, x.width, x.format),
  }));
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    caption: r.caption,
    credit: r.credit,
    creator: r.creator,
    copyright: r.copyright,
    alt: r.alt,
    takenAt: r.taken_at,
    hasGps: r.gps_json !== null,
    renditions,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rewrites a photo's index row from what is stored, in the transaction that wrote it (as search-index.ts does for stories). */
async function reindex(tx: Executor, rowid: number): Promise<void> {
  await tx.run('DELETE FROM media_search WHERE rowid = ?', [rowid]);
  const r = await tx.get<Pick<MediaRow, 'caption' | 'credit' | 'creator' | 'copyright' | 'alt' | 'file_name'>>(
    'SELECT caption, credit, creator, copyright, alt, file_name FROM media WHERE rowid = ?',
    [rowid],
  );
  if (!r) return;
  const other = [r.creator, r.copyright, r.alt, r.file_name].join('\n');
  await tx.run('INSERT INTO media_search (rowid, caption, credit, other, singles) VALUES (?, ?, ?, ?, ?)', [
    rowid,
    bigramText(r.caption),
    bigramText(r.credit),
    bigramText(other),
    runEndSyllables([r.caption, r.credit, other].join('\n')),
  ]);
}

/** SQL for the photo library and for which stories use a photo. */
export class MediaRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<MediaItem | undefined> {
    const row = await this.db.get<MediaRow>(`SELECT ${COLUMNS} FROM media WHERE id = ?`, [id]);
    return row && toItem(row);
  }

  /** Adds a photo unless one with its hash is there already (then the stored one wins); says which. */
  async insert(m: NewMedia): Promise<{ item: MediaItem; inserted: boolean }> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(
        `INSERT INTO media (id, file_name, format, bytes, width, height, caption, credit, creator, copyright, alt, taken_at, gps_json,
                            renditions_json, embedded_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          m.id,
          m.fileName,
          m.format,
          m.bytes,
          m.width,
          m.height,
          m.caption,
          m.credit,
          m.creator,
          m.copyright,
          m.takenAt,
          m.gps ? JSON.stringify(m.gps) : null,
          JSON.stringify(m.renditions),
          JSON.stringify(m.embedded ?? {}),
          m.now,
          m.now,
        ],
      );
      const row = (await tx.get<MediaRow>(`SELECT ${COLUMNS} FROM media WHERE id = ?`, [m.id]))!;
      if (changes > 0) await reindex(tx, row.rowid);
      return { item: toItem(row), inserted: changes > 0 };
    });
  }

  /** Changes the library's texts of a photo; undefined if there is no such photo. */
  async update(id: string, patch: MediaPatch, now: string): Promise<MediaItem | undefined> {
    const keys = (Object.keys(PATCH_COLUMNS) as Array<keyof typeof PATCH_COLUMNS>).filter((k) => patch[k] !== undefined);
    return this.db.transaction(async (tx) => {
      if (keys.length > 0) {
        await tx.run(`UPDATE media SET ${keys.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
          ...keys.map((k) => patch[k]!),
          now,
          id,
        ]);
      }
      const row = await tx.get<MediaRow>(`SELECT ${COLUMNS} FROM media WHERE id = ?`, [id]);
      if (!row) return undefined;
      if (keys.length > 0) await reindex(tx, row.rowid);
      return toItem(row);
    });
  }

  /** Photos matching an FTS5 expression over captions and credits (best first), or all of them newest first. */
  async search(match: string | undefined, limit: number, offset: number): Promise<{ items: MediaItem[]; total: number }> {
    if (match === undefined) {
      const rows = await this.db.all<MediaRow>(`SELECT ${COLUMNS} FROM media ORDER BY created_at DESC, id LIMIT ? OFFSET ?`, [limit, offset]);
      const count = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM media');
      return { items: rows.map(toItem), total: count?.n ?? 0 };
    }
    const rows = await this.db.all<MediaRow>(
      `SELECT ${COLUMNS.split(', ').map((c) => `m.${c}`).join(', ')}
       FROM media_search CROSS JOIN media m ON m.rowid = media_search.rowid
       WHERE media_search MATCH ? ORDER BY bm25(media_search, ${WEIGHTS}), m.created_at DESC LIMIT ? OFFSET ?`,
      [match, limit, offset],
    );
    const count = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM media_search WHERE media_search MATCH ?', [match]);
    return { items: rows.map(toItem), total: count?.n ?? 0 };
  }

  /** The stories that show a photo, most recently changed first, each with every way it shows it. */
  async usage(id: string): Promise<MediaUsage[]> {
    const rows = await this.db.all<{ id: string; headline: string; state: ArticleState; updated_at: string; roles: string }>(
      `SELECT a.id, a.headline, a.state, a.updated_at, group_concat(u.role) AS roles
       FROM media_usage u JOIN articles a ON a.id = u.article_id
       WHERE u.media_id = ? GROUP BY a.id ORDER BY a.updated_at DESC, a.id`,
      [id],
    );
    const order: MediaRole[] = ['lead', 'body', 'gallery'];
    return rows.map((r) => {
      const roles = new Set(r.roles.split(','));
      return { articleId: r.id, headline: r.headline, state: r.state, roles: order.filter((role) => roles.has(role)), updatedAt: r.updated_at };
    });
  }

  /** The GPS position the photo's file carried, for exports that keep it; null if none. */
  async gps(id: string): Promise<GpsPosition | null> {
    const row = await this.db.get<{ gps_json: string | null }>('SELECT gps_json FROM media WHERE id = ?', [id]);
    return row?.gps_json ? (JSON.parse(row.gps_json) as GpsPosition) : null;
  }

  /** Which of these ids have a row (the start-up sweep keeps only their folders). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const rows = await this.db.all<{ id: string }>(`SELECT id FROM media WHERE id IN (${batch.map(() => '?').join(', ')})`, batch);
      for (const r of rows) found.add(r.id);
    }
    return found;
  }
}
