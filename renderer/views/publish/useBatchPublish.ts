import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishProgress } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { combinedProgress, laterProgress } from './batch-progress';

const queuedId = (targetId: number) => `queued-${targetId}`;

/** A target's batch before it has begun: nothing sent yet. */
function queued(targetId: number, total: number): PublishProgress {
  return { batchId: queuedId(targetId), targetId, state: 'running', total, done: 0, succeeded: 0, failed: 0, last: null };
}

export interface BatchFailure {
  articleId: string;
  targetId: number;
  headline: string;
  error: string;
}

/**
 * One 일괄 출고 as this window follows it: a batch per target, one after another, their progress from the
 * main process's events, and the stories that failed where and why. Batches already running when the
 * window opened (a reload, another window started them) are picked up too.
 */
export function useBatchPublish(client: BylineClient) {
  const [batches, setBatches] = useState<PublishProgress[]>([]);
  const [failures, setFailures] = useState<BatchFailure[]>([]);
  const [error, setError] = useState<string | null>(null);
  // While publish.batch has not answered yet, its batch's events are taken (they may come first).
  const starting = useRef(false);
  const followed = useRef(new Set<string>());

  // A target waiting for the one before it shows as a batch not yet begun, so the bar counts every story it will send.
  const waiters = useRef(new Map<string, () => void>());
  const over = useRef(new Set<string>());
  const take = useCallback((p: PublishProgress) => {
    followed.current.add(p.batchId);
    if (p.state !== 'running') {
      over.current.add(p.batchId);
      waiters.current.get(p.batchId)?.();
    }
    setBatches((list) => {
      const i = list.findIndex((b) => b.batchId === p.batchId || b.batchId === queuedId(p.targetId));
      if (i < 0) return [...list, p];
      const next = [...list];
      next[i] = laterProgress(list[i]!.batchId === p.batchId ? list[i]! : null, p);
      return next;
    });
  }, []);

  /** Resolves once the batch has finished or stopped (as its events say). */
  const ended = useCallback(
    (batchId: string) =>
      new Promise<void>((resolve) => {
        // Its last event may have come before anyone waited for it.
        if (over.current.has(batchId)) return resolve();
        waiters.current.set(batchId, () => {
          waiters.current.delete(batchId);
          resolve();
        });
      }),
    [],
  );

  useEffect(() => {
    let stale = false;
    client.call('publish.batches', {}).then(
      (running) => !stale && followed.current.size === 0 && running.forEach(take),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client, take]);

  useEffect(
    () =>
      client.subscribe('publish.progress', (p) => {
        if (!starting.current && !followed.current.has(p.batchId)) return;
        take(p);
        const last = p.last;
        if (last?.error)
          setFailures((f) =>
            f.some((x) => x.articleId === last.articleId && x.targetId === p.targetId)
              ? f
              : [...f, { articleId: last.articleId, targetId: p.targetId, headline: last.headline, error: last.error! }],
          );
      }),
    [client, take],
  );

  // Events missed while the stream was down: ask where the batches stand.
  useEffect(
    () =>
      client.onReconnect(() => {
        if (followed.current.size === 0) return;
        client.call('publish.batches', {}).then(
          (running) => running.filter((b) => followed.current.has(b.batchId)).forEach(take),
          () => undefined,
        );
      }),
    [client, take],
  );

  const stopped = useRef(false);
  const startOne = useCallback(
    async (articleIds: string[], targetId: number) => {
      starting.current = true;
      try {
        const started = await client.call('publish.batch', { articleIds, targetId });
        take(started);
        return started;
      } catch (err) {
        setError((err as Error).message);
        setBatches((list) => list.filter((b) => !b.batchId.startsWith('queued-')));
        return null;
      } finally {
        starting.current = false;
      }
    },
    [client, take],
  );

  /**
   * Sends the stories to each target in turn: one target's batch after the other's has ended, so a
   * story is never sent to two sites at the same moment (its move to 출고 would race). Answers once the
   * first batch has started.
   */
  const start = useCallback(
    async (articleIds: string[], targetIds: readonly number[]) => {
      setError(null);
      setFailures([]);
      followed.current = new Set();
      stopped.current = false;
      setBatches(targetIds.slice(1).map((targetId) => queued(targetId, articleIds.length)));
      const first = targetIds[0] === undefined ? null : await startOne(articleIds, targetIds[0]);
      if (!first) return false;
      void (async () => {
        let previous = first;
        for (const targetId of targetIds.slice(1)) {
          await ended(previous.batchId);
          if (stopped.current) return;
          const next = await startOne(articleIds, targetId);
          if (!next) return;
          previous = next;
        }
      })();
      return true;
    },
    [startOne, ended],
  );

  const cancel = useCallback(async () => {
    stopped.current = true;
    setBatches((list) => list.map((b) => (b.batchId.startsWith('queued-') ? { ...b, state: 'cancelled' } : b)));
    try {
      const running = batches.filter((b) => b.state === 'running' && !b.batchId.startsWith('queued-'));
      await Promise.all(running.map((b) => client.call('publish.cancel', { batchId: b.batchId })));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [client, batches]);

  const dismiss = useCallback(() => {
    stopped.current = true;
    setBatches([]);
    setFailures([]);
    setError(null);
    followed.current = new Set();
  }, []);

  const progress = combinedProgress(batches);
  return { batches, progress, failures, error, start, cancel, dismiss, running: progress?.state === 'running' };
}
