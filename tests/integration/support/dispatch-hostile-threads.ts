import type { Method } from '../../../shared/contract';

/* Comment threads' own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's). */

type ThreadMethod = Extract<Method, 'workflow.reply' | 'workflow.reopenComment'>;

export const THREAD_HOSTILE_INPUTS: Record<ThreadMethod, Array<[string, unknown]>> = {
  'workflow.reply': [
    ['body blank', { commentId: 1, body: '  ' }],
    ['body 10k', { commentId: 1, body: '가'.repeat(10_000) }],
    ['commentId 0', { commentId: 0, body: '확인' }],
    ['an author named in the input', { commentId: 1, body: '확인', actorId: 'kim' }],
  ],
  'workflow.reopenComment': [
    ['commentId string', { commentId: '1' }],
    ['commentId fraction', { commentId: 1.5 }],
  ],
};
