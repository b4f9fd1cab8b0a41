import type { EventName, EventPayload } from '../../shared/contract-events';

/** What services are given to announce a change: they never learn who listens or how it travels (api/event-bus.ts fans it out). */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}
