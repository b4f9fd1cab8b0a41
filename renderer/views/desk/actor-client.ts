import type { Input, Method, Output } from '../../../shared/contract';
import type { BylineClient } from '../../client';

/**
 * The profile picked in this window. Kept in the window's own storage, not in settings: settings are
 * one file on the server, and in web mode two browsers on one server are two different people.
 */
const STORAGE_KEY = 'byline.profileId';

export function readPickedProfileId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writePickedProfileId(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(STORAGE_KEY, id);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the pick lasts until the window closes.
  }
}

/** The article methods that act on a story's words: the main process checks them against the workflow's edit rules for the profile. */
const STAMPED: ReadonlySet<Method> = new Set<Method>(['articles.create', 'articles.save', 'articles.archive', 'outbox.save', 'outbox.resolve']);

/**
 * The client with the picked profile stamped on every save, archive and new story, so that the editor,
 * autosave and every other caller act as the person at this window without each having to say so.
 */
export function withActor(client: BylineClient, actorId: () => string | null): BylineClient {
  return {
    call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const id = actorId();
      if (id && STAMPED.has(method) && !('actorId' in (input as object))) {
        return client.call(method, { ...(input as object), actorId: id } as Input<M>);
      }
      return client.call(method, input);
    },
    subscribe: (name, listener) => client.subscribe(name, listener),
    onReconnect: (listener) => client.onReconnect(listener),
  };
}

/**
 * The client for a page the newsroom server served: the server takes the actor from the session and
 * refuses a request that names one, so every actorId a view puts in is taken out here.
 */
export function withoutActor(client: BylineClient): BylineClient {
  return {
    call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      if (input && typeof input === 'object' && 'actorId' in input) {
        const { actorId: _actorId, ...rest } = input as Record<string, unknown>;
        return client.call(method, rest as Input<M>);
      }
      return client.call(method, input);
    },
    subscribe: (name, listener) => client.subscribe(name, listener),
    onReconnect: (listener) => client.onReconnect(listener),
  };
}
