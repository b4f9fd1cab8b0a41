import type { koThreads } from './strings-ko-threads';

/** Comment threads in English, with the same keys as strings-ko-threads.ts. */
export const enThreads: Record<keyof typeof koThreads, string> = {
  threads_reply: 'Reply',
  threads_replyLabel: 'Reply to this comment (@ to mention someone)',
  threads_replyPost: 'Post reply',
  threads_reopen: 'Reopen',
  threads_reopenedBy: 'Reopened by',
  threads_replies: '{n} replies',
  threads_people: 'People to mention',
  threads_mentionHint: 'Type a name after @ to mention someone. Pick with the arrow keys and Enter.',
};
