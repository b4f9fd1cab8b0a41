import type { PublishProgress } from '../../../shared/contract-publish';

/**
 * Which of two views of a batch to show. Progress events and the answer to publish.batch travel
 * separately, and a short batch can finish before its answer arrives: the answer (0 of n, running)
 * must then not replace the finished state, or the bar would say "running" for ever. The same batch's
 * view that is further along, or no longer running, wins; a different batch replaces it.
 */
export function laterProgress(current: PublishProgress | null, incoming: PublishProgress): PublishProgress {
  if (!current || current.batchId !== incoming.batchId) return incoming;
  if (current.state !== 'running' && incoming.state === 'running') return current;
  return current.done > incoming.done ? current : incoming;
}

/** The batches of one 일괄 출고 (one per target) as one bar: running while any runs, stopped if any was. */
export function combinedProgress(batches: readonly PublishProgress[]): Omit<PublishProgress, 'batchId' | 'targetId' | 'last'> | null {
  if (batches.length === 0) return null;
  const sum = (key: 'total' | 'done' | 'succeeded' | 'failed') => batches.reduce((n, b) => n + b[key], 0);
  const state = batches.some((b) => b.state === 'running') ? 'running' : batches.some((b) => b.state === 'cancelled') ? 'cancelled' : 'finished';
  return { state, total: sum('total'), done: sum('done'), succeeded: sum('succeeded'), failed: sum('failed') };
}
