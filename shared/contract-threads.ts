import { z } from 'zod';
import { ReviewComment } from './contract-workflow';
import { MAX_NOTE_CHARS } from './workflow';

const CommentId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Comments as conversations: a reply under a comment, and opening a resolved one again. */
export const threadMethods = {
  /** A reply joins the thread of `commentId`; a reply to a reply joins the same thread. */
  'workflow.reply': {
    input: z.strictObject({
      commentId: CommentId,
      body: z.string().trim().min(1, '답글을 입력하세요').max(MAX_NOTE_CHARS),
    }),
    output: ReviewComment,
  },
  'workflow.reopenComment': {
    input: z.strictObject({ commentId: CommentId }),
    output: ReviewComment,
  },
} as const;
