import { useEffect, useRef } from 'react';
import type { ArticleChanged } from '../../shared/contract-events';
import type { BylineClient } from './client';

/** A burst (a batch publishing hundreds of stories) becomes one refetch at most this often. */
const QUIET_MS = 150;
const MAX_WAIT_MS = 500;

/**
 * Calls `onChange` when a story changes anywhere (another window, another workstation), or only the
 * story `articleId` when given, and after the event stream came back from a drop (something may have
 * been missed). Bursts are coalesced, so a queue asks once for many changes.
 */
export function useArticleChanges(client: BylineClient, onChange: () => void, articleId?: string | null): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    if (articleId === null) return;
    let timer: number | undefined;
    let firstAt = 0;
    const fire = () => {
      timer = undefined;
      firstAt = 0;
      latest.current();
    };
    const schedule = () => {
      const now = Date.now();
      if (firstAt === 0) firstAt = now;
      if (timer !== undefined) window.clearTimeout(timer);
      timer = window.setTimeout(fire, Math.max(0, Math.min(QUIET_MS, firstAt + MAX_WAIT_MS - now)));
    };
    const stopEvents = client.subscribe('article.changed', (change: ArticleChanged) => {
      if (articleId === undefined || change.articleId === articleId) schedule();
    });
    const stopReconnect = client.onReconnect(schedule);
    const stopResync = client.subscribe('stories.resync', schedule);
    return () => {
      stopEvents();
      stopReconnect();
      stopResync();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [client, articleId]);
}
