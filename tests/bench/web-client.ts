import { ACTOR_HEADER, type CallContext } from '../../shared/call-context';
import http from 'node:http';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { readServerSentEvents } from './event-stream-reader';

/** What a window in web mode does over the wire: contract calls on /api/ and the /events stream. */
export interface BenchWebClient {
  /** `context.actorId` is the profile picked in that window (web mode has no sign-in). */
  call<T>(method: string, input: unknown, context?: CallContext): Promise<T>;
  /** Opens one window's event stream; resolves once the server has answered, so nothing sent after is missed. */
  listen(onEvent: (name: string, data: unknown) => void): Promise<void>;
  close(): void;
}

/**
 * A bench's client of one web-mode server. Calls share a keep-alive agent of `sockets` sockets, as a
 * browser's would; each event stream has a socket of its own, so it never waits behind a call.
 */
export function benchWebClient(server: { port: number; token: string }, sockets: number): BenchWebClient {
  const headers = { Authorization: `Bearer ${server.token}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const streams: http.ClientRequest[] = [];
  return {
    call: <T>(method: string, input: unknown, context?: CallContext) =>
      new Promise<T>((resolve, reject) => {
        const body = JSON.stringify(input);
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: `/api/${method}`,
            agent,
            headers: {
              ...headers,
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
              ...(context?.actorId ? { [ACTOR_HEADER]: context.actorId } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value: T; error?: { message: string } };
              if (r.ok) resolve(r.value);
              else reject(new Error(r.error?.message));
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    listen: (onEvent) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port: server.port, path: EVENTS_ROUTE, headers: { ...headers, Accept: 'text/event-stream' }, agent: false },
          (res) => {
            readServerSentEvents(res, onEvent);
            resolve();
          },
        );
        req.on('error', reject);
        streams.push(req);
      }),
    close: () => {
      for (const s of streams) s.destroy();
      agent.destroy();
    },
  };
}
