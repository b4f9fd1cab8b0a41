import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import type { ApiError } from '../../shared/errors';
import { RequestGuard } from './guard';
import { securityHeaders, serveStatic } from './static-files';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const STATUS_OF: Record<ApiError['code'], number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  STORAGE: 503,
  INTERNAL: 500,
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A browser tab opened without the token gets a page a person can read, not JSON. */
function refusePage(res: ServerResponse, status: number, message: string): void {
  const html = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>바이라인</title><body><h1>바이라인</h1><p>${message}</p></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store', ...securityHeaders() });
  res.end(html);
}

/**
 * A body over the limit is read to its end and thrown away before the 413 goes out: answering while the
 * client is still writing makes it see EPIPE or a reset instead of the answer. A body far over the limit
 * (a hostile stream) is cut off instead.
 */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.destroy();
        resolve('too-large');
      } else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(dispatch: Dispatch, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    refuse(res, 415, 'VALIDATION', '요청 본문은 application/json 이어야 합니다.');
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > DRAIN_LIMIT_BYTES ? 'too-large' : await readBody(req);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    refuse(res, 413, 'VALIDATION', `요청이 너무 큽니다 (최대 ${MAX_BODY_BYTES / 1024 / 1024} MB).`);
    return;
  }
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    refuse(res, 400, 'VALIDATION', '요청 본문이 올바른 JSON이 아닙니다.');
    return;
  }
  const result = await dispatch(method, input);
  sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/**
 * Web mode: the same dispatch as IPC, behind HTTP on 127.0.0.1 only. `GET /?token=…` trades the
 * printed token for an HttpOnly cookie and redirects, so the token leaves the address bar.
 */
export async function startWebServer(options: { dispatch: Dispatch; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const guard = new RequestGuard(token, () => port);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!guard.hostAllowed(req)) return refuse(res, 421, 'FORBIDDEN', '허용되지 않은 호스트 이름입니다.');
      if (!guard.originAllowed(req)) return refuse(res, 403, 'FORBIDDEN', '다른 출처(Origin)의 요청은 받지 않습니다.');

      const queryToken = url.searchParams.get('token') ?? undefined;
      if (req.method === 'GET' && queryToken !== undefined) {
        if (!guard.tokenMatches(queryToken)) return refuse(res, 401, 'UNAUTHORIZED', '접속 토큰이 맞지 않습니다. 서버가 출력한 주소로 다시 접속하세요.');
        res.writeHead(303, { Location: url.pathname, 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store', ...securityHeaders() });
        return res.end();
      }
      if (!guard.tokenMatches(guard.presentedToken(req))) {
        const message = '접속 토큰이 없거나 맞지 않습니다. 서버가 출력한 주소로 다시 접속하세요.';
        return url.pathname.startsWith('/api/') ? refuse(res, 401, 'UNAUTHORIZED', message) : refusePage(res, 401, message);
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'API는 POST로만 부릅니다.');
        return handleApi(options.dispatch, url.pathname.slice('/api/'.length), req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', '허용되지 않은 메서드입니다.');
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
