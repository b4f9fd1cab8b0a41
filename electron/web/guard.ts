import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { presentedToken } from './http-io';

/**
 * Where the ?token= exchange sends the tab: the path it asked for when that is a plain path of this app
 * (letters, digits, - . _ ~ between slashes), `/` otherwise. A browser reads `//host` and `/\host` as
 * another host, and decodes or strips what a looser check would let through.
 */
export function redirectPath(pathname: string): string {
  return /^(?:\/[\w.~-]+)*\/?$/.test(pathname) ? pathname : '/';
}

/**
 * Who may talk to web mode: only this machine, only with the per-run token, only under our own
 * Host name (a DNS-rebinding page reaches 127.0.0.1 under a foreign Host) and from our own Origin.
 */
export class RequestGuard {
  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {}

  get cookieName(): string {
    // Cookies ignore ports, so two Bylines on one machine must not share a cookie name.
    return `byline_token_${this.port()}`;
  }

  private allowedHosts(): string[] {
    const p = this.port();
    return [`127.0.0.1:${p}`, `localhost:${p}`];
  }

  hostAllowed(req: IncomingMessage): boolean {
    return this.allowedHosts().includes((req.headers.host ?? '').toLowerCase());
  }

  /** Browsers send Origin on cross-site requests and on every POST; a missing one is a non-browser client. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return this.allowedHosts().some((h) => origin.toLowerCase() === `http://${h}`);
  }

  tokenMatches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  presentedToken(req: IncomingMessage): string | undefined {
    return presentedToken(req, this.cookieName);
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict`;
  }
}
