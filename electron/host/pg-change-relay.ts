import type { EventBus } from '../api/event-bus';
import { listenForChanges, type Change, type ListenerStatus, type PgListener } from '../db/postgres/notify';

/** Tables whose rows belong to one story: a change to any of them is a change queues and open editors show. */
const STORY_TABLES = new Set(['articles', 'article_workflow', 'article_locks', 'workflow_events', 'review_comments', 'publish_attempts']);

/**
 * On a shared PostgreSQL, the only source of story events: triggers there announce every committed
 * change, this workstation's own included, so that what one desk does reaches every other desk's
 * windows through the same path and a write by a batch job or another machine is never missed. After
 * the listening connection comes back from a drop, windows are told to read everything again.
 */
export function relayPgChanges(bus: EventBus, options: { url: string; schema?: string; onStatus?: (status: ListenerStatus) => void }): PgListener {
  return listenForChanges({
    connectionString: options.url,
    schema: options.schema,
    onChange: (change: Change) => {
      // A notice names only its recipient (migration 016's trigger); that person's windows read the rest.
      if (change.table === 'notifications' && change.id !== null) return bus.emit('notification.added', { recipientId: change.id });
      if (!STORY_TABLES.has(change.table) || change.id === null) return;
      bus.emit('article.changed', { articleId: change.id, cause: `db.${change.table}`, ...(change.version !== null ? { version: change.version } : {}) });
    },
    onResync: () => bus.emit('stories.resync', { reason: 'reconnected' }),
    onStatus: options.onStatus,
  });
}
