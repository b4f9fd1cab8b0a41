import http from 'node:http';
import type net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startNewsroomServer, type NewsroomServer } from '../../electron/server/newsroom-server';
import { MAX_EVENT_STREAMS } from '../../electron/web/event-stream';
import { EVENTS_ROUTE } from '../../shared/contract-events';
import type { SessionActor } from '../../electron/server/sessions';
import { startTestBackend } from './support/backend';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

const COST = { N: 2 ** 10, r: 8, p: 1 };

let backend: Backend;
let server: NewsroomServer;
const open: http.ClientRequest[] = [];

function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value: T; error?: { message: string } };
        if (answer.ok) resolve(answer.value);
        else reject(new Error(answer.error?.message));
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Opens one event stream as a workstation does; resolves with the status the server answered. */
function openStream(token: string): Promise<{ status: number; req: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: server.port, path: EVENTS_ROUTE, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, agent: false },
      (res) => {
        if (res.statusCode !== 200) res.resume();
        resolve({ status: res.statusCode ?? 0, req });
      },
    );
    req.on('error', reject);
    open.push(req);
  });
}

/** GET /auth/me on `agent`; resolves with the socket it went over. */
function whoAmI(agent: http.Agent, token: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/auth/me', headers: { authorization: `Bearer ${token}` }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.socket!));
    });
    req.on('error', reject);
  });
}

const signIn = async (login: string, password: string) => (await post<{ token: string }>('/auth/sign-in', { login, password, client: 'workstation' })).token;

/** Someone the 편집국장 adds (through the server's Accounts, as the 사용자 관리 screen's method does), past their temporary password. */
async function person(chief: string, login: string): Promise<string> {
  const me = (await (await fetch(`http://127.0.0.1:${server.port}/auth/me`, { headers: { authorization: `Bearer ${chief}` } })).json()) as {
    value: SessionActor;
  };
  const { temporaryPassword } = await server.accounts.create(me.value, {
    login,
    name: login,
    role: 'reporter',
    title: '',
    email: '',
    sections: [],
    admin: false,
  });
  const first = await signIn(login, temporaryPassword);
  await post('/auth/password', { current: temporaryPassword, next: `${login}의 새 비밀번호` }, first);
  return signIn(login, `${login}의 새 비밀번호`);
}

describe.skipIf(!PG_URL)(`the newsroom server's connections (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let chief: string;

  beforeAll(async () => {
    const dir = makeTempDir('byline-server-streams-');
    const schema = schemaName();
    await openTestPg(schema);
    ({ backend } = await startTestBackend(dir, { engine: 'postgres', url: PG_URL!, schema }));
    server = await startNewsroomServer({
      dispatch: backend.dispatch,
      db: backend.db,
      staticDir: dir,
      events: backend.events,
      host: '127.0.0.1',
      port: 0,
      cost: COST,
    });
    const link = (await server.accounts.makeSetupLink())!;
    await post('/auth/setup', { token: link.token, login: 'chief', name: '최국장', password: '편집국장의 비밀번호' });
    chief = await signIn('chief', '편집국장의 비밀번호');
  }, 60_000);

  afterAll(async () => {
    for (const req of open) req.destroy();
    await server?.close();
    await backend?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('serves a whole newsroom, not a hundred windows: the limit is per person, and a closed window frees its place', async () => {
    const kim = await person(chief, 'kim');
    const park = await person(chief, 'park');
    const kims = await Promise.all(Array.from({ length: MAX_EVENT_STREAMS }, () => openStream(kim)));
    expect(kims.map((s) => s.status)).toEqual(Array<number>(MAX_EVENT_STREAMS).fill(200));
    // A leak in one person's windows stops at their own limit…
    expect((await openStream(kim)).status).toBe(503);
    // …and everyone else's live queues still open: the server's 101st stream is someone else's first.
    expect((await openStream(park)).status).toBe(200);
    expect((await openStream(chief)).status).toBe(200);

    kims[0]!.req.destroy();
    await expect.poll(async () => (await openStream(kim)).status, { timeout: 5_000 }).toBe(200);
  });

  it('keeps an idle connection past Node’s 5 s: a workstation saving every 5 s sends on the same socket, not into a reset', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await whoAmI(agent, chief);
      await sleep(6_000);
      const second = await whoAmI(agent, chief);
      expect(second).toBe(first);
    } finally {
      agent.destroy();
    }
  });
});
