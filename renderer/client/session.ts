/**
 * Whether this page was served by the newsroom server, and who is signed in there. The server answers
 * GET /auth/me with the session's person; web mode and the desktop app have no such route (web mode
 * answers its page or a 404), so anything but that JSON means single-workstation mode.
 */
export interface SignedIn {
  id: string;
  name: string;
  login: string;
  role: 'reporter' | 'desk' | 'chief';
  admin: boolean;
}

export async function signedInPerson(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<SignedIn | null> {
  if (window.byline) return null;
  try {
    const res = await fetchImpl('/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('application/json')) return null;
    const body = (await res.json()) as { ok?: boolean; value?: SignedIn };
    return body.ok && body.value ? body.value : null;
  } catch {
    return null;
  }
}

/** Ends this session on the server and goes back to its sign-in page. */
export async function signOut(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<void> {
  await fetchImpl('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(
    () => undefined,
  );
  window.location.assign('/');
}

const LAST_OPEN_KEY = 'byline.lastOpenArticleId';

/** The story open last in this browser, on the newsroom server (where settings are the newsroom's, not the window's). */
export function readLastOpen(): string | null {
  try {
    return window.localStorage.getItem(LAST_OPEN_KEY);
  } catch {
    return null;
  }
}

export function writeLastOpen(id: string): void {
  try {
    window.localStorage.setItem(LAST_OPEN_KEY, id);
  } catch {
    // Storage refused (private mode): the next visit opens on no story.
  }
}
