import { ACTOR_HEADER, type CallContext } from '../../shared/call-context';
import { binaryFieldOf, routeOf, type Input, type Method, type Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { ClientError, type BylineClient } from './client';
import { WebEvents } from './event-source';

/**
 * How a method's input travels: JSON, or for a method that takes a file (the contract names its field)
 * the file's bytes as the body and the other fields as URI-encoded JSON in X-Byline-Input.
 */
function requestOf(method: Method, input: unknown): { headers: Record<string, string>; body: BodyInit } {
  const field = binaryFieldOf(method);
  const record = (input ?? {}) as Record<string, unknown>;
  const bytes = field ? record[field] : undefined;
  if (!field || !(bytes instanceof Uint8Array)) return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) };
  const { [field]: _bytes, ...rest } = record;
  return {
    headers: { 'Content-Type': 'application/octet-stream', 'X-Byline-Input': encodeURIComponent(JSON.stringify(rest)) },
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  };
}

/** Web mode: POST /api/<method>. The access token travels as the HttpOnly cookie the server set. */
export function createWebClient(fetchImpl: typeof fetch = fetch.bind(globalThis), events: WebEvents = new WebEvents()): BylineClient {
  return {
    subscribe: (name, listener) => events.subscribe(name, listener),
    onReconnect: (listener) => events.onReconnect(listener),
    async call<M extends Method>(method: M, input: Input<M>, context?: CallContext): Promise<Output<M>> {
      let response: Response;
      try {
        const { headers, body } = requestOf(method, input);
        if (context?.actorId) headers[ACTOR_HEADER] = context.actorId;
        response = await fetchImpl(routeOf(method), { method: 'POST', headers, body, credentials: 'same-origin' });
      } catch {
        throw new ClientError('NETWORK', '바이라인 서버에 연결할 수 없습니다. 서버가 실행 중인지 확인하세요. 편집 중인 내용은 이 창에 그대로 있습니다.');
      }
      let result: Result<Output<M>>;
      try {
        result = (await response.json()) as Result<Output<M>>;
      } catch {
        throw new ClientError('NETWORK', `서버 응답을 읽을 수 없습니다 (HTTP ${response.status}).`);
      }
      if (!result.ok) throw ClientError.from(result.error);
      return result.value;
    },
  };
}
