import { EVENTS_ROUTE, isEventName } from '../../shared/contract-events';
import type { EventBus } from '../api/event-bus';
import type { NewsroomLink } from './newsroom-link';

/** After a drop, the first retry comes soon (a restarted server is back in seconds), later ones less often. */
const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

export interface EventRelay {
  /** Starts (or restarts) the stream with the session of now; a no-op while one is open. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * Carries the newsroom server's event stream (GET /events with the person's bearer token) into this
 * workstation's EventBus, so its windows hear every change as they do on one machine. A dropped stream is
 * opened again; since changes may have been missed meanwhile, the windows are then told to read again
 * (stories.resync). An ended session stops it until the next sign-in. The bus checks every payload
 * against the contract before a window sees it: the server is trusted for data, not for shapes.
 */
export function relayServerEvents(
  link: NewsroomLink,
  session: () => string | undefined,
  bus: EventBus,
  onSessionEnded: () => void,
  log: (message: string) => void = (m) => console.warn(m),
): EventRelay {
  let running: AbortController | undefined;
  let loop: Promise<void> | undefined;

  const readStream = async (token: string, signal: AbortSignal, opened: () => void): Promise<'ended' | 'dropped'> => {
    const res = await link.open(EVENTS_ROUTE, token, signal);
    if (res.status === 401) return 'ended';
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      return 'dropped';
    }
    opened();
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const data = lines.find((l) => l.startsWith('data: '));
        const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
        if (!data || !isEventName(name)) continue;
        try {
          bus.emit(name, JSON.parse(data.slice(6)) as never);
        } catch {
          log(`[byline] the newsroom server sent an unreadable ${name} event`);
        }
      }
    }
    return 'dropped';
  };

  const run = async (signal: AbortSignal): Promise<void> => {
    let failures = 0;
    let connectedBefore = false;
    while (!signal.aborted) {
      const token = session();
      if (!token) return;
      let outcome: 'ended' | 'dropped';
      try {
        outcome = await readStream(token, signal, () => {
          if (connectedBefore) bus.emit('stories.resync', { reason: 'reconnected' });
          connectedBefore = true;
          failures = 0;
        });
      } catch {
        outcome = 'dropped';
      }
      if (signal.aborted) return;
      if (outcome === 'ended') return onSessionEnded();
      const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
      failures += 1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  };

  return {
    start() {
      if (running) return;
      const mine = new AbortController();
      running = mine;
      loop = run(mine.signal).finally(() => {
        if (running === mine) running = undefined;
      });
    },
    async stop() {
      running?.abort();
      await loop?.catch(() => undefined);
      running = undefined;
    },
  };
}
