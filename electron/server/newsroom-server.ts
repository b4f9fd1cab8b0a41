import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import type { Dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import type { Database } from '../db/database';
import type { Materialise } from '../media/rendition-route';
import { serveEventStream } from '../web/event-stream';
import { readApiInput, refuse, sendJson, serveRendition, STATUS_OF } from '../web/http-io';
import { serveStatic } from '../web/static-files';
import { Accounts } from './accounts';
import { handleAuth } from './auth-routes';
import { callAs } from './contract-call';
import { ACTOR_HEADER } from '../../shared/call-context';
import { Gate } from './gate';
import { passwordPage, resetPage, setupPage, signInPage } from './pages';
import type { ScryptCost } from './passwords';
import { DEFAULT_LIFETIMES, SessionStore, type SessionLifetimes } from './sessions';
import { SignIn } from './sign-in';

export interface NewsroomServerOptions {
  dispatch: Dispatch;
  db: Database;
  staticDir: string;
  mediaDir?: string;
  materialise?: Materialise;
  events?: EventBus;
  host: string;
  port: number;
  /** PEM certificate and key; without them only a loopback address or a named proxy is accepted. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  proxyAddress?: string;
  lifetimes?: SessionLifetimes;
  /** Cheaper hashes for tests; OWASP's cost otherwise. */
  cost?: ScryptCost;
  now?: () => Date;
}

export interface NewsroomServer {
  url: string;
  port: number;
  accounts: Accounts;
  close(): Promise<void>;
}

/** How long an idle keep-alive connection stays open (nginx's upstream keepalive_timeout is 60 s). */
export const KEEP_ALIVE_MS = 65_000;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Why the server will not start as asked, in Korean; undefined when it may. */
export function listenProblem(host: string, tls: boolean, proxyAddress: string | undefined): string | undefined {
  if (tls || LOOPBACK.has(host)) return undefined;
  if (proxyAddress) return undefined;
  return `${host}에서 TLS 없이 열 수 없습니다. --cert와 --key로 인증서를 주거나, TLS를 끝내는 리버스 프록시 뒤라면 --behind-proxy <프록시 주소>를 주세요.`;
}

/**
 * `npm run server`: the newsroom's one server. The same contract as web mode, but each call is made by
 * the person signed in (a session cookie for browsers, a bearer token for workstations), checked
 * against the permission table; sessions live in PostgreSQL, so two processes serve one newsroom.
 */
export async function startNewsroomServer(options: NewsroomServerOptions): Promise<NewsroomServer> {
  const problem = listenProblem(options.host, options.tls !== undefined, options.proxyAddress);
  if (problem) throw new Error(problem);
  const lifetimes = options.lifetimes ?? DEFAULT_LIFETIMES;
  const sessions = new SessionStore(options.db, options.now, lifetimes);
  const accounts = new Accounts({ db: options.db, sessions, now: options.now, cost: options.cost });
  const signIn = new SignIn({ db: options.db, sessions, now: options.now, cost: options.cost });
  const gate = new Gate({ proxyAddress: options.proxyAddress, tls: options.tls !== undefined });
  // Open event streams per person: web mode's limit is one person's windows, and a newsroom is many people.
  const streams = new Map<string, { count: number }>();
  const auth = { gate, signIn, sessions, accounts, lifetimes };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://server.invalid');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !gate.originAllowed(req)) {
      return refuse(res, 403, 'FORBIDDEN', '다른 출처(Origin)의 요청은 받지 않습니다.');
    }
    const actor = () => sessions.resolve(gate.presentedToken(req));
    if (url.pathname.startsWith('/auth/')) return handleAuth(auth, url.pathname, req, res, actor);
    if (url.pathname === '/setup' && req.method === 'GET') return setupPage(res, url.searchParams.get('token') ?? '');
    if (url.pathname === '/reset' && req.method === 'GET') return resetPage(res, url.searchParams.get('token') ?? '');

    const who = await actor().catch((err: unknown) => err as Error);
    if (who instanceof Error) {
      if (url.pathname.startsWith('/api/') || url.pathname === EVENTS_ROUTE || url.pathname.startsWith('/media/')) {
        return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: who.message } });
      }
      return signInPage(res, 200);
    }
    if (url.pathname === '/password' && req.method === 'GET') return passwordPage(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'API는 POST로만 부릅니다.');
      const method = url.pathname.slice('/api/'.length);
      // A single workstation's window names its profile in this header; here only the session does.
      if (req.headers[ACTOR_HEADER] !== undefined)
        return refuse(res, 400, 'VALIDATION', '요청에 X-Byline-Actor를 넣을 수 없습니다. 서버는 로그인한 사람으로 처리합니다.');
      const read = await readApiInput(method, req, res);
      if (!read) return;
      const result = await callAs(options.dispatch, who, method, read.input, gate.clientAddress(req));
      return sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', '허용되지 않은 메서드입니다.');
    if (url.pathname === EVENTS_ROUTE) {
      const mine = streams.get(who.id) ?? { count: 0 };
      streams.set(who.id, mine);
      serveEventStream(options.events, req, res, mine);
      // After the stream's own close handler has counted it out.
      res.once('close', () => {
        if (mine.count === 0 && streams.get(who.id) === mine) streams.delete(who.id);
      });
      return;
    }
    if (url.pathname.startsWith('/media/')) return serveRendition(options.mediaDir, options.materialise, url.pathname, req, res);
    return serveStatic(options.staticDir, url.pathname, res);
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[byline server] request failed', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', '내부 오류가 발생했습니다.');
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener) : http.createServer(listener);
  // Node closes an idle connection after 5 s, just when a workstation saving every 5 s (or a proxy's pool)
  // sends on it again: that request dies with ECONNRESET. Idle connections stay longer than any proxy's.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    accounts,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
