import type { ArticleState } from '../../shared/article';
import type { Role } from '../../shared/profiles';
import type { Database, Executor } from './database';
import { reindexArticle } from './search/article-index';

/**
 * The 휴지통's storage on both engines (migration 013): marking a draft discarded or restored, listing
 * the discarded, and purging one for good. The rules (who, which state, when) are shared/trash.ts's,
 * applied by electron/services/trash.ts.
 */

export interface TrashRow {
  id: string;
  version: number;
  state: ArticleState;
  headline: string;
  section: string;
  discarded_at: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_role: Role | null;
  discarded_by: string | null;
  by_name: string | null;
  by_role: Role | null;
}

const TRASH_SELECT = `
SELECT a.id, a.version, a.state, a.headline, a.section, a.discarded_at,
       w.owner_id, o.name AS owner_name, o.role AS owner_role, a.discarded_by, b.name AS by_name, b.role AS by_role
FROM articles a
LEFT JOIN article_workflow w ON w.article_id = a.id
LEFT JOIN profiles o ON o.id = w.owner_id
LEFT JOIN profiles b ON b.id = a.discarded_by`;

/** The rows that hang off a story, children first; the story itself goes last. */
const STORY_ROWS = ['article_search', 'media_usage', 'article_imports', 'review_comments', 'workflow_events', 'article_locks', 'article_workflow', 'revisions'];

export class TrashRepository {
  constructor(private readonly db: Database) {}

  /** Whether a target ever took the story or was asked to: such a story is withdrawn, never deleted. */
  async everPublished(ex: Executor, id: string): Promise<boolean> {
    const row = await ex.get<{ n: number }>(
      `SELECT (SELECT count(*) FROM publish_records WHERE article_id = ?) + (SELECT count(*) FROM publish_attempts WHERE article_id = ?)
            + (SELECT count(*) FROM workflow_events WHERE article_id = ? AND action = 'publish') AS n`,
      [id, id, id],
    );
    return Number(row?.n ?? 0) > 0;
  }

  /** Puts a story in the 휴지통 (`at` set) or takes it out (`at` null); its search row follows in the same transaction. */
  async mark(ex: Executor, id: string, at: string | null, by: string | null): Promise<void> {
    await ex.run('UPDATE articles SET discarded_at = ?, discarded_by = ? WHERE id = ?', [at, by, id]);
    const row = await ex.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id]);
    if (row) await reindexArticle(ex, Number(row.rowid));
  }

  async item(ex: Executor, id: string): Promise<TrashRow | undefined> {
    return ex.get<TrashRow>(`${TRASH_SELECT} WHERE a.id = ? AND a.discarded_at IS NOT NULL`, [id]);
  }

  async list(limit: number, offset: number): Promise<{ rows: TrashRow[]; total: number }> {
    const rows = await this.db.all<TrashRow>(`${TRASH_SELECT} WHERE a.discarded_at IS NOT NULL ORDER BY a.discarded_at DESC, a.id LIMIT ? OFFSET ?`, [
      limit,
      offset,
    ]);
    const total = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM articles WHERE discarded_at IS NOT NULL');
    return { rows, total: Number(total?.n ?? 0) };
  }

  /** Stories discarded before `before`, oldest first. */
  async due(before: string, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>(
      'SELECT id FROM articles WHERE discarded_at IS NOT NULL AND discarded_at < ? ORDER BY discarded_at LIMIT ?',
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes one discarded story, if it is still discarded before `before` and was never published, with
   * every row that hangs off it, then the photos it showed that no other story and no target holds.
   * One transaction, serializable on PostgreSQL (not row-locked): a photo is removed only if no story
   * started showing it meanwhile. A story is purged whole or not at all. Returns the photos removed.
   */
  async purge(id: string, before: string): Promise<{ purged: boolean; photos: string[] }> {
    return this.db.transaction(async (ex) => {
      const story = await ex.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ? AND discarded_at IS NOT NULL AND discarded_at < ?', [id, before]);
      if (!story || (await this.everPublished(ex, id))) return { purged: false, photos: [] };
      const shown = await ex.all<{ media_id: string }>('SELECT DISTINCT media_id FROM media_usage WHERE article_id = ?', [id]);
      for (const table of STORY_ROWS) {
        if (table === 'article_search') await ex.run('DELETE FROM article_search WHERE rowid = ?', [Number(story.rowid)]);
        else await ex.run(`DELETE FROM ${table} WHERE article_id = ?`, [id]);
      }
      await ex.run('DELETE FROM articles WHERE id = ?', [id]);
      const photos: string[] = [];
      for (const { media_id } of shown) {
        const kept = await ex.get<{ n: number }>(
          'SELECT (SELECT count(*) FROM media_usage WHERE media_id = ?) + (SELECT count(*) FROM publish_media WHERE media_id = ?) AS n',
          [media_id, media_id],
        );
        if (Number(kept?.n ?? 0) > 0) continue;
        const media = await ex.get<{ rowid: number }>('SELECT rowid FROM media WHERE id = ?', [media_id]);
        if (!media) continue;
        await ex.run('DELETE FROM media_search WHERE rowid = ?', [Number(media.rowid)]);
        await ex.run('DELETE FROM media WHERE id = ?', [media_id]);
        if (this.db.engine === 'postgres') await ex.run('DELETE FROM media_blobs WHERE media_id = ?', [media_id]);
        photos.push(media_id);
      }
      return { purged: true, photos };
    });
  }
}
