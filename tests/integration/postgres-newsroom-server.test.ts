import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { startNewsroomServer, listenProblem, type NewsroomServer } from '../../electron/server/newsroom-server';
import type { SessionActor } from '../../electron/server/sessions';
import { startTestBackend } from './support/backend';
import { selfSignedCertificate } from './support/certificate';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

const COST = { N: 2 ** 10, r: 8, p: 1 };

let backend: Backend;
let server: NewsroomServer;
let agent: Agent;
let origin: string;

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  cookie: string | null;
}

async function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${origin}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    dispatcher: agent,
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], cookie: res.headers.get('set-cookie') };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(login: string, password: string): Promise<string> {
  const r = await post('/auth/sign-in', { login, password, client: 'workstation' });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ ok: true });
  return (r.body.value as { token: string }).token;
}

describe.skipIf(!PG_URL)(`the newsroom server over TLS (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let chief: SessionActor;

  beforeAll(async () => {
    const dir = makeTempDir('byline-newsroom-server-');
    const schema = schemaName();
    await openTestPg(schema);
    ({ backend } = await startTestBackend(dir, { engine: 'postgres', url: PG_URL!, schema }));
    const tls = selfSignedCertificate(dir);
    server = await startNewsroomServer({
      dispatch: backend.dispatch,
      db: backend.db,
      staticDir: dir,
      events: backend.events,
      host: '127.0.0.1',
      port: 0,
      tls,
      cost: COST,
    });
    agent = new Agent({ connect: { ca: tls.cert } });
    origin = server.url;
    const link = (await server.accounts.makeSetupLink())!;
    expect((await post('/auth/setup', { token: link.token, login: 'chief', name: '최국장', password: '편집국장의 비밀번호' })).body.ok).toBe(true);
    const me = await fetch(`${origin}/auth/me`, { headers: bearer(await signIn('chief', '편집국장의 비밀번호')), dispatcher: agent });
    chief = ((await me.json()) as { value: SessionActor }).value;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await agent?.close();
    await backend?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('refuses to listen on a network address without TLS or a named proxy, in Korean', () => {
    expect(listenProblem('0.0.0.0', false, undefined)).toMatch(/TLS 없이 열 수 없습니다/);
    expect(listenProblem('0.0.0.0', true, undefined)).toBeUndefined();
    expect(listenProblem('0.0.0.0', false, '10.0.0.2')).toBeUndefined();
    expect(listenProblem('127.0.0.1', false, undefined)).toBeUndefined();
  });

  it('a browser signs in with a Secure, HttpOnly, SameSite=Strict cookie; without one it gets the Korean sign-in page', async () => {
    const page = await fetch(`${origin}/`, { dispatcher: agent });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/auth/sign-in">');
    const r = await post('/auth/sign-in', { login: 'chief', password: '편집국장의 비밀번호' });
    expect(r.cookie).toMatch(/^byline_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=604800$/);
  });

  it('the actor comes from the session: a 기자 files as themself, may not publish or manage targets, and may not name an actor', async () => {
    const { temporaryPassword } = await server.accounts.create(chief, {
      login: 'kim',
      name: '김기자',
      title: '기자',
      email: '',
      role: 'reporter',
      sections: [],
      admin: false,
    });
    const kim = await signIn('kim', temporaryPassword);
    const first = await post('/api/articles.create', { headline: '첫 기사' }, bearer(kim));
    expect(first.body.error?.message).toMatch(/임시 비밀번호를 먼저 바꾸세요/);
    expect((await post('/auth/password', { current: temporaryPassword, next: '김기자의 새 비밀번호' }, bearer(kim))).body.ok).toBe(true);

    const created = await post('/api/articles.create', { headline: '세션으로 쓴 기사' }, bearer(kim));
    expect(created.status).toBe(200);
    const id = (created.body.value as { id: string }).id;
    const status = await post('/api/workflow.status', { id }, bearer(kim));
    expect((status.body.value as { owner: { name: string } }).owner.name).toBe('김기자');
    expect((status.body.value as { editable: boolean }).editable).toBe(true);

    const forged = await post('/api/articles.create', { headline: '남의 이름으로', actorId: chief.id }, bearer(kim));
    expect([forged.status, forged.body.error?.code]).toEqual([400, 'VALIDATION']);
    expect(forged.body.error?.message).toMatch(/actorId를 넣을 수 없습니다/);
    const named = await post('/api/articles.create', { headline: '남의 이름으로' }, { ...bearer(kim), 'X-Byline-Actor': chief.id });
    expect([named.status, named.body.error?.code]).toEqual([400, 'VALIDATION']);
    expect(named.body.error?.message).toMatch(/X-Byline-Actor를 넣을 수 없습니다/);
    for (const method of ['publish.saveTarget', 'publish.run', 'storage.save', 'backup.restore', 'profiles.create']) {
      const r = await post(`/api/${method}`, {}, bearer(kim));
      expect([method, r.status, r.body.error?.code]).toEqual([method, 403, 'FORBIDDEN']);
      expect(r.body.error?.message).toContain('김기자 님(기자)은 이 작업');
    }
    const list = await post('/api/articles.list', {}, bearer(kim));
    expect(list.status).toBe(200);
  });

  it('refuses a forged or revoked session, and a cross-origin POST, changing nothing', async () => {
    const before = await backend.db.get<{ n: number }>('SELECT count(*) AS n FROM articles');
    for (const headers of [{}, bearer('A'.repeat(43)), { cookie: 'byline_session=forged' }] as Array<Record<string, string>>) {
      const r = await post('/api/articles.create', { headline: '몰래' }, headers);
      expect([r.status, r.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
      expect(r.body.error?.message).toBe('로그인이 필요합니다.');
    }
    const token = await signIn('chief', '편집국장의 비밀번호');
    const cross = await post('/api/articles.create', { headline: '다른 사이트에서' }, { ...bearer(token), origin: 'https://evil.example' });
    expect([cross.status, cross.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    await post('/auth/sign-out', {}, bearer(token));
    const after = await post('/api/articles.create', { headline: '로그아웃 뒤' }, bearer(token));
    expect(after.body.error?.message).toMatch(/로그아웃되었습니다/);
    expect(await backend.db.get<{ n: number }>('SELECT count(*) AS n FROM articles')).toEqual(before);
  });
});
