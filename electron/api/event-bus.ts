import { events, type EventName, type EventPayload } from '../../shared/contract-events';
import type { EventSink } from '../services/event-sink';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/**
 * Fans events out to the hosts (IPC windows, web-mode streams, another workstation's relay). A payload
 * outside its schema is a bug and is logged, never sent; a listener that throws never stops the others
 * or the service that emitted.
 */
export class EventBus implements EventSink {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly log: (message: string, err: unknown) => void = console.error) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].safeParse(payload);
    if (!checked.success) return this.log(`[byline] event ${name} outside its contract`, checked.error);
    for (const listener of [...this.listeners]) {
      try {
        listener(name, checked.data as EventPayload<E>);
      } catch (err) {
        this.log(`[byline] event ${name} listener failed`, err);
      }
    }
  }

  /** Returns the function that stops listening. */
  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
