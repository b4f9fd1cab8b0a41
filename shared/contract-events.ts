import { z } from 'zod';
import { ArticleId } from './article';
import { NotificationAdded } from './contract-notifications';
import { OutboxStatus } from './contract-outbox';
import { PublishProgress } from './contract-publish';
import { SpellingWordsChanged } from './contract-spelling';

/**
 * What the main process tells every open window without being asked: the other half of the contract.
 * A window subscribes by name; IPC and web mode (Server-Sent Events) both carry exactly these payloads,
 * checked against these schemas before they leave.
 */

/** A story changed in a way a queue or an open editor shows: saved, moved, locked, commented, published. */
export const ArticleChanged = z.object({
  articleId: ArticleId,
  /** The contract method that changed it (on another workstation, the same names). */
  cause: z.string().max(60),
  /** The story's version after the change, when the change made one. */
  version: z.number().int().min(1).optional(),
});
export type ArticleChanged = z.infer<typeof ArticleChanged>;

/**
 * Changes may have been missed (the shared database's notifications were cut off and came back): every
 * window reads again whatever it shows.
 */
export const ArticlesResync = z.object({ reason: z.enum(['reconnected']) });

export const events = {
  'article.changed': ArticleChanged,
  'stories.resync': ArticlesResync,
  'publish.progress': PublishProgress,
  /** This workstation's outbox of saves made while the shared database was away: connection, waiting, conflicts. */
  'outbox.changed': OutboxStatus,
  /** A notice for `recipientId` was stored (알림); only that person's window reads it (notifications.list). */
  'notification.added': NotificationAdded,
  /** A word went into or out of the 뉴스룸 사전: every window's checker reloads its words. */
  'spelling.changed': SpellingWordsChanged,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The IPC channel an event travels on (main → window). */
export function eventChannelOf(name: EventName): string {
  return `byline-event:${name}`;
}

/** Web mode's Server-Sent Events stream: every event, behind the same token as the API. */
export const EVENTS_ROUTE = '/events';

/** The shape preload exposes as `window.bylineEvents`: subscribe by name, get back the function that stops it. */
export interface BylineEventsBridge {
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
