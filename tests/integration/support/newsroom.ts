import { expect } from 'vitest';
import { Agent, fetch, type Dispatcher } from 'undici';
import { startBackend, type Backend } from '../../../electron/host/bootstrap';
import { AccountAdmin } from '../../../electron/server/account-admin';
import { Accounts, type AccountInput } from '../../../electron/server/accounts';
import { startNewsroomServer, type NewsroomServer } from '../../../electron/server/newsroom-server';
import { newsroomSettings } from '../../../electron/server/newsroom-settings';
import { SessionStore, type SessionActor } from '../../../electron/server/sessions';
import { binaryFieldOf, isMethod } from '../../../shared/contract';
import { EVENTS_ROUTE } from '../../../shared/contract-events';
import { selfSignedCertificate } from './certificate';
import { PG_URL } from './pg';

/*
 * The newsroom server as the PostgreSQL tests drive it: started as `npm run server` starts it (its own
 * backend, pool and LISTEN connection on the given schema), on loopback (over TLS when asked), and called
 * over real HTTP(S) as a workstation (bearer token) or a browser (cookie) would.
 */

/** Cheap hashes: these tests are about who may do what, not about scrypt's cost. */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** Where a call goes: an origin, or a newsroom over TLS with the client that trusts its certificate. */
export type Target = string | { origin: string; dispatcher?: Dispatcher };
const at = (to: Target) => (typeof to === 'string' ? { origin: to, dispatcher: undefined } : to);

export interface Newsroom {
  backend: Backend;
  server: NewsroomServer;
  origin: string;
  /** Trusts the test's self-signed certificate when the server runs over TLS. */
  dispatcher?: Dispatcher;
  close(): Promise<void>;
}

export interface NewsroomOptions {
  /** Over TLS with a self-signed certificate for 127.0.0.1, as a newsroom installs it. */
  tls?: boolean;
  /** The clock of sessions, sign-in and reset links (and of 사용자 관리's, with `accounts`). */
  now?: () => Date;
  /** 사용자 관리 through the contract (accounts.*), built as electron/server/cli.ts builds it. */
  accounts?: boolean;
  /** Another way to the test PostgreSQL (a cable the test can pull, tests/integration/support/tcp-cut.ts). */
  url?: string;
  /** Hears what the start says (where the newsroom's 환경설정 came from). */
  log?: (message: string) => void;
}

/**
 * One server process's worth: a backend on `dataDir` and `schema` with 환경설정 in the database, as
 * electron/server/cli.ts starts it, and the server in front of it.
 */
export async function startNewsroom(dataDir: string, schema: string, options: NewsroomOptions = {}): Promise<Newsroom> {
  const { now } = options;
  const admin = options.accounts
    ? { accounts: (db: Backend['db']) => new AccountAdmin(db, new Accounts({ db, sessions: new SessionStore(db, now), now, cost: TEST_COST })) }
    : {};
  const backend = await startBackend({
    dataDir,
    settingsStore: newsroomSettings(dataDir, options.log ?? (() => undefined)),
    storage: { engine: 'postgres', url: options.url ?? PG_URL!, schema },
    host: 'newsroom-server',
    ...admin,
  });
  const tls = options.tls ? selfSignedCertificate(dataDir) : undefined;
  const dispatcher = tls ? new Agent({ connect: { ca: tls.cert } }) : undefined;
  const server = await startNewsroomServer({
    dispatch: backend.dispatch,
    db: backend.db,
    staticDir: dataDir,
    mediaDir: backend.mediaDir,
    materialise: backend.materialise,
    events: backend.events,
    host: '127.0.0.1',
    port: 0,
    tls,
    cost: TEST_COST,
    now,
  });
  return {
    backend,
    server,
    origin: server.url,
    dispatcher,
    close: async () => {
      await server.close();
      await dispatcher?.close();
      await backend.close();
    },
  };
}

export interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  cookie: string | null;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
export const cookie = (token: string): Record<string, string> => ({ cookie: `byline_session=${token}` });

export async function post(to: Target, pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const { origin, dispatcher } = at(to);
  const res = await fetch(`${origin}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    dispatcher,
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], cookie: res.headers.get('set-cookie') };
}

/** A plain HTML form's POST, as the server's own pages send it; the answer is a page. */
export async function postForm(to: Target, pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { origin, dispatcher } = at(to);
  const res = await fetch(`${origin}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    dispatcher,
  });
  return { status: res.status, text: await res.text() };
}

