import {
  ArticleMeta,
  DEFAULT_META,
  type Article,
  type ArticleFields,
  type ArticleState,
  type ArticleSummary,
  type Revision,
  type RevisionSummary,
  type StoryType,
} from '../../shared/article';
import { PhotoRef } from '../../shared/media';
import { photosOf } from '../../shared/photo-refs';
import { metaKeysOf, NEWEST_REVISION_META_SQL, storedMeta } from './article-meta';
import type { Database, Executor, SqlValue } from './database';
import { reindexArticle } from './search/article-index';
import { signArticle } from './duplicates/duplicates-repo';

interface ArticleRow {
  id: string;
  version: number;
  state: ArticleState;
  headline: string;
  deck: string;
  section: string;
  body_json: string;
  story_type: StoryType;
  bylines_json: string;
  source_attribution: string;
  tags_json: string;
  summary: string;
  slug: string;
  embargo_at: string | null;
  desk_note: string;
  lead_photo_json: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** The newest revision's, for the fields that have no column (article-meta.ts). */
  meta_json: string | null;
}

interface SummaryRow {
  id: string;
  version: number;
  state: ArticleState;
  headline: string;
  section: string;
  excerpt: string;
  characters: number;
  updated_at: string;
  archived_at: string | null;
}

interface RevisionRow {
  article_id: string;
  version: number;
  headline: string;
  deck: string;
  section: string;
  body_json: string;
  meta_json: string;
  saved_at: string;
}

export type VersionedWrite = { status: 'ok'; article: Article } | { status: 'missing' } | { status: 'stale'; currentVersion: number };

/**
 * Runs inside a write's transaction, after the versioned update touched the row and before anything
 * else is written: it throws to refuse the write (rolling the update back) and may record what the
 * write means (the workflow's edit rules, electron/services/workflow.ts).
 */
export type WriteGuard = (tx: Executor, id: string) => Promise<void>;

/** What a save derives from the fields (plain text for search, the character count for queues). */
export interface Derived {
  bodyText: string;
  characters: number;
}

const EXCERPT_CHARS = 120;

/** Column names and values of the editable fields, in one order for INSERT and UPDATE alike. */
const FIELD_COLUMNS = [
  'headline',
  'deck',
  'section',
  'body_json',
  'body_text',
  'char_count',
  'story_type',
  'bylines_json',
  'source_attribution',
  'tags_json',
  'summary',
  'slug',
  'embargo_at',
  'desk_note',
  'lead_photo_json',
] as const;

function fieldValues(f: ArticleFields, d: Derived): SqlValue[] {
  return [
    f.headline,
    f.deck,
    f.section,
    JSON.stringify(f.body),
    d.bodyText,
    d.characters,
    f.storyType,
    JSON.stringify(f.bylines),
    f.sourceAttribution,
    JSON.stringify(f.tags),
    f.summary,
    f.slug,
    f.embargoAt,
    f.deskNote,
    f.leadPhoto ? JSON.stringify(f.leadPhoto) : null,
  ];
}

function metaOf(f: ArticleFields): ArticleMeta {
  return metaKeysOf(f) as ArticleMeta;
}

