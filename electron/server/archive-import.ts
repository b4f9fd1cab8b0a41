/**
 * Moves a workstation's archive (archive-source.ts) into the newsroom's PostgreSQL: photos first, each
 * original into media_blobs before its row (as shared-media-store.ts does for every import), then every
 * story in a transaction of its own with its revisions, workflow row, history and desk comments, indexed
 * for search in the same transaction. Rows are copied by column name, the two schemas being one build's
 * migrations; ids the newsroom hands out itself (revisions, events, comments) are left to it.
 *
 * Running it again adds nothing twice: a story whose id the newsroom has is left as the newsroom has it
 * (it may have moved on there), a photo is known by its hash. Publishing records, import records and review
 * locks stay behind: the targets are the workstation's, and a review in progress starts afresh.
 */
import { createHash } from 'node:crypto';
import type { ImageFormat } from '../../shared/media';
import type { Database, Executor, SqlValue } from '../db/database';
import { reindexArticle } from '../db/search/article-index';
import { signArticle } from '../db/duplicates/duplicates-repo';
import { reindexMedia } from '../db/search/media-index';
import { originalName } from '../media/file-store';
import { SharedMediaStore } from '../media/shared-media-store';
import type { ArchiveSource } from './archive-source';
import { quoteIdentifier } from '../db/sql-identifier';

type Row = Record<string, SqlValue>;

export interface ImportProgress {
  /** Photos go first (their originals can be most of the bytes), then stories. */
  stage: 'photos' | 'stories';
  done: number;
  total: number;
  /** The story's headline, or the photo's file name. */
  headline: string;
  /** From the pace so far; absent before the first story is in. */
  remainingMs?: number;
}

export interface ImportSummary {
  storiesAdded: number;
  storiesExisting: number;
  revisions: number;
  events: number;
  comments: number;
  photosAdded: number;
  photosExisting: number;
  /** Photos whose original is missing from the archive or is not the file its id names: not moved. */
  photosMissing: string[];
}

/** Tables copied per story, each with the columns naming a person and those the newsroom numbers itself. */
const STORY_TABLES = [
  { table: 'revisions', people: [], own: ['id'], order: 'version' },
  { table: 'article_workflow', people: ['owner_id'], own: [], order: 'article_id' },
  { table: 'workflow_events', people: ['actor_id'], own: ['id'], order: 'id' },
  { table: 'review_comments', people: ['author_id', 'resolved_by'], own: ['id'], order: 'id' },
  { table: 'media_usage', people: [], own: [], order: 'media_id, role' },
] as const;

/** Reports item `done` of `items` (about to move `name`), with the time left at the pace so far. */
function pace(report: ((p: ImportProgress) => void) | undefined, stage: ImportProgress['stage'], total: number, now: () => number) {
  const started = now();
  return (done: number, headline: string) =>
    report?.({ stage, done, total, headline, ...(done > 0 ? { remainingMs: ((now() - started) / done) * (total - done) } : {}) });
}

/** The columns both sides have, less those the newsroom fills in itself. */
async function sharedColumns(archive: Executor, newsroom: Executor, table: string, own: readonly string[]): Promise<string[]> {
  const theirs = await archive.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table]);
  const ours = new Set(
    (
      await newsroom.all<{ name: string }>(
        'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
        [table],
      )
    ).map((r) => r.name),
  );
  return theirs.map((c) => c.name).filter((c) => ours.has(c) && c !== 'rowid' && !own.includes(c));
}

async function insert(tx: Executor, table: string, cols: readonly string[], row: Row, tail = ''): Promise<number> {
  return insertMany(tx, table, cols, [row], tail);
}

/** Rows per statement: one round trip for a story's versions, well under PostgreSQL's 65,535 parameters. */
const BATCH = 200;

