import { useCallback, useEffect, useState } from 'react';
import type { PublishProgress } from '../../../shared/contract-publish';
import type { BylineClient } from '../../client';
import { laterProgress } from './batch-progress';

export interface BatchFailure {
  articleId: string;
  headline: string;
  error: string;
}

/**
 * One batch of stories on its way to a target, as this window follows it: progress from the main
 * process's events, the stories that failed and why. A batch already running when the window opened
 * (a reload, another window started it) is picked up too.
 */
export function useBatchPublish(client: BylineClient) {
  const [progress, setProgress] = useState<PublishProgress | null>(null);
  const [failures, setFailures] = useState<BatchFailure[]>([]);
  const [error, setError] = useState<string | null>(null);
  const batchId = progress?.batchId;

  useEffect(() => {
    let stale = false;
    client.call('publish.batches', {}).then(
      (running) => !stale && running[0] && setProgress((p) => p ?? running[0]!),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client]);

  useEffect(
    () =>
      client.subscribe('publish.progress', (p) => {
        if (batchId !== undefined && p.batchId !== batchId) return;
        setProgress((current) => laterProgress(current, p));
        const last = p.last;
        if (last?.error)
          setFailures((f) =>
            f.some((x) => x.articleId === last.articleId) ? f : [...f, { articleId: last.articleId, headline: last.headline, error: last.error! }],
          );
      }),
    [client, batchId],
  );

  // Events missed while the stream was down: ask where the batch stands.
  useEffect(
    () =>
      client.onReconnect(() => {
        if (batchId === undefined) return;
        client.call('publish.batches', {}).then(
          (running) => {
            const mine = running.find((b) => b.batchId === batchId);
            if (mine) setProgress((current) => laterProgress(current, mine));
          },
          () => undefined,
        );
      }),
    [client, batchId],
  );

  const start = useCallback(
    async (articleIds: string[], targetId: number) => {
      setError(null);
      setFailures([]);
      try {
        const started = await client.call('publish.batch', { articleIds, targetId });
        // Its events may have come first, up to the end of a short batch (see laterProgress).
        setProgress((current) => laterProgress(current, started));
        return true;
      } catch (err) {
        setError((err as Error).message);
        return false;
      }
    },
    [client],
  );

  const cancel = useCallback(async () => {
    if (!batchId) return;
    try {
      await client.call('publish.cancel', { batchId });
    } catch (err) {
      setError((err as Error).message);
    }
  }, [client, batchId]);

  const dismiss = useCallback(() => {
    setProgress(null);
    setFailures([]);
    setError(null);
  }, []);

  return { progress, failures, error, start, cancel, dismiss, running: progress?.state === 'running' };
}
