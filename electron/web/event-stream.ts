import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../api/event-bus';
import { securityHeaders } from './static-files';

/** A quiet stream still says something this often, so proxies and sleeping laptops notice a dead one. */
const HEARTBEAT_MS = 15_000;
/** After a drop the browser tries again this soon (its own default, 3 s, would miss the one-second promise). */
const RECONNECT_MS = 1_000;
/** Per person: one per open tab is the use; a hundred is a leak or an attack, and each holds a socket. */
export const MAX_EVENT_STREAMS = 100;

/**
 * GET /events: every contract event as Server-Sent Events (`event: <name>`, `data: <json>`), for as long
 * as the tab keeps the request open. The token was checked before this runs, as for the API.
 */
export function serveEventStream(bus: EventBus | undefined, req: IncomingMessage, res: ServerResponse, open: { count: number }): void {
  if (!bus || open.count >= MAX_EVENT_STREAMS) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5', ...securityHeaders() });
    return void res.end('알림 연결을 더 열 수 없습니다. 잠시 뒤 다시 연결합니다.');
  }
  open.count += 1;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    ...securityHeaders(),
  });
  res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
  const stop = bus.listen((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    open.count -= 1;
    stop();
    clearInterval(heartbeat);
  };
  req.on('close', close);
  res.on('close', close);
  res.on('error', close);
}
