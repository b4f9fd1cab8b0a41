import type { CallContext } from '../../shared/call-context';
import type { Input, Method, Output } from '../../shared/contract';
import type { EventName, EventPayload } from '../../shared/contract-events';
import type { ApiError, ErrorCode } from '../../shared/errors';

/** The renderer's only way to reach main: one implementation per host, one type. */
export interface BylineClient {
  /** `context` says who calls, beside the input; only a single workstation's window fills it in (views/desk/actor-client.ts). */
  call<M extends Method>(method: M, input: Input<M>, context?: CallContext): Promise<Output<M>>;
  /** Hears a contract event until the returned function is called. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Called when events may have been missed (web mode's stream dropped and came back): whoever shows
   * what events keep fresh should ask again.
   */
  onReconnect(listener: () => void): () => void;
}

export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ClientError';
  }

  static from(error: ApiError): ClientError {
    return new ClientError(error.code, error.message, error.details);
  }
}
