import { describe, expect, it } from 'vitest';
import type { PublishProgress } from '../../shared/contract-publish';
import { combinedProgress, laterProgress } from '../../renderer/views/publish/batch-progress';

const view = (batchId: string, done: number, state: PublishProgress['state'] = 'running'): PublishProgress => ({
  batchId,
  targetId: 1,
  state,
  total: 3,
  done,
  succeeded: done,
  failed: 0,
  last: null,
});

describe('a batch as the 승인 queue shows it', () => {
  it('a short batch that finished before publish.batch answered stays finished when the answer (0 of 3, running) arrives', () => {
    let shown: PublishProgress | null = null;
    for (const event of [view('b1', 1), view('b1', 2), view('b1', 3), view('b1', 3, 'finished')]) shown = laterProgress(shown, event);
    shown = laterProgress(shown, view('b1', 0));
    expect(shown).toMatchObject({ state: 'finished', done: 3 });
  });

  it('events move it on, an older event does not move it back, and a cancelled batch stays cancelled', () => {
    let shown = laterProgress(null, view('b1', 0));
    shown = laterProgress(shown, view('b1', 2));
    expect(laterProgress(shown, view('b1', 1))).toMatchObject({ done: 2 });
    shown = laterProgress(shown, view('b1', 2, 'cancelled'));
    expect(laterProgress(shown, view('b1', 2))).toMatchObject({ state: 'cancelled' });
  });

  it('another batch replaces it', () => {
    expect(laterProgress(view('b1', 3, 'finished'), view('b2', 0))).toMatchObject({ batchId: 'b2', state: 'running', done: 0 });
  });
});

describe('one 일괄 출고 to several targets, as one bar', () => {
  it('adds the targets’ counts, runs while any runs, says stopped if any was, finished only when all are', () => {
    expect(combinedProgress([])).toBeNull();
    const a = { ...view('batch-aaaaaaaa', 3, 'finished'), failed: 1, succeeded: 2 };
    expect(combinedProgress([a, view('batch-bbbbbbbb', 1)])).toEqual({ state: 'running', total: 6, done: 4, succeeded: 3, failed: 1 });
    expect(combinedProgress([a, view('batch-bbbbbbbb', 2, 'cancelled')])?.state).toBe('cancelled');
    expect(combinedProgress([a, view('batch-bbbbbbbb', 3, 'finished')])).toEqual({ state: 'finished', total: 6, done: 6, succeeded: 5, failed: 1 });
  });
});