/** A lead photo as stored; a value this build cannot read is shown as none rather than failing the story. */
function leadPhotoOf(json: string | null): PhotoRef | null {
  if (json === null) return null;
  const parsed = PhotoRef.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toArticle(row: ArticleRow): Article {
  return {
    ...storedMeta(row.meta_json),
    id: row.id,
    version: row.version,
    state: row.state,
    headline: row.headline,
    deck: row.deck,
    section: row.section,
    body: JSON.parse(row.body_json) as Article['body'],
    storyType: row.story_type,
    bylines: JSON.parse(row.bylines_json) as Article['bylines'],
    sourceAttribution: row.source_attribution,
    tags: JSON.parse(row.tags_json) as string[],
    summary: row.summary,
    slug: row.slug,
    embargoAt: row.embargo_at,
    deskNote: row.desk_note,
    leadPhoto: leadPhotoOf(row.lead_photo_json),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

async function selectArticle(tx: Executor, id: string): Promise<Article | undefined> {
  const row = await tx.get<ArticleRow>(`SELECT articles.*, ${NEWEST_REVISION_META_SQL} AS meta_json FROM articles WHERE articles.id = ?`, [id]);
  return row && toArticle(row);
}

async function appendRevision(tx: Executor, articleId: string, version: number, fields: ArticleFields, savedAt: string) {
  await tx.run('INSERT INTO revisions (article_id, version, headline, deck, section, body_json, meta_json, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    articleId,
    version,
    fields.headline,
    fields.deck,
    fields.section,
    JSON.stringify(fields.body),
    JSON.stringify(metaOf(fields)),
    savedAt,
  ]);
}

/**
 * Rewrites which photos the story shows (media.usage answers from these rows), in the transaction that
 * saves it. `fresh` skips the delete for a story that has no rows yet.
 */
async function writeUsage(tx: Executor, articleId: string, fields: ArticleFields, fresh = false): Promise<void> {
  if (!fresh) await tx.run('DELETE FROM media_usage WHERE article_id = ?', [articleId]);
  const seen = new Set<string>();
  for (const photo of photosOf(fields)) {
    const key = `${photo.mediaId} ${photo.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await tx.run('INSERT INTO media_usage (article_id, media_id, role) VALUES (?, ?, ?)', [articleId, photo.mediaId, photo.role]);
  }
}

/** Keeps the search index and the duplicate signature in step with the article, in the same transaction. */
async function reindex(tx: Executor, id: string): Promise<void> {
  const row = await tx.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id]);
  await reindexArticle(tx, row!.rowid);
  await signArticle(tx, row!.rowid);
}

/** Why a versioned write touched no row: the story is gone, or someone saved first. */
async function explainMiss(tx: Executor, id: string): Promise<VersionedWrite> {
  const row = await tx.get<{ version: number }>('SELECT version FROM articles WHERE id = ?', [id]);
  return row ? { status: 'stale', currentVersion: row.version } : { status: 'missing' };
}

/** SQL for articles and their revisions; no rules beyond what the schema itself guarantees. */
export class ArticleRepository {
  constructor(private readonly db: Database) {}

  /**
   * A new draft with its first revision, photo usage and index row. `alongside` writes what else must
   * exist with the story or not at all (an import record, an owner), in the same transaction.
   */
  async insert(input: { id: string; fields: ArticleFields; derived: Derived; now: string }, alongside?: (tx: Executor) => Promise<void>): Promise<Article> {
    return this.db.transaction(
      async (tx) => {
        await tx.run(
          `INSERT INTO articles (id, version, state, ${FIELD_COLUMNS.join(', ')}, created_at, updated_at)
         VALUES (?, 1, 'draft', ${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
          [input.id, ...fieldValues(input.fields, input.derived), input.now, input.now],
        );
        await appendRevision(tx, input.id, 1, input.fields, input.now);
        await writeUsage(tx, input.id, input.fields, true);
        await alongside?.(tx);
        await reindex(tx, input.id);
        return (await selectArticle(tx, input.id))!;
        // A new row nobody else can hold yet: nothing here needs SERIALIZABLE's watch (database.ts rowLocked).
      },
      { rowLocked: true },
    );
  }

  /**
   * Many stories in one transaction, each with its first revision and its index row: for batch
   * imports (and the archive benchmark), where one transaction per story would cost a disk sync each.
   */
  async insertMany(items: ReadonlyArray<{ id: string; fields: ArticleFields; derived: Derived; state: ArticleState; createdAt: string }>): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const item of items) {
        await tx.run(
          `INSERT INTO articles (id, version, state, ${FIELD_COLUMNS.join(', ')}, created_at, updated_at)
           VALUES (?, 1, ?, ${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
          [item.id, item.state, ...fieldValues(item.fields, item.derived), item.createdAt, item.createdAt],
        );
        await appendRevision(tx, item.id, 1, item.fields, item.createdAt);
        await writeUsage(tx, item.id, item.fields, true);
        await reindex(tx, item.id);
      }
    });
  }

  get(id: string): Promise<Article | undefined> {
    return selectArticle(this.db, id);
  }

  /** Writes the fields only if the stored version is still `baseVersion`, and appends the revision in the same transaction. */
  async saveIfVersion(input: {
    id: string;
    baseVersion: number;
    fields: ArticleFields;
    derived: Derived;
    now: string;
    guard?: WriteGuard;
  }): Promise<VersionedWrite> {
    return this.db.transaction(
      async (tx) => {
        const { changes } = await tx.run(
          `UPDATE articles SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, version = version + 1
         WHERE id = ? AND version = ?`,
          [...fieldValues(input.fields, input.derived), input.now, input.id, input.baseVersion],
        );
        if (changes === 0) return explainMiss(tx, input.id);
        await input.guard?.(tx, input.id);
        await appendRevision(tx, input.id, input.baseVersion + 1, input.fields, input.now);
        await writeUsage(tx, input.id, input.fields);
        await reindex(tx, input.id);
        return { status: 'ok', article: (await selectArticle(tx, input.id))! };
      },
      // The versioned UPDATE locks the story's row first: a move or another save of it waits, then finds
      // the version moved. What the guard reads besides (the review lock) is as of that moment.
      { rowLocked: true },
    );
  }

  async setArchivedIfVersion(input: { id: string; baseVersion: number; archivedAt: string | null; now: string; guard?: WriteGuard }): Promise<VersionedWrite> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run('UPDATE articles SET archived_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?', [
        input.archivedAt,
        input.now,
        input.id,
        input.baseVersion,
      ]);
      if (changes === 0) return explainMiss(tx, input.id);
      await input.guard?.(tx, input.id);
      const article = (await selectArticle(tx, input.id))!;
      await reindex(tx, input.id);
      // Archiving changes no words, but the version moved, so history records the same content under it.
      await appendRevision(tx, article.id, article.version, article, input.now);
      return { status: 'ok', article };
    });
  }

  async list(input: { includeArchived: boolean; limit: number; offset: number }): Promise<{ items: ArticleSummary[]; total: number }> {
    // A story in the 휴지통 is listed only there (trash-repo.ts).
    const where = input.includeArchived ? 'WHERE discarded_at IS NULL' : 'WHERE archived_at IS NULL AND discarded_at IS NULL';
    const rows = await this.db.all<SummaryRow>(
      `SELECT id, version, state, headline, section, substr(body_text, 1, ${EXCERPT_CHARS}) AS excerpt,
              char_count AS characters, updated_at, archived_at
       FROM articles ${where} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
      [input.limit, input.offset],
    );
    const count = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM articles ${where}`);
    return {
      total: count?.n ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        version: r.version,
        state: r.state,
        headline: r.headline,
        section: r.section,
        excerpt: r.excerpt,
        characters: r.characters,
        updatedAt: r.updated_at,
        archivedAt: r.archived_at,
      })),
    };
  }

  async revisions(articleId: string): Promise<RevisionSummary[]> {
    const rows = await this.db.all<{ article_id: string; version: number; headline: string; saved_at: string }>(
      'SELECT article_id, version, headline, saved_at FROM revisions WHERE article_id = ? ORDER BY version DESC',
      [articleId],
    );
    return rows.map((r) => ({ articleId: r.article_id, version: r.version, headline: r.headline, savedAt: r.saved_at }));
  }

  async revision(articleId: string, version: number): Promise<Revision | undefined> {
    const row = await this.db.get<RevisionRow>(
      'SELECT article_id, version, headline, deck, section, body_json, meta_json, saved_at FROM revisions WHERE article_id = ? AND version = ?',
      [articleId, version],
    );
    if (!row) return undefined;
    // Revisions without details (meta_json '{}') read as the defaults.
    const meta = ArticleMeta.parse({ ...DEFAULT_META, ...metaKeysOf(JSON.parse(row.meta_json) as object) });
    return {
      articleId: row.article_id,
      version: row.version,
      savedAt: row.saved_at,
      fields: { headline: row.headline, deck: row.deck, section: row.section, body: JSON.parse(row.body_json) as Article['body'], ...meta },
    };
  }
}
