import { z } from 'zod';
import { Article, ArticleFields, ArticleId } from './article';

/**
 * Drafting that survives a dropped network (a newsroom on a shared PostgreSQL). The editor saves through
 * `outbox.save`: while the server answers it is `articles.save`; while it does not, the save goes into
 * this workstation's own outbox and goes up, in order, when the server is back. On this machine's own
 * SQLite there is nothing to wait for and every save is stored at once.
 */

const Version = z.number().int().min(1);

export const OutboxSaveResult = z.discriminatedUnion('stored', [
  z.object({ stored: z.literal('server'), article: Article }),
  /** Kept on this computer; `pending` saves (of all stories) wait for the server. */
  z.object({ stored: z.literal('local'), pending: z.number().int().min(1), queuedAt: z.iso.datetime() }),
]);
export type OutboxSaveResult = z.infer<typeof OutboxSaveResult>;

/** A story whose saves from offline met a newer version on the server: the reporter decides, nothing is dropped. */
export const OutboxConflict = z.object({
  articleId: ArticleId,
  headline: z.string(),
  queuedAt: z.iso.datetime(),
  /** Why they could not go up, in words (another desk saved it meanwhile, it was submitted and locked...). */
  message: z.string(),
});
export type OutboxConflict = z.infer<typeof OutboxConflict>;

export const OutboxStatus = z.object({
  /** Whether the shared database answered the last time this workstation asked. */
  connection: z.enum(['online', 'offline']),
  /** Saves waiting on this computer, all stories together. */
  pending: z.number().int().min(0),
  /** The stories those saves belong to. */
  pendingArticles: z.array(ArticleId).max(1_000),
  conflicts: z.array(OutboxConflict).max(1_000),
  /** What the server said last time it failed, for the banner. */
  lastError: z.string().optional(),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const outboxMethods = {
  'outbox.save': {
    input: z.strictObject({ id: ArticleId, baseVersion: Version, fields: ArticleFields }),
    output: OutboxSaveResult,
  },
  'outbox.status': {
    input: z.strictObject({}),
    output: OutboxStatus,
  },
  /**
   * After a conflict: `mine` stores the reporter's text as the newest version (the other version stays in
   * the revisions); `copy` stores it as a new story and leaves the original as the server has it.
   * `fields` is what the editor shows now (it may be newer than the last save that waited).
   */
  'outbox.resolve': {
    input: z.strictObject({ articleId: ArticleId, keep: z.enum(['mine', 'copy']), fields: ArticleFields.optional() }),
    output: Article,
  },
} as const;
