import { describe, expect, it } from 'vitest';
import type { PublishProgress } from '../../shared/contract-publish';
import { laterProgress } from '../../renderer/views/publish/batch-progress';

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
