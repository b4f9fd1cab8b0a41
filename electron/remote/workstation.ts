import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import { AppError } from '../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import { EventBus } from '../api/event-bus';
import type { SecretStore } from '../host/secret-store';
import { readForm } from '../server/auth-routes';
import { passwordPage, signInPage } from '../server/pages';
import { refuse, sendJson, STATUS_OF } from '../web/http-io';
import { securityHeaders } from '../web/static-files';
import { relayServerEvents } from './event-relay';
import type { TrustOptions } from './certificate-pin';
import { NewsroomLink } from './newsroom-link';
import { remoteDispatch } from './remote-dispatch';
import { SessionKeeper } from './session-keeper';
import { withNewsroomHere } from './newsroom-dispatch';
import { newsroomFile } from './newsroom-file';
import { NewsroomConnectionService } from '../services/newsroom-connection';

/** What a workstation that joined a newsroom server gives its local web server (or the Electron glue). */
export interface Workstation {
  dispatch: Dispatch;
  events: EventBus;
  origin: string;
  /** Answers sign-in, its pages and photos; false when the path is none of those (the API, the app's files). */
  route(url: URL, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

const SignInBody = z.object({ login: z.string().max(64), password: z.string().max(1_024) });
const PasswordBody = z.object({ current: z.string().max(1_024), next: z.string().max(1_024) });

const redirect = (res: ServerResponse, to: string) => {
  res.writeHead(303, { Location: to, 'Cache-Control': 'no-store' });
  res.end();
};

/**
 * A workstation whose stories live on the newsroom server. Nothing here holds a database or a CMS
 * password: the contract goes to the server as the person signed in, the server's events come back into
 * this machine's bus, photos are fetched from the server. The person signs in on the server's own Korean
 * sign-in page, drawn here, and the session is kept sealed on this machine (session-keeper.ts).
 */
export function joinNewsroom(options: { dataDir: string; origin: string; trust?: TrustOptions; secrets: SecretStore }): Workstation {
  const link = new NewsroomLink(options.origin, options.trust);
  const keeper = new SessionKeeper(options.dataDir, link.origin, options.secrets);
  const events = new EventBus();
  const host = new URL(link.origin).host;
  const relay = relayServerEvents(
    link,
    () => keeper.current(),
    events,
    () => keeper.forget(),
  );
  if (keeper.current()) relay.start();

  const ended = async () => {
    keeper.forget();
    await relay.stop();
  };

  /**
   * What stands between the kept session and the app: nothing, an ended session (then forgotten), or a
   * refusal such as a changed certificate, which the page says before anything else is sent. A server out
   * of reach is no reason to keep the person out: the app opens and says it cannot reach the server.
   */
  const problemWith = async (token: string): Promise<string | undefined> => {
    try {
      await link.me(token);
      return undefined;
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'STORAGE') return undefined;
      if (err.code !== 'UNAUTHORIZED') return err.message;
      await ended();
      return '로그인이 끝났습니다(오래 쓰지 않았거나 다른 곳에서 로그아웃). 다시 로그인하세요.';
    }
  };

  const signIn = async (req: IncomingMessage, res: ServerResponse) => {
    const read = await readForm(req);
    const body = SignInBody.safeParse(read?.body);
    if (!read || !body.success) return refuse(res, 400, 'VALIDATION', '요청이 올바르지 않습니다.');
    try {
      const session = await link.signIn(body.data.login, body.data.password);
      keeper.keep(session.token);
      relay.start();
      if (read.form) return redirect(res, session.mustChangePassword ? '/password' : '/');
      return sendJson(res, 200, { ok: true, value: { mustChangePassword: session.mustChangePassword } });
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL', '로그인하지 못했습니다. 다시 시도하세요.');
      if (read.form) return signInPage(res, STATUS_OF[e.code], e.message, '', host);
      return sendJson(res, STATUS_OF[e.code], { ok: false, error: e.toApiError() });
    }
  };

  const changePassword = async (req: IncomingMessage, res: ServerResponse, token: string) => {
    const read = await readForm(req);
    const body = PasswordBody.safeParse(read?.body);
    if (!read || !body.success) return refuse(res, 400, 'VALIDATION', '요청이 올바르지 않습니다.');
    try {
      await link.changePassword(token, body.data.current, body.data.next);
      return read.form ? redirect(res, '/') : sendJson(res, 200, { ok: true, value: null });
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL', '비밀번호를 바꾸지 못했습니다.');
      if (read.form) return passwordPage(res, STATUS_OF[e.code], e.message);
      return sendJson(res, STATUS_OF[e.code], { ok: false, error: e.toApiError() });
    }
  };

  const photo = async (pathname: string, req: IncomingMessage, res: ServerResponse, token: string) => {
    const answer = await link.open(pathname, token).catch((err: unknown) => err as AppError);
    if (answer instanceof Error) return refuse(res, 503, 'STORAGE', answer.message);
    const headers: Record<string, string> = { 'Cache-Control': answer.headers.get('cache-control') ?? 'no-store', ...securityHeaders() };
    for (const name of ['content-type', 'content-length']) {
      const value = answer.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(answer.status, headers);
    if (req.method === 'HEAD' || !answer.body) {
      await answer.body?.cancel().catch(() => undefined);
      return void res.end();
    }
    Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return {
    dispatch: withNewsroomHere(
      new NewsroomConnectionService({ file: newsroomFile(options.dataDir), running: link.origin }),
      remoteDispatch(link, () => keeper.current()),
    ),
    events,
    origin: link.origin,
    async route(url, req, res) {
      const path = url.pathname;
      const token = keeper.current();
      if (path === '/auth/sign-in' && req.method === 'POST') return signIn(req, res).then(() => true);
      if (path === '/auth/me' && req.method === 'GET') {
        if (!token) return (refuse(res, 401, 'UNAUTHORIZED', '뉴스룸 서버에 로그인하세요.'), true);
        await link.me(token).then(
          (person) => sendJson(res, 200, { ok: true, value: person }),
          async (err: unknown) => {
            const e = err instanceof AppError ? err : new AppError('INTERNAL', '뉴스룸 서버가 답하지 않습니다.');
            if (e.code === 'UNAUTHORIZED') await ended();
            sendJson(res, STATUS_OF[e.code], { ok: false, error: e.toApiError() });
          },
        );
        return true;
      }
      if (path === '/auth/sign-out' && req.method === 'POST') {
        const read = await readForm(req);
        if (token) await link.signOut(token).catch(() => undefined);
        await ended();
        if (read?.form) redirect(res, '/');
        else sendJson(res, 200, { ok: true, value: null });
        return true;
      }
      if (path.startsWith('/auth/') || path === '/password') {
        if (!token) return (signInPage(res, 401, '', '', host), true);
        if (path === '/password' && req.method === 'GET') return (passwordPage(res), true);
        if (path === '/auth/password' && req.method === 'POST') return changePassword(req, res, token).then(() => true);
        return (refuse(res, 404, 'NOT_FOUND', '없는 주소입니다.'), true);
      }
      if (path.startsWith('/api/') || path === EVENTS_ROUTE) {
        // The API answers for itself (UNAUTHORIZED without a session); the event stream is this machine's bus.
        return false;
      }
      if (path.startsWith('/media/')) {
        if (!token) return (refuse(res, 401, 'UNAUTHORIZED', '뉴스룸 서버에 로그인하세요.'), true);
        return photo(path, req, res, token).then(() => true);
      }
      // A page: the app once signed in, else the sign-in page (a session ended on the server is found out here).
      if (req.method !== 'GET' || !(path === '/' || path.endsWith('.html'))) return false;
      const problem = token ? await problemWith(token) : '';
      if (problem === undefined) return false;
      signInPage(res, 200, problem, '', host);
      return true;
    },
    async close() {
      await relay.stop();
      await link.close();
    },
  };
}
