import { randomUUID } from 'node:crypto';
import type { PublishAttempt, PublishProgress } from '../../shared/contract-publish';
import { AppError } from '../../shared/errors';
import type { EventSink } from './event-sink';

export interface PublishBatchDeps {
  /** Refuses a batch that cannot go at all (no such target, a profile that may not publish) before it starts. */
  check(input: { targetId: number; actorId: string }): Promise<void>;
  /** One story to one target: PublishService.run, which logs every attempt and refuses what may not go. */
  run(input: { articleId: string; targetId: number; actorId: string }): Promise<PublishAttempt>;
  /** The headline the progress list shows; empty when the story cannot be read. */
  headline(articleId: string): Promise<string>;
  events: EventSink;
  log?: (message: string, err: unknown) => void;
}

interface Batch {
  progress: PublishProgress;
  cancelRequested: boolean;
}

/** Finished batches kept for a window that reopens and asks how one ended. */
const KEPT_FINISHED = 20;

/**
 * Publishes many stories one after another, announcing progress after each, and stops between two
 * stories when cancelled: a story already on its way to the CMS finishes (and is logged), so a cancel
 * never leaves a post half made. Each story goes through the same run as a single publish, so the
 * rules, the retries and the log are the same.
 */
export class PublishBatches {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly deps: PublishBatchDeps) {}

  async start(input: { articleIds: readonly string[]; targetId: number; actorId: string }): Promise<PublishProgress> {
    await this.deps.check(input);
    const articleIds = [...new Set(input.articleIds)];
    const progress: PublishProgress = {
      batchId: randomUUID(),
      targetId: input.targetId,
      state: 'running',
      total: articleIds.length,
      done: 0,
      succeeded: 0,
      failed: 0,
      last: null,
    };
    const batch: Batch = { progress, cancelRequested: false };
    this.batches.set(progress.batchId, batch);
    this.forgetOldFinished();
    void this.runAll(batch, articleIds, input).catch((err: unknown) => (this.deps.log ?? console.error)('[byline] publish batch failed', err));
    return { ...progress };
  }

  /** Asks the batch to stop before its next story; answers where it stands. */
  cancel(batchId: string): PublishProgress {
    const batch = this.find(batchId);
    if (batch.progress.state === 'running') batch.cancelRequested = true;
    return { ...batch.progress };
  }

  status(batchId: string): PublishProgress {
    return { ...this.find(batchId).progress };
  }

  /** Batches still running (a window that opens mid-batch shows them). */
  running(): PublishProgress[] {
    return [...this.batches.values()].filter((b) => b.progress.state === 'running').map((b) => ({ ...b.progress }));
  }

  private find(batchId: string): Batch {
    const batch = this.batches.get(batchId);
    if (!batch) throw new AppError('NOT_FOUND', '출고 작업을 찾을 수 없습니다. 이미 끝나 기록에서 지워졌을 수 있습니다. 각 기사의 출고 기록을 확인하세요.');
    return batch;
  }

  private async runAll(batch: Batch, articleIds: string[], input: { targetId: number; actorId: string }): Promise<void> {
    const p = batch.progress;
    for (const articleId of articleIds) {
      if (batch.cancelRequested) break;
      const headline = await this.deps.headline(articleId).catch(() => '');
      let attempt: PublishAttempt | null = null;
      let error: string | null = null;
      try {
        attempt = await this.deps.run({ articleId, targetId: input.targetId, actorId: input.actorId });
        if (attempt.result === 'failed') error = attempt.error ?? '출고하지 못했습니다.';
      } catch (err) {
        // A refusal (not approved, under embargo, no right) is this story's result, not the batch's end.
        error = err instanceof AppError ? err.message : '내부 오류로 출고하지 못했습니다.';
        if (!(err instanceof AppError)) (this.deps.log ?? console.error)('[byline] publish in batch failed', err);
      }
      p.done += 1;
      if (error === null) p.succeeded += 1;
      else p.failed += 1;
      p.last = { articleId, headline, attempt, error };
      if (attempt) this.deps.events.emit('article.changed', { articleId, cause: 'publish.run', version: attempt.version });
      if (p.done < p.total) this.deps.events.emit('publish.progress', { ...p });
    }
    p.state = batch.cancelRequested && p.done < p.total ? 'cancelled' : 'finished';
    this.deps.events.emit('publish.progress', { ...p });
  }

  private forgetOldFinished(): void {
    const finished = [...this.batches.entries()].filter(([, b]) => b.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) this.batches.delete(id);
  }
}
