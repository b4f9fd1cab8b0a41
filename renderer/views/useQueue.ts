import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../shared/contract';
import type { SearchHit } from '../../shared/search';
import type { BylineClient } from '../client';

export const QUEUE_PAGE = 100;

export type QueueQuery = Omit<Input<'search.query'>, 'limit' | 'offset'>;

/**
 * A queue or a search result of any length, fetched a page at a time as rows scroll into view.
 * `refreshKey` changes after a save, so that the list shows the story's new headline and place.
 */
export function useQueue(client: BylineClient, query: QueueQuery, refreshKey: number) {
  const [pages, setPages] = useState<ReadonlyMap<number, SearchHit[]>>(new Map());
  const [total, setTotal] = useState(0);
  const [atLeast, setAtLeast] = useState(false);
  const [estimated, setEstimated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  // The rows of the previous query stay on screen until the first page of the new one arrives.
  const replaceOnNext = useRef(false);
  const key = JSON.stringify(query);

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const gen = generation.current;
      const q = JSON.parse(key) as QueueQuery;
      client.call('search.query', { ...q, limit: QUEUE_PAGE, offset: page * QUEUE_PAGE }).then(
        (result) => {
          if (gen !== generation.current) return;
          setTotal(result.total);
          setAtLeast(result.totalIsLowerBound);
          setEstimated(result.totalIsEstimate);
          const replace = replaceOnNext.current;
          replaceOnNext.current = false;
          setPages((prev) => (replace ? new Map([[page, result.items]]) : new Map(prev).set(page, result.items)));
          setError(null);
        },
        (err: Error) => {
          if (gen !== generation.current) return;
          requested.current.delete(page);
          setError(err.message);
        },
      );
    },
    [client, key],
  );

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    replaceOnNext.current = true;
    loadPage(0);
  }, [loadPage, refreshKey]);

  const item = (index: number): SearchHit | undefined => pages.get(Math.floor(index / QUEUE_PAGE))?.[index % QUEUE_PAGE];
  const ensure = (index: number) => loadPage(Math.floor(index / QUEUE_PAGE));
  return { total, atLeast, estimated, item, ensure, error, loaded: pages.has(0) };
}
