import { useEffect, useState } from 'react';
import type { OutboxStatus } from '../../shared/contract-outbox';
import type { BylineClient } from '../client';

const EMPTY: OutboxStatus = { connection: 'online', pending: 0, pendingArticles: [], conflicts: [] };

/** This workstation's outbox as the host reports it: read once, then kept current by its events. */
export function useOutbox(client: BylineClient): OutboxStatus {
  const [outbox, setOutbox] = useState<OutboxStatus>(EMPTY);
  useEffect(() => {
    let live = true;
    const read = () =>
      void client.call('outbox.status', {}).then(
        (status) => live && setOutbox(status),
        () => undefined,
      );
    read();
    const stopEvents = client.subscribe('outbox.changed', (status) => setOutbox(status));
    // Events sent while this window's stream was down are lost: read again when it is back.
    const stopReconnect = client.onReconnect(read);
    return () => {
      live = false;
      stopEvents();
      stopReconnect();
    };
  }, [client]);
  return outbox;
}
