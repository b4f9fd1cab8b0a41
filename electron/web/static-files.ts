import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Resolves a URL path inside `root`, or undefined if it would step outside it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

/** Serves the built renderer; unknown paths get index.html so that a reload keeps working. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  let info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) {
    file = path.join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
      res.end('화면 파일이 아직 빌드되지 않았습니다. npm run web 으로 시작하세요.');
      return;
    }
  }
  const ext = path.extname(file!);
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=31536000, immutable',
    ...securityHeaders(),
    'Content-Security-Policy': contentSecurityPolicyFor(urlPath),
  });
  createReadStream(file!).pipe(res);
}
