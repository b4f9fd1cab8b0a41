import type { Input, Method, Output } from '../../../shared/contract';
import type { CallContext } from '../../../shared/call-context';
import type { BylineClient } from '../../client';

/**
 * The profile picked in this window. Kept in the window's own storage, not in settings: settings are
 * one file on the server, and in web mode two browsers on one server are two different people.
 */
const STORAGE_KEY = 'byline.profileId';

/** This window's pick, once read or made: two tabs of one browser share storage but may be two people. */
let pickedHere: string | null | undefined;

export function readPickedProfileId(): string | null {
  if (pickedHere !== undefined) return pickedHere;
  try {
    pickedHere = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    pickedHere = null;
  }
  return pickedHere;
}

export function writePickedProfileId(id: string | null): void {
  pickedHere = id;
  try {
    if (id) window.localStorage.setItem(STORAGE_KEY, id);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the pick lasts until the window closes.
  }
}

/**
 * A single workstation's client (no sign-in): every call says the picked profile acts, beside its input
 * (shared/call-context.ts), so the editor, autosave and every view act as the person at this window
 * without each having to say so. A page the newsroom server served does not use this: there the session
 * says who acts, and the server refuses a window that names someone.
 */
export function withActor(client: BylineClient, actorId: () => string | null): BylineClient {
  return {
    call<M extends Method>(method: M, input: Input<M>, context?: CallContext): Promise<Output<M>> {
      const id = actorId();
      return client.call(method, input, id ? { ...context, actorId: id } : context);
    },
    subscribe: (name, listener) => client.subscribe(name, listener),
    onReconnect: (listener) => client.onReconnect(listener),
  };
}
