import { EVENT_NAMES, EVENTS_ROUTE, events, type EventName, type EventPayload } from '../../shared/contract-events';

type Listener = (payload: unknown) => void;

/** After the server refused the stream (it restarted with a new token, or is gone), try again this often. */
const RETRY_CLOSED_MS = 5_000;

/**
 * Web mode's events: one EventSource for the tab, opened on the first subscription. The browser
 * reconnects by itself after a drop (the server asks for one second); when the stream comes back, the
 * reconnect listeners are told, because whatever happened meanwhile was not heard.
 */
export class WebEvents {
  private source: EventSource | undefined;
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private dropped = false;

  constructor(private readonly open: (url: string) => EventSource = (url) => new EventSource(url, { withCredentials: true })) {}

  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.connect();
    const set = this.listeners.get(name) ?? new Set<Listener>();
    this.listeners.set(name, set);
    set.add(listener as Listener);
    return () => void set.delete(listener as Listener);
  }

  onReconnect(listener: () => void): () => void {
    this.connect();
    this.reconnectListeners.add(listener);
    return () => void this.reconnectListeners.delete(listener);
  }

  private connect(): void {
    if (this.source) return;
    const source = this.open(EVENTS_ROUTE);
    this.source = source;
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        // The server checked it already; a page that trusted the wire blindly would be the weak link.
        const parsed = events[name].safeParse(payload);
        if (!parsed.success) return;
        for (const listener of [...(this.listeners.get(name) ?? [])]) listener(parsed.data);
      });
    }
    source.addEventListener('open', () => {
      if (!this.dropped) return;
      this.dropped = false;
      for (const listener of [...this.reconnectListeners]) listener();
    });
    source.addEventListener('error', () => {
      this.dropped = true;
      if (source.readyState !== source.CLOSED) return;
      // A refusal ends EventSource's own retries: start a fresh one later.
      this.source = undefined;
      setTimeout(() => this.connect(), RETRY_CLOSED_MS);
    });
  }
}
