import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../../shared/contract-notifications';
import type { BylineClient } from '../../client/client';

const PAGE = 30;

export interface NotificationsState {
  items: Notification[];
  unread: number;
  /** Whether older notices may remain past the last page read. */
  more: boolean;
  problem: string | null;
  loadMore: () => Promise<void>;
  read: (id: number) => Promise<void>;
  readAll: () => Promise<void>;
}

/**
 * The picked person's (or signed-in account's) inbox, kept fresh by `notification.added`: the event names
 * only the recipient, so this window asks again only when it is this person's, and tells `onArrived` of
 * the newest notice (for a desktop notification). A dropped event stream or a resync asks again too.
 */
export function useNotifications(client: BylineClient, personId: string | null, onArrived: (n: Notification) => void): NotificationsState {
  // Whose inbox the state holds: after a switch of profile, nothing of the last person's shows while theirs loads.
  const [owner, setOwner] = useState<string | null>(null);
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const arrived = useRef(onArrived);
  useEffect(() => {
    arrived.current = onArrived;
  });

  useEffect(() => {
    if (!personId) return;
    let live = true;
    const read = () =>
      client.call('notifications.list', { limit: PAGE, unreadOnly: false }).then(
        (page) => {
          if (!live) return;
          setOwner(personId);
          setItems(page.items);
          setUnread(page.unread);
          setMore(page.items.length === PAGE);
          setProblem(null);
        },
        (err: unknown) => live && setProblem((err as Error).message),
      );
    void read();
    const stopAdded = client.subscribe('notification.added', ({ recipientId }) => {
      if (recipientId !== personId) return;
      void read()
        .then(() => client.call('notifications.list', { limit: 1, unreadOnly: true }))
        .then((newest) => live && newest.items[0] && arrived.current(newest.items[0]))
        .catch(() => undefined);
    });
    // Notices told while this window's stream was down are lost as events: read again when it is back.
    const stopReconnect = client.onReconnect(() => void read());
    const stopResync = client.subscribe('stories.resync', () => void read());
    return () => {
      live = false;
      stopAdded();
      stopReconnect();
      stopResync();
    };
  }, [client, personId]);

  const loadMore = useCallback(async () => {
    const last = items.at(-1);
    if (!last) return;
    const page = await client.call('notifications.list', { limit: PAGE, unreadOnly: false, before: last.id });
    setItems((shown) => [...shown, ...page.items]);
    setUnread(page.unread);
    setMore(page.items.length === PAGE);
  }, [client, items]);

  const read = useCallback(
    async (id: number) => {
      const { unread: left } = await client.call('notifications.read', { id });
      setUnread(left);
      setItems((shown) => shown.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n)));
    },
    [client],
  );

  const readAll = useCallback(async () => {
    const { unread: left } = await client.call('notifications.read', { all: true });
    setUnread(left);
    const at = new Date().toISOString();
    setItems((shown) => shown.map((n) => (n.readAt ? n : { ...n, readAt: at })));
  }, [client]);

  const current = owner !== null && owner === personId;
  return { items: current ? items : [], unread: current ? unread : 0, more: current && more, problem, loadMore, read, readAll };
}
