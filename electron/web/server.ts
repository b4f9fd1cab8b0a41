import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { binaryFieldOf, isMethod } from '../../shared/contract';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import type { EventBus } from '../api/event-bus';
import type { ApiError } from '../../shared/errors';
import { MAX_PHOTO_BYTES } from '../../shared/media';
import { findRendition, RENDITION_CACHE_CONTROL, type Materialise } from '../media/rendition-route';
import { serveEventStream } from './event-stream';
import { redirectPath, RequestGuard } from './guard';
import { securityHeaders, serveStatic } from './static-files';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** The header that carries a file upload's other input fields, as URI-encoded JSON (the body is the file). */
export const BINARY_INPUT_HEADER = 'x-byline-input';

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
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  });
  res.end(html);
}

/**
 * A body over the limit is read to its end and thrown away before the 413 goes out: answering while the
 * client is still writing makes it see EPIPE or a reset instead of the answer. A body far over the limit
 * (a hostile stream, four times the limit) is cut off instead.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const drainLimit = 4 * limit;
  if (Number(req.headers['content-length'] ?? 0) > drainLimit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        req.destroy();
        resolve('too-large');
      } else if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuseTooLarge(res: ServerResponse, limit: number, what: string): void {
  res.setHeader('Connection', 'close');
  refuse(res, 413, 'VALIDATION', `${what} 너무 큽니다 (최대 ${limit / 1024 / 1024} MB).`);
}

/** The input of a JSON request: the body itself. */
async function jsonInput(req: IncomingMessage, res: ServerResponse): Promise<{ input: unknown } | undefined> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too-large') return void refuseTooLarge(res, MAX_BODY_BYTES, '요청이');
  try {
    return { input: body.length === 0 ? {} : JSON.parse(body.toString('utf8')) };
  } catch {
    return void refuse(res, 400, 'VALIDATION', '요청 본문이 올바른 JSON이 아닙니다.');
  }
}

/**
 * The input of a file upload: the raw body is the file (a 30 MB photo as base64 JSON would cost a third
 * more and a parse), the other fields come as URI-encoded JSON in X-Byline-Input. The file goes on as a
 * Uint8Array, as it arrives over IPC, so dispatch and the contract see the same input from both hosts.
 */
async function binaryInput(req: IncomingMessage, res: ServerResponse, field: string): Promise<{ input: unknown } | undefined> {
  const body = await readBody(req, MAX_PHOTO_BYTES);
  if (body === 'too-large') return void refuseTooLarge(res, MAX_PHOTO_BYTES, '파일이');
  let fields: unknown;
  try {
    const header = req.headers[BINARY_INPUT_HEADER];
    fields = typeof header === 'string' && header !== '' ? JSON.parse(decodeURIComponent(header)) : {};
  } catch {
    return void refuse(res, 400, 'VALIDATION', 'X-Byline-Input 머리글이 URI 인코딩된 JSON이 아닙니다.');
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return void refuse(res, 400, 'VALIDATION', 'X-Byline-Input 머리글은 JSON 객체여야 합니다.');
  }
  if (Object.prototype.hasOwnProperty.call(fields, field)) {
    return void refuse(res, 400, 'VALIDATION', `X-Byline-Input 머리글에 '${field}'를 넣을 수 없습니다. 파일은 요청 본문으로 보냅니다.`);
  }
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return { input: { ...(fields as Record<string, unknown>), [field]: bytes } };
}

async function handleApi(dispatch: Dispatch, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  const binaryField = isMethod(method) ? binaryFieldOf(method) : undefined;
  let read: { input: unknown } | undefined;
  if (type.startsWith('application/json')) read = await jsonInput(req, res);
  else if (binaryField && type.startsWith('application/octet-stream')) read = await binaryInput(req, res, binaryField);
  else {
    const accepted = binaryField ? 'application/json 또는 application/octet-stream(파일)' : 'application/json';
    return refuse(res, 415, 'VALIDATION', `요청 본문은 ${accepted} 이어야 합니다.`);
  }
  if (!read) return;
  const result = await dispatch(method, read.input);
  sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/** GET /media/<id>/<width>.<webp|jpg>: a rendition, or 404 for any other path under /media/. */
async function serveRendition(
  mediaDir: string | undefined,
  materialise: Materialise | undefined,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const found = mediaDir ? await findRendition(mediaDir, pathname, materialise) : undefined;
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders() });
    return void res.end('사진을 찾을 수 없습니다.');
  }
  res.writeHead(200, { 'Content-Type': found.contentType, 'Content-Length': found.size, 'Cache-Control': RENDITION_CACHE_CONTROL, ...securityHeaders() });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
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