/** A GET as a browser makes it, for the server's pages. */
export const get = (to: Target, pathname: string) => fetch(`${at(to).origin}${pathname}`, { dispatcher: at(to).dispatcher });

/** A contract call as the web client makes it: JSON, or a file as the body with the other fields in X-Byline-Input. */
export async function call(to: Target, method: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const field = isMethod(method) ? binaryFieldOf(method) : undefined;
  const bytes = field ? (input as Record<string, unknown>)[field] : undefined;
  if (!(bytes instanceof Uint8Array)) return post(to, `/api/${method}`, input, headers);
  const { origin, dispatcher } = at(to);
  const { [field!]: _file, ...rest } = input as Record<string, unknown>;
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-byline-input': encodeURIComponent(JSON.stringify(rest)), ...headers },
    body: bytes,
    dispatcher,
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], cookie: res.headers.get('set-cookie') };
}

/** The value of a call that must succeed; the refusal is the failure message otherwise. */
export async function ok<T>(to: Target, method: string, input: unknown, headers: Record<string, string>): Promise<T> {
  const r = await call(to, method, input, headers);
  expect(r.body, `${method}: ${JSON.stringify(r.body.error)}`).toMatchObject({ ok: true });
  return r.body.value as T;
}

/** A session token: a workstation's from the answer, a browser's from its Set-Cookie. */
export async function signIn(to: Target, login: string, password: string, client: 'workstation' | 'browser' = 'workstation'): Promise<string> {
  const r = await post(to, '/auth/sign-in', { login, password, client });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ ok: true });
  if (client === 'workstation') return (r.body.value as { token: string }).token;
  return /^byline_session=([^;]+);/.exec(r.cookie ?? '')![1]!;
}

export async function whoAmI(to: Target, headers: Record<string, string>): Promise<Answer> {
  const { origin, dispatcher } = at(to);
  const res = await fetch(`${origin}/auth/me`, { headers, dispatcher });
  return { status: res.status, body: (await res.json()) as Answer['body'], cookie: null };
}

export interface Person {
  actor: SessionActor;
  token: string;
  password: string;
}

/** The first 편집국장 (with 관리자), through the one-time setup link as a new newsroom makes them. */
export async function setUpChief(room: Newsroom): Promise<Person> {
  const link = (await room.server.accounts.makeSetupLink())!;
  const password = '편집국장의 비밀번호';
  expect((await post(room, '/auth/setup', { token: link.token, login: 'chief', name: '최국장', password })).body.ok).toBe(true);
  const token = await signIn(room, 'chief', password);
  return { actor: (await whoAmI(room, bearer(token))).body.value as SessionActor, token, password };
}

/** An account a 관리자 adds, signed in once and past its temporary password, as on a first morning. */
export async function addPerson(
  room: Newsroom,
  admin: SessionActor,
  input: Pick<AccountInput, 'login' | 'name' | 'role'> & Partial<AccountInput>,
): Promise<Person> {
  const { temporaryPassword } = await room.server.accounts.create(admin, { title: '', email: '', sections: [], admin: false, ...input });
  const token = await signIn(room, input.login, temporaryPassword);
  const password = `${input.login}의 새 비밀번호`;
  expect((await post(room, '/auth/password', { current: temporaryPassword, next: password }, bearer(token))).body.ok).toBe(true);
  return { actor: (await whoAmI(room, bearer(token))).body.value as SessionActor, token, password };
}

export interface ServerEvent {
  name: string;
  data: unknown;
}

/** GET /events held open as a desk window holds it: every event heard, and a wait for the one a test expects. */
export async function openEvents(to: Target, headers: Record<string, string>) {
  const abort = new AbortController();
  const { origin, dispatcher } = at(to);
  const res = await fetch(`${origin}${EVENTS_ROUTE}`, { headers, signal: abort.signal, dispatcher });
  expect(res.status).toBe(200);
  const heard: ServerEvent[] = [];
  const waiting = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of res.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (name && data) heard.push({ name, data: JSON.parse(data) as unknown });
        }
        for (const w of waiting) w();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    heard,
    /** The first event `pick` accepts; fails after `ms` (a budget for a loaded machine, not a measurement). */
    next(pick: (e: ServerEvent) => boolean, ms = 10_000): Promise<ServerEvent> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = heard.find(pick);
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no such event within ${ms} ms; heard ${JSON.stringify(heard)}`));
        }, ms);
        waiting.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
