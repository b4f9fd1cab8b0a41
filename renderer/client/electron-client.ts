import type { CallContext } from '../../shared/call-context';
import type { BylineBridge, Input, Method, Output } from '../../shared/contract';
import type { BylineEventsBridge } from '../../shared/contract-events';
import type { Result } from '../../shared/errors';
import { ClientError, type BylineClient } from './client';

/** Desktop: the preload's `window.byline` (one function per contract method) and `window.bylineEvents`. */
export function createElectronClient(bridge: BylineBridge, events: BylineEventsBridge): BylineClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>, context?: CallContext): Promise<Output<M>> {
      const invoke = bridge[method] as (input: Input<M>, context?: CallContext) => Promise<Result<Output<M>>>;
      const result = await (context ? invoke(input, context) : invoke(input));
      if (!result.ok) throw ClientError.from(result.error);
      return result.value;
    },
    subscribe: (name, listener) => events.subscribe(name, listener),
    // IPC does not drop events while the window lives: nothing is ever missed.
    onReconnect: () => () => undefined,
  };
}
