import type { Notification, NotificationKind } from '../../shared/contract-notifications';
import type { Database } from './database';

/** The 알림 inbox on both engines (migration 016). Who gets what is electron/services/notifications.ts's. */

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  articleId: string;
  version: number | null;
  commentId: number | null;
  actorId: string;
  actorName: string;
  text: string;
  at: string;
}

interface Row {
  id: number | string;
  kind: NotificationKind;
  article_id: string;
  headline: string | null;
  version: number | null;
  comment_id: number | string | null;
  actor_id: string;
  actor_name: string;
  text: string;
  created_at: string;
  read_at: string | null;
}

const SELECT = `
SELECT n.id, n.kind, n.article_id, a.headline, n.version, n.comment_id, n.actor_id, n.actor_name, n.text, n.created_at, n.read_at
FROM notifications n JOIN articles a ON a.id = n.article_id`;

function toNotification(r: Row): Notification {
  return {
    id: Number(r.id),
    kind: r.kind,
    articleId: r.article_id,
    headline: r.headline ?? '',
    version: r.version === null ? null : Number(r.version),
    commentId: r.comment_id === null ? null : Number(r.comment_id),
    by: { id: r.actor_id, name: r.actor_name },
    text: r.text,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores the notices of one fact together (a story's return never tells one person and not another)
   * and answers whose were stored: a recipient who is no profile here (a stale mention) is skipped.
   */
  async insert(notices: readonly NewNotification[]): Promise<string[]> {
    if (notices.length === 0) return [];
    return this.db.transaction(async (ex) => {
      const stored: string[] = [];
      for (const n of notices) {
        const { changes } = await ex.run(
          `INSERT INTO notifications (recipient_id, kind, article_id, version, comment_id, actor_id, actor_name, text, created_at)
           SELECT ?, ?, ?, CAST(? AS INTEGER), CAST(? AS BIGINT), ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM profiles WHERE id = ?)`,
          [n.recipientId, n.kind, n.articleId, n.version, n.commentId, n.actorId, n.actorName, n.text, n.at, n.recipientId],
        );
        if (changes > 0) stored.push(n.recipientId);
      }
      return stored;
    });
  }

  async list(recipientId: string, q: { unreadOnly: boolean; limit: number; before?: number }): Promise<Notification[]> {
    const where = ['n.recipient_id = ?'];
    const params: (string | number)[] = [recipientId];
    if (q.unreadOnly) where.push('n.read_at IS NULL');
    if (q.before !== undefined) {
      where.push('n.id < ?');
      params.push(q.before);
    }
    const rows = await this.db.all<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT ?`, [...params, q.limit]);
    return rows.map(toNotification);
  }

  async unread(recipientId: string): Promise<number> {
    const row = await this.db.get<{ n: number | string }>('SELECT count(*) AS n FROM notifications WHERE recipient_id = ? AND read_at IS NULL', [recipientId]);
    return Number(row?.n ?? 0);
  }

  /** Marks one of the recipient's notices read; false when it is not theirs (or does not exist). */
  async readOne(recipientId: string, id: number, at: string): Promise<boolean> {
    const mine = await this.db.get<{ id: number }>('SELECT id FROM notifications WHERE id = ? AND recipient_id = ?', [id, recipientId]);
    if (!mine) return false;
    await this.db.run('UPDATE notifications SET read_at = ? WHERE id = ? AND recipient_id = ? AND read_at IS NULL', [at, id, recipientId]);
    return true;
  }

  async readAll(recipientId: string, at: string): Promise<void> {
    await this.db.run('UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL', [at, recipientId]);
  }
}
