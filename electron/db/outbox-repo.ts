import path from 'node:path';
import { ArticleFields } from '../../shared/article';
import { openDatabase, type Database } from './database';

/** Saves made while the shared database was away: a SQLite file of this workstation's own, beside its photo cache. */
export const OUTBOX_FILE_NAME = 'outbox.sqlite3';

export type OutboxState = 'pending' | 'conflict';

export interface OutboxEntry {
  seq: number;
  articleId: string;
  baseVersion: number;
  fields: ArticleFields;
  actorId?: string;
  queuedAt: string;
  state: OutboxState;
  message?: string;
}

interface Row {
  seq: number;
  article_id: string;
  base_version: number;
  fields_json: string;
  actor_id: string | null;
  queued_at: string;
  state: OutboxState;
  message: string | null;
}

// One table, one version: user_version says which shape the file has, should it ever change.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  fields_json TEXT NOT NULL,
  actor_id TEXT,
  queued_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict')),
  message TEXT
);
CREATE INDEX IF NOT EXISTS outbox_article ON outbox (article_id, seq);
PRAGMA user_version = 1;
`;

function entryOf(row: Row): OutboxEntry {
  // The text was checked against ArticleFields when it was queued; parse again so a damaged row fails loudly, not later.
  const fields = ArticleFields.parse(JSON.parse(row.fields_json));
  return {
    seq: row.seq,
    articleId: row.article_id,
    baseVersion: row.base_version,
    fields,
    ...(row.actor_id ? { actorId: row.actor_id } : {}),
    queuedAt: row.queued_at,
    state: row.state,
    ...(row.message ? { message: row.message } : {}),
  };
}

/**
 * The outbox, in the order the saves were made. It lives in SQLite on this machine, not in the renderer,
 * so that closing the window, a crash of the web-mode server or a restart of the workstation keeps it.
 */
export class OutboxRepository {
  private constructor(private readonly db: Database) {}

  static async open(dataDir: string): Promise<OutboxRepository> {
    const db = await openDatabase(path.join(dataDir, OUTBOX_FILE_NAME));
    try {
      await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
      await db.exec(SCHEMA);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return new OutboxRepository(db);
  }

  async add(entry: Omit<OutboxEntry, 'seq'>): Promise<number> {
    const { lastId } = await this.db.run(
      'INSERT INTO outbox (article_id, base_version, fields_json, actor_id, queued_at, state, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [entry.articleId, entry.baseVersion, JSON.stringify(entry.fields), entry.actorId ?? null, entry.queuedAt, entry.state, entry.message ?? null],
    );
    return lastId;
  }

  async all(): Promise<OutboxEntry[]> {
    return (await this.db.all<Row>('SELECT * FROM outbox ORDER BY seq')).map(entryOf);
  }

  async ofArticle(articleId: string): Promise<OutboxEntry[]> {
    return (await this.db.all<Row>('SELECT * FROM outbox WHERE article_id = ? ORDER BY seq', [articleId])).map(entryOf);
  }

  async remove(seq: number): Promise<void> {
    await this.db.run('DELETE FROM outbox WHERE seq = ?', [seq]);
  }

  async removeArticle(articleId: string): Promise<void> {
    await this.db.run('DELETE FROM outbox WHERE article_id = ?', [articleId]);
  }

  /** Marks a story's waiting saves as in conflict; they stay until the reporter decides. */
  async markConflict(articleId: string, message: string): Promise<void> {
    await this.db.run("UPDATE outbox SET state = 'conflict', message = ? WHERE article_id = ?", [message, articleId]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
