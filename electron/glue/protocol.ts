import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { contentSecurityPolicyFor } from '../../shared/csp';
import { findRendition, RENDITION_CACHE_CONTROL, type Materialise } from '../media/rendition-route';
import { resolveInside } from '../web/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'byline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The origin of a URL, app:// included, for comparing with APP_ORIGIN and the dev server's origin. The
 * main process parses with Node's URL, which follows WHATWG: only special schemes (http, https, file...)
 * have an origin there, so `new URL('app://byline/index.html').origin` is the string "null" and
 * comparing `.origin` would refuse the app's own page. Scheme and host are compared instead; a URL with
 * no host (data:, about:blank, javascript:, file:) has no origin to trust.
 */
export function originOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : undefined;
  } catch {
    return undefined;
  }
}

/** Must run before the app is ready: app:// behaves like a standard secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** app://byline/media/<id>/<width>.<webp|jpg>: a photo's rendition from the data folder; never an original. */
async function renditionResponse(mediaDir: string, pathname: string, materialise?: Materialise): Promise<Response> {
  const found = await findRendition(mediaDir, pathname, materialise);
  const data = found ? await readFile(found.file).catch(() => undefined) : undefined;
  if (!found || !data) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: { 'Content-Type': found.contentType, 'Cache-Control': RENDITION_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Serves the built renderer from app://byline/ with the CSP as a response header, never file://, and
 * photo renditions under app://byline/media/ from `mediaDir`.
 */
export function handleAppProtocol(rendererDir: string, mediaDir: string, materialise?: Materialise): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && url.pathname.startsWith('/media/')) return renditionResponse(mediaDir, url.pathname, materialise);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    const upstream = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    if (!upstream?.ok) {
      const index = await net.fetch(pathToFileURL(path.join(rendererDir, 'index.html')).toString());
      return withHeaders(index, 'text/html; charset=utf-8', '/index.html');
    }
    return withHeaders(upstream, undefined, url.pathname);
  });
}

function withHeaders(response: Response, contentType: string | undefined, urlPath: string): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', contentSecurityPolicyFor(urlPath));
  headers.set('X-Content-Type-Options', 'nosniff');
  if (contentType) headers.set('Content-Type', contentType);
  return new Response(response.body, { status: 200, headers });
}
