import type { ReviewComment } from '../../shared/contract-workflow';
import type { MoveAction } from '../../shared/workflow';
import type { ArticleRecord, Person } from './workflow-store';

/**
 * What the workflow tells the 알림 inbox after a fact is committed (electron/services/notifications.ts
 * implements it). `story` is the story as it was before the fact: its owner and lock holder are the
 * people a move, a comment or a lock takeover concerns. A notice that cannot be stored never undoes the
 * fact: implementations log and carry on.
 */
export interface WorkflowNotices {
  moved(fact: { action: MoveAction; story: ArticleRecord; actor: Person; note: string; at: string }): Promise<void>;
  lockTaken(fact: { story: ArticleRecord; actor: Person; note: string; at: string }): Promise<void>;
  commented(fact: { story: ArticleRecord; comment: ReviewComment }): Promise<void>;
  /** The people a comment or reply names as @이름 (ReviewComment.mentions). */
  mentioned(fact: { articleId: string; commentId: number; by: { id: string; name: string }; recipients: readonly string[]; text?: string }): Promise<void>;
}
