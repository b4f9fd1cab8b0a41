import { z } from 'zod';
import { ArticleId } from './article';
import { ProfileId } from './profiles';

/**
 * 알림: each person's inbox. Every method reads or marks the caller's own notices only: the recipient is
 * the call's actor (the session's account on the newsroom server), never an input field.
 */

export const NOTIFICATION_KINDS = ['returned', 'approved', 'published', 'corrected', 'commented', 'mentioned', 'lock_taken'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.number().int().min(1),
  kind: NotificationKind,
  articleId: ArticleId,
  /** The story's headline now (not when the notice was made), so the inbox names what the person will open. */
  headline: z.string(),
  version: z.number().int().min(1).nullable(),
  commentId: z.number().int().min(1).nullable(),
  by: z.object({ id: ProfileId, name: z.string() }),
  /** The 반려 or 정정 사유, the comment's opening words; empty when the kind says it all. */
  text: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const notificationMethods = {
  'notifications.list': {
    input: z.strictObject({
      unreadOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(100).default(30),
      /** Notices older than this id (the last one shown), for the next page. */
      before: z.number().int().min(1).optional(),
    }),
    output: z.object({ items: z.array(Notification), unread: z.number().int().min(0) }),
  },
  'notifications.unreadCount': {
    input: z.strictObject({}),
    output: z.object({ unread: z.number().int().min(0) }),
  },
  'notifications.read': {
    /** One notice by id, or every unread one with `all` (one of the two; the service says so in Korean). */
    input: z.strictObject({ id: z.number().int().min(1).optional(), all: z.boolean().optional() }),
    output: z.object({ unread: z.number().int().min(0) }),
  },
} as const;

/** The event: only whose inbox grew, so no window learns what another person was told; theirs reads it. */
export const NotificationAdded = z.object({ recipientId: ProfileId });
