import type { ArticleState } from '../../shared/article';
import {
  renditionPath,
  type ImageFormat,
  type MediaItem,
  type MediaRole,
  type MediaUsage,
  type RenditionFormat,
  type RenditionWidth,
} from '../../shared/media';
import type { GpsPosition } from '../media/metadata';
import type { Database } from './database';
import { reindexMedia } from './search/media-index';
import { pgMediaSearch } from './search/pg-sql';
import type { MediaSearchSql } from './search/sql';

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

const COLUMNS =
  'rowid, id, file_name, format, bytes, width, height, caption, credit, creator, copyright, alt, taken_at, gps_json, renditions_json, created_at, updated_at';

/** bm25 weights in column order (caption, credit, other, singles): the caption is what people search. */
const WEIGHTS = '4.0, 3.0, 1.0, 0.5';

const sqliteMediaSearch: MediaSearchSql = {
  params: (expression) => [expression],
  // CROSS JOIN keeps the index as the outer loop (see search/search-repo.ts).
  from: 'media_search CROSS JOIN media m ON m.rowid = media_search.rowid',
  where: 'media_search MATCH ?',
  score: `bm25(media_search, ${WEIGHTS})`,
  count: 'SELECT count(*) AS n FROM media_search WHERE media_search MATCH ?',
};

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

/** SQL for the photo library and for which stories use a photo. */
export class MediaRepository {
  private readonly sql: MediaSearchSql;

  constructor(private readonly db: Database) {
    this.sql = db.engine === 'postgres' ? pgMediaSearch : sqliteMediaSearch;
  }

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
      if (changes > 0) await reindexMedia(tx, row.rowid);
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
      if (keys.length > 0) await reindexMedia(tx, row.rowid);
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
    const params = this.sql.params(match);
    const rows = await this.db.all<MediaRow>(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `m.${c}`)
        .join(', ')}
       FROM ${this.sql.from}
       WHERE ${this.sql.where} ORDER BY ${this.sql.score}, m.created_at DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const count = await this.db.get<{ n: number }>(this.sql.count, params);
    return { items: rows.map(toItem), total: count?.n ?? 0 };
  }

  /** The stories that show a photo, most recently changed first, each with every way it shows it. */
  async usage(id: string): Promise<MediaUsage[]> {
    // One row per role, grouped here: group_concat is SQLite's, string_agg PostgreSQL's.
    const rows = await this.db.all<{ id: string; headline: string; state: ArticleState; updated_at: string; role: MediaRole }>(
      `SELECT a.id, a.headline, a.state, a.updated_at, u.role
       FROM media_usage u JOIN articles a ON a.id = u.article_id
       WHERE u.media_id = ? ORDER BY a.updated_at DESC, a.id`,
      [id],
    );
    const stories = new Map<string, { row: (typeof rows)[number]; roles: Set<MediaRole> }>();
    for (const r of rows) {
      const story = stories.get(r.id) ?? { row: r, roles: new Set<MediaRole>() };
      story.roles.add(r.role);
      stories.set(r.id, story);
    }
    const order: MediaRole[] = ['lead', 'body', 'gallery'];
    return [...stories.values()].map(({ row: r, roles }) => ({
      articleId: r.id,
      headline: r.headline,
      state: r.state,
      roles: order.filter((role) => roles.has(role)),
      updatedAt: r.updated_at,
    }));
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
