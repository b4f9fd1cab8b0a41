import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/errors';
import { binaryFieldOf, isMethod } from '../../shared/contract';
import { MAX_PHOTO_BYTES } from '../../shared/media';
import { findRendition, RENDITION_CACHE_CONTROL, type Materialise } from '../media/rendition-route';
import { securityHeaders } from './static-files';

/*
 * Reading requests and writing answers, shared by web mode (server.ts) and the newsroom server
 * (electron/server/newsroom-server.ts): bodies with limits, JSON and file inputs, the contract's error
 * codes as HTTP statuses, photo renditions.
 */

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** The header that carries a file upload's other input fields, as URI-encoded JSON (the body is the file). */
export const BINARY_INPUT_HEADER = 'x-byline-input';

export const STATUS_OF: Record<ApiError['code'], number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  STORAGE: 503,
  INTERNAL: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  });
  res.end(text);
}

export function refuse(res: ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A browser tab opened without the token gets a page a person can read, not JSON. */
export function refusePage(res: ServerResponse, status: number, message: string): void {
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
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
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

export function refuseTooLarge(res: ServerResponse, limit: number, what: string): void {
  res.setHeader('Connection', 'close');
  refuse(res, 413, 'VALIDATION', `${what} 너무 큽니다 (최대 ${limit / 1024 / 1024} MB).`);
}

/** The input of a JSON request: the body itself. */
export async function jsonInput(req: IncomingMessage, res: ServerResponse): Promise<{ input: unknown } | undefined> {
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
export async function binaryInput(req: IncomingMessage, res: ServerResponse, field: string): Promise<{ input: unknown } | undefined> {
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

/** GET /media/<id>/<width>.<webp|jpg>: a rendition, or 404 for any other path under /media/. */
export async function serveRendition(
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

/** Reads a contract call's input from the request as JSON or as a file, or answers the refusal itself. */
export async function readApiInput(method: string, req: IncomingMessage, res: ServerResponse): Promise<{ input: unknown } | undefined> {
  const type = req.headers['content-type'] ?? '';
  const binaryField = isMethod(method) ? binaryFieldOf(method) : undefined;
  if (type.startsWith('application/json')) return jsonInput(req, res);
  if (binaryField && type.startsWith('application/octet-stream')) return binaryInput(req, res, binaryField);
  const accepted = binaryField ? 'application/json 또는 application/octet-stream(파일)' : 'application/json';
  return void refuse(res, 415, 'VALIDATION', `요청 본문은 ${accepted} 이어야 합니다.`);
}

/** The token a request presents: an `Authorization: Bearer` header (a script, a workstation), else the named cookie (a browser). */
export function presentedToken(req: IncomingMessage, cookieName: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
}