async function insertMany(tx: Executor, table: string, cols: readonly string[], rows: readonly Row[], tail = ''): Promise<number> {
  let changes = 0;
  const one = `(${cols.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    const sql = `INSERT INTO ${quoteIdentifier(table)} (${cols.map(quoteIdentifier).join(', ')}) VALUES ${batch.map(() => one).join(', ')} ${tail}`;
    changes += (
      await tx.run(
        sql,
        batch.flatMap((row) => cols.map((c) => row[c] ?? null)),
      )
    ).changes;
  }
  return changes;
}

export class ArchiveImport {
  private readonly shared: SharedMediaStore;

  constructor(
    private readonly deps: {
      source: ArchiveSource;
      newsroom: Database;
      /** archive profile id → newsroom profile id (archive-authors.ts), complete for every person named. */
      people: ReadonlyMap<string, string>;
      onProgress?: (progress: ImportProgress) => void;
      now?: () => number;
    },
  ) {
    this.shared = new SharedMediaStore(deps.newsroom);
  }

  async run(): Promise<ImportSummary> {
    const summary: ImportSummary = {
      storiesAdded: 0,
      storiesExisting: 0,
      revisions: 0,
      events: 0,
      comments: 0,
      photosAdded: 0,
      photosExisting: 0,
      photosMissing: [],
    };
    await this.photos(summary);
    await this.stories(summary);
    return summary;
  }

  private async photos(summary: ImportSummary): Promise<void> {
    const { source, newsroom } = this.deps;
    const cols = await sharedColumns(source.db, newsroom, 'media', []);
    const ids = await source.db.all<{ id: string; format: ImageFormat; file_name: string }>('SELECT id, format, file_name FROM media ORDER BY created_at, id');
    const report = pace(this.deps.onProgress, 'photos', ids.length, this.deps.now ?? Date.now);
    for (const [i, { id, format, file_name }] of ids.entries()) {
      report(i, file_name);
      if (await newsroom.get('SELECT 1 AS found FROM media WHERE id = ?', [id])) {
        summary.photosExisting += 1;
        continue;
      }
      // The id is the original's SHA-256: a file that is not it is not this photo, whatever its name.
      const data = await source.photos.read(id, originalName(format)).catch(() => undefined);
      if (!data || createHash('sha256').update(data).digest('hex') !== id) {
        summary.photosMissing.push(id);
        continue;
      }
      await this.shared.put(id, format, data);
      const row = (await source.db.get<Row>('SELECT * FROM media WHERE id = ?', [id]))!;
      const added = await newsroom.transaction(
        async (tx) => {
          if ((await insert(tx, 'media', cols, row, 'ON CONFLICT (id) DO NOTHING')) === 0) return false;
          const { rowid } = (await tx.get<{ rowid: number }>('SELECT rowid FROM media WHERE id = ?', [id]))!;
          await reindexMedia(tx, Number(rowid));
          return true;
        },
        { rowLocked: true },
      );
      if (added) summary.photosAdded += 1;
      else summary.photosExisting += 1;
    }
    if (ids.length > 0) report(ids.length, ids.at(-1)!.file_name);
  }

  private async stories(summary: ImportSummary): Promise<void> {
    const { source, newsroom } = this.deps;
    const articleCols = await sharedColumns(source.db, newsroom, 'articles', []);
    const plans = await Promise.all(STORY_TABLES.map(async (t) => ({ ...t, cols: await sharedColumns(source.db, newsroom, t.table, t.own) })));
    const stories = await source.db.all<{ id: string; headline: string }>('SELECT id, headline FROM articles ORDER BY created_at, id');
    const report = pace(this.deps.onProgress, 'stories', stories.length, this.deps.now ?? Date.now);
    for (const [i, story] of stories.entries()) {
      report(i, story.headline);
      const article = (await source.db.get<Row>('SELECT * FROM articles WHERE id = ?', [story.id]))!;
      const rows = await Promise.all(
        plans.map(async (p) => ({
          ...p,
          rows: (await source.db.all<Row>(`SELECT * FROM ${p.table} WHERE article_id = ? ORDER BY ${p.order}`, [story.id])).map((r) =>
            this.mapPeople(r, p.people),
          ),
        })),
      );
      // The story's row comes first: it creates the row the rest hangs on, so READ COMMITTED is enough.
      const added = await newsroom.transaction(
        async (tx) => {
          if ((await insert(tx, 'articles', articleCols, article, 'ON CONFLICT (id) DO NOTHING')) === 0) return false;
          // Each table's rows in the archive's order, so the newsroom numbers history as the archive did.
          for (const { table, cols, rows: tableRows } of rows) await insertMany(tx, table, cols, tableRows);
          const { rowid } = (await tx.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [story.id]))!;
          await reindexArticle(tx, Number(rowid));
          await signArticle(tx, Number(rowid));
          return true;
        },
        { rowLocked: true },
      );
      if (!added) {
        summary.storiesExisting += 1;
        continue;
      }
      const count = (table: string) => rows.find((r) => r.table === table)!.rows.length;
      summary.storiesAdded += 1;
      summary.revisions += count('revisions');
      summary.events += count('workflow_events');
      summary.comments += count('review_comments');
    }
    if (stories.length > 0) report(stories.length, stories.at(-1)!.headline);
  }

  /** The row with every person column turned into the newsroom's account; the plan covers everyone named. */
  private mapPeople(row: Row, columns: readonly string[]): Row {
    const out = { ...row };
    for (const col of columns) {
      const local = row[col];
      if (local === null || local === undefined) continue;
      const account = this.deps.people.get(String(local));
      if (!account) throw new Error(`archive profile ${String(local)} has no account in the plan`);
      out[col] = account;
    }
    return out;
  }
}
