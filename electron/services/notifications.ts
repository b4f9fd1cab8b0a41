import type { Notification, NotificationKind } from '../../shared/contract-notifications';
import type { ReviewComment } from '../../shared/contract-workflow';
import { AppError } from '../../shared/errors';
import type { MoveAction } from '../../shared/workflow';
import type { NewNotification, NotificationsRepository } from '../db/notifications-repo';
import type { WorkflowNotices } from './workflow-notices';
import type { ArticleRecord, Person } from './workflow-store';

/*
 * 알림: who is told what, made where the facts happen (the workflow calls this after each committed
 * move, comment and lock takeover; the comment threads call `mentioned`). Nobody is told of their own
 * doing. The inbox is always the caller's own: `recipientId` is the call's actor, which the host fills in
 * (the session's account on the newsroom server), never an input field.
 */

/** How much of a comment a notice quotes: enough to know what it is about, the story has the rest. */
const QUOTE_CHARS = 120;

/** The moves a story's reporter hears of. A publication from 'corrected' is the correction going out, told at 정정. */
const MOVE_KIND: Partial<Record<MoveAction, NotificationKind>> = { return: 'returned', approve: 'approved', correct: 'corrected' };

export interface NotificationServiceDeps {
  repo: NotificationsRepository;
  now?: () => Date;
  /** Tells the recipient's windows (SQLite: the event bus; on PostgreSQL the table's trigger and the relay do it). */
  announce?: (recipientId: string) => void;
  log?: (message: string, err: unknown) => void;
}

export class NotificationService implements WorkflowNotices {
  private readonly now: () => Date;

  constructor(private readonly deps: NotificationServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  // ---- The inbox (notifications.*). ----

  async list(recipientId: string, q: { unreadOnly: boolean; limit: number; before?: number }): Promise<{ items: Notification[]; unread: number }> {
    return { items: await this.deps.repo.list(recipientId, q), unread: await this.deps.repo.unread(recipientId) };
  }

  async unreadCount(recipientId: string): Promise<{ unread: number }> {
    return { unread: await this.deps.repo.unread(recipientId) };
  }

  async read(recipientId: string, input: { id?: number; all?: boolean }): Promise<{ unread: number }> {
    const at = this.now().toISOString();
    if (input.id !== undefined && input.all) throw new AppError('VALIDATION', '알림 하나(id)와 모두(all)를 함께 읽음으로 할 수는 없습니다. 하나만 고르세요.');
    if (input.id !== undefined) {
      // Another person's notice answers as a missing one: its existence is not this caller's to learn.
      if (!(await this.deps.repo.readOne(recipientId, input.id, at))) throw new AppError('NOT_FOUND', `알림을 찾을 수 없습니다 (${input.id}).`);
    } else if (input.all) await this.deps.repo.readAll(recipientId, at);
    else throw new AppError('VALIDATION', '읽음으로 할 알림(id)을 고르거나 모두(all: true)를 고르세요.');
    return this.unreadCount(recipientId);
  }

  // ---- Where notices come from. ----

  /** An @mention in a comment: each person named once, never the writer. Unknown profiles are skipped. */
  async mentioned(input: {
    articleId: string;
    commentId: number;
    by: { id: string; name: string };
    recipients: readonly string[];
    text?: string;
  }): Promise<void> {
    const at = this.now().toISOString();
    const text = quote(input.text ?? '');
    await this.safely(() =>
      this.store(
        [...new Set(input.recipients)].map((recipientId) => ({
          recipientId,
          kind: 'mentioned' as const,
          articleId: input.articleId,
          version: null,
          commentId: input.commentId,
          actorId: input.by.id,
          actorName: input.by.name,
          text,
          at,
        })),
      ),
    );
  }

  async moved(fact: { action: MoveAction; story: ArticleRecord; actor: Person; note: string; at: string }): Promise<void> {
    const { story, actor } = fact;
    const kind = fact.action === 'publish' ? (story.state === 'approved' ? 'published' : undefined) : MOVE_KIND[fact.action];
    if (!kind || !story.owner) return;
    const text = fact.action === 'publish' ? '' : fact.note.trim();
    await this.safely(() => this.store([notice(story.owner!.id, kind, story, actor, text, fact.at)]));
  }

  async lockTaken(fact: { story: ArticleRecord; actor: Person; note: string; at: string }): Promise<void> {
    const holder = fact.story.lock?.holder;
    if (!holder) return;
    await this.safely(() => this.store([notice(holder.id, 'lock_taken', fact.story, fact.actor, fact.note.trim(), fact.at)]));
  }

  async commented(fact: { story: ArticleRecord; comment: ReviewComment }): Promise<void> {
    const { story, comment } = fact;
    if (!story.owner) return;
    const n = notice(story.owner.id, 'commented', story, comment.author, quote(comment.body), comment.createdAt);
    await this.safely(() => this.store([{ ...n, version: comment.version, commentId: comment.id }]));
  }

  private async store(notices: NewNotification[]): Promise<void> {
    const others = notices.filter((n) => n.recipientId !== n.actorId);
    const stored = await this.deps.repo.insert(others);
    for (const recipientId of new Set(stored)) this.deps.announce?.(recipientId);
  }

  /** The fact is committed already; a notice that fails is logged, never thrown back at the person who acted. */
  private async safely(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      (this.deps.log ?? console.error)('[byline] 알림을 저장하지 못했습니다', err);
    }
  }
}

function notice(recipientId: string, kind: NotificationKind, story: ArticleRecord, actor: Person, text: string, at: string): NewNotification {
  return { recipientId, kind, articleId: story.id, version: story.version, commentId: null, actorId: actor.id, actorName: actor.name, text, at };
}

function quote(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
}
