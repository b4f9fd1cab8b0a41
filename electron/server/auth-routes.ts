import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { readBody, refuse, sendJson, STATUS_OF } from '../web/http-io';
import type { Accounts } from './accounts';
import type { Gate } from './gate';
import { passwordPage, resetPage, setupPage, signInPage } from './pages';
import type { SessionActor, SessionLifetimes, SessionStore } from './sessions';
import type { SignIn } from './sign-in';

export interface AuthDeps {
  gate: Gate;
  signIn: SignIn;
  sessions: SessionStore;
  accounts: Accounts;
  lifetimes: SessionLifetimes;
}

const SignInBody = z.strictObject({
  login: z.string().max(64),
  password: z.string().max(1_024),
  client: z.enum(['browser', 'workstation']).default('browser'),
});
const SetupBody = z.strictObject({ token: z.string().max(64), login: z.string().max(64), name: z.string().max(50), password: z.string().max(1_024) });
const PasswordBody = z.strictObject({ current: z.string().max(1_024), next: z.string().max(1_024) });
const ResetBody = z.strictObject({ token: z.string().max(64), password: z.string().max(1_024) });

/** A form post (the pages) or JSON (the app, workstations); which one decides how the answer looks. */
export async function readForm(req: IncomingMessage): Promise<{ form: boolean; body: unknown } | undefined> {
  const raw = await readBody(req, 16 * 1024);
  if (raw === 'too-large') return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return { form: true, body: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  try {
    return { form: false, body: raw.length ? JSON.parse(raw.toString('utf8')) : {} };
  } catch {
    return { form: false, body: undefined };
  }
}

function fail(res: ServerResponse, err: unknown): void {
  if (err instanceof AppError) return sendJson(res, STATUS_OF[err.code], { ok: false, error: err.toApiError() });
  console.error('[byline server] auth failed', err);
  refuse(res, 500, 'INTERNAL', '내부 오류가 발생했습니다.');
}

const invalid = () => new AppError('VALIDATION', '요청이 올바르지 않습니다.');

/** /auth/*: sign in and out, the first account's setup, one's own password, a reset link's new password, who am I. */
export async function handleAuth(deps: AuthDeps, path: string, req: IncomingMessage, res: ServerResponse, actor: () => Promise<SessionActor>): Promise<void> {
  if (req.method === 'GET' && path === '/auth/me') {
    return actor().then(
      (a) => sendJson(res, 200, { ok: true, value: a }),
      (err: unknown) => fail(res, err),
    );
  }
  if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', '허용되지 않은 메서드입니다.');
  const read = await readForm(req);
  if (!read) return refuse(res, 413, 'VALIDATION', '요청이 너무 큽니다.');
  const address = deps.gate.clientAddress(req);
  try {
    switch (path) {
      case '/auth/sign-in': {
        const body = SignInBody.safeParse(read.body);
        if (!body.success) throw invalid();
        const userAgent = String(req.headers['user-agent'] ?? '');
        const done = await deps.signIn.signIn({ ...body.data, address, userAgent }).catch((err: unknown) => {
          if (read.form && err instanceof AppError) return signInPage(res, STATUS_OF[err.code], err.message);
          throw err;
        });
        if (!done) return;
        if (body.data.client === 'workstation')
          return sendJson(res, 200, { ok: true, value: { token: done.token, mustChangePassword: done.mustChangePassword } });
        const cookie = deps.gate.sessionCookie(done.token, Math.floor(deps.lifetimes.absoluteMs / 1_000));
        if (read.form) {
          // A temporary password is changed before anything else: the app would refuse every call until then.
          res.writeHead(303, { Location: done.mustChangePassword ? '/password' : '/', 'Set-Cookie': cookie, 'Cache-Control': 'no-store' });
          return void res.end();
        }
        res.setHeader('Set-Cookie', cookie);
        return sendJson(res, 200, { ok: true, value: { mustChangePassword: done.mustChangePassword } });
      }
      case '/auth/sign-out': {
        const token = deps.gate.presentedToken(req);
        if (token) await deps.sessions.revoke(token);
        res.setHeader('Set-Cookie', deps.gate.clearedCookie());
        if (read.form) {
          res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
          return void res.end();
        }
        return sendJson(res, 200, { ok: true, value: null });
      }
      case '/auth/sign-out-everywhere': {
        const me = await actor();
        const ended = await deps.accounts.signOutEverywhere(me, address);
        res.setHeader('Set-Cookie', deps.gate.clearedCookie());
        return sendJson(res, 200, { ok: true, value: { ended } });
      }
      case '/auth/password': {
        const body = PasswordBody.safeParse(read.body);
        if (!body.success) throw invalid();
        const changed = await deps.accounts.changePassword(await actor(), body.data.current, body.data.next).then(
          () => true,
          (err: unknown) => {
            if (read.form && err instanceof AppError) return void passwordPage(res, STATUS_OF[err.code], err.message);
            throw err;
          },
        );
        if (!changed) return;
        if (read.form) {
          res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
          return void res.end();
        }
        return sendJson(res, 200, { ok: true, value: null });
      }
      case '/auth/reset': {
        const body = ResetBody.safeParse(read.body);
        if (!body.success) throw invalid();
        await deps.accounts.completeReset(body.data.token, body.data.password, address).catch((err: unknown) => {
          if (read.form && err instanceof AppError) return void resetPage(res, body.data.token, STATUS_OF[err.code], err.message);
          throw err;
        });
        if (res.headersSent) return;
        if (read.form) return signInPage(res, 200, '', '새 비밀번호를 정했습니다. 그 비밀번호로 로그인하세요.');
        return sendJson(res, 200, { ok: true, value: null });
      }
      case '/auth/setup': {
        const body = SetupBody.safeParse(read.body);
        if (!body.success) throw invalid();
        await deps.accounts.completeSetup(body.data.token, body.data, address).catch((err: unknown) => {
          if (read.form && err instanceof AppError) return void setupPage(res, body.data.token, STATUS_OF[err.code], err.message);
          throw err;
        });
        if (res.headersSent) return;
        if (read.form) {
          res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
          return void res.end();
        }
        return sendJson(res, 200, { ok: true, value: null });
      }
      default:
        return refuse(res, 404, 'NOT_FOUND', '없는 주소입니다.');
    }
  } catch (err) {
    fail(res, err);
  }
}
