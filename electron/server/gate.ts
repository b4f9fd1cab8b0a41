import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { presentedToken } from '../web/http-io';

/**
 * What the newsroom server believes about a request before any contract method runs: the client's
 * address (X-Forwarded-For only when the request comes from the named reverse proxy), whether it came
 * over TLS, and whether a browser's Origin is the server's own. A session's cookie is SameSite=Strict
 * as well, so a page elsewhere cannot ride it; the Origin check covers the browsers that send none.
 */
export interface GateOptions {
  /** The reverse proxy's address, when one terminates TLS in front of the server. */
  proxyAddress?: string;
  /** Whether this server speaks TLS itself (a proxy's clients always see https). */
  tls: boolean;
}

export const SESSION_COOKIE = 'byline_session';

const normalise = (address: string) => address.replace(/^::ffff:/, '');

export class Gate {
  constructor(private readonly options: GateOptions) {}

  private fromProxy(req: IncomingMessage): boolean {
    return this.options.proxyAddress !== undefined && normalise(req.socket.remoteAddress ?? '') === this.options.proxyAddress;
  }

  /** The client's address: the last hop the proxy added, never a value a client could have written itself. */
  clientAddress(req: IncomingMessage): string {
    const socket = normalise(req.socket.remoteAddress ?? '');
    if (!this.fromProxy(req)) return socket;
    const hops = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((h) => h.trim());
    const last = hops.at(-1) ?? '';
    return isIP(last) ? last : socket;
  }

  /** The origin browsers see: https://<host>, with the proxy's forwarded host when it sent one. */
  ownOrigin(req: IncomingMessage): string {
    const forwarded = this.fromProxy(req)
      ? String(req.headers['x-forwarded-host'] ?? '')
          .split(',')[0]!
          .trim()
      : '';
    return `https://${(forwarded || req.headers.host || '').toLowerCase()}`;
  }

  /** A browser's cross-site request carries a foreign Origin; a workstation sends none. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || origin.toLowerCase() === this.ownOrigin(req);
  }

  /** The session token a request presents: a workstation's bearer token, else the browser's cookie. */
  presentedToken(req: IncomingMessage): string | undefined {
    return presentedToken(req, SESSION_COOKIE);
  }

  sessionCookie(token: string, maxAgeSeconds: number): string {
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
  }

  clearedCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
  }
}
