import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { ACTOR_HEADER } from '../../shared/call-context';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import type { EventBus } from '../api/event-bus';
import type { Materialise } from '../media/rendition-route';
import { serveEventStream } from './event-stream';
import { redirectPath, RequestGuard } from './guard';
import { readApiInput, refuse, refusePage, sendJson, serveRendition, STATUS_OF } from './http-io';
import { securityHeaders, serveStatic } from './static-files';

export { BINARY_INPUT_HEADER, MAX_BODY_BYTES } from './http-io';

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

async function handleApi(dispatch: Dispatch, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const read = await readApiInput(method, req, res);
  if (!read) return;
  // No sign-in here: the window says which profile it picked (shared/call-context.ts).
  const actorId = req.headers[ACTOR_HEADER];
  const result = await dispatch(method, read.input, typeof actorId === 'string' && actorId !== '' ? { actorId } : {});
  sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/**
 * Web mode: the same dispatch as IPC, behind HTTP on 127.0.0.1 only. `GET /?token=…` trades the
 * printed token for an HttpOnly cookie and redirects, so the token leaves the address bar.
 */
export async function startWebServer(options: {
  dispatch: Dispatch;
  staticDir: string;
  mediaDir?: string;
  materialise?: Materialise;
  events?: EventBus;
  port?: number;
  token?: string;
  /**
   * A workstation joined to a newsroom server (remote/workstation.ts) answers sign-in, its pages and
   * photos itself, behind this server's token like everything else; false: not one of its paths.
   */
  routes?: (url: URL, req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const streams = { count: 0 };
  const guard = new RequestGuard(token, () => port);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!guard.hostAllowed(req)) return refuse(res, 421, 'FORBIDDEN', '허용되지 않은 호스트 이름입니다.');
      if (!guard.originAllowed(req)) return refuse(res, 403, 'FORBIDDEN', '다른 출처(Origin)의 요청은 받지 않습니다.');

      const queryToken = url.searchParams.get('token') ?? undefined;
      if (req.method === 'GET' && queryToken !== undefined) {
        if (!guard.tokenMatches(queryToken)) return refuse(res, 401, 'UNAUTHORIZED', '접속 토큰이 맞지 않습니다. 서버가 출력한 주소로 다시 접속하세요.');
        res.writeHead(303, { Location: redirectPath(url.pathname), 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store', ...securityHeaders() });
        return res.end();
      }
      if (!guard.tokenMatches(guard.presentedToken(req))) {
        const message = '접속 토큰이 없거나 맞지 않습니다. 서버가 출력한 주소로 다시 접속하세요.';
        return url.pathname.startsWith('/api/') ? refuse(res, 401, 'UNAUTHORIZED', message) : refusePage(res, 401, message);
      }

      if (options.routes && (await options.routes(url, req, res))) return;
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'API는 POST로만 부릅니다.');
        return handleApi(options.dispatch, url.pathname.slice('/api/'.length), req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', '허용되지 않은 메서드입니다.');
      if (url.pathname === EVENTS_ROUTE) return serveEventStream(options.events, req, res, streams);
      if (url.pathname.startsWith('/media/')) return serveRendition(options.mediaDir, options.materialise, url.pathname, req, res);
      return serveStatic(options.staticDir, url.pathname, res);
    })().catch((err: unknown) => {
      console.error('[byline web] request failed', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', '내부 오류가 발생했습니다.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
