import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenProblem } from '../../electron/server/newsroom-server';
import type { SessionActor } from '../../electron/server/sessions';
import { bearer, get, post, setUpChief, signIn, startNewsroom, type Newsroom } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

let room: Newsroom;

describe.skipIf(!PG_URL)(`the newsroom server over TLS (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let chief: SessionActor;

  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    room = await startNewsroom(makeTempDir('byline-newsroom-server-'), schema, { tls: true });
    chief = (await setUpChief(room)).actor;
  }, 60_000);

  afterAll(async () => {
    await room?.close();
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
    const page = await get(room, '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/auth/sign-in">');
    const r = await post(room, '/auth/sign-in', { login: 'chief', password: '편집국장의 비밀번호' });
    expect(r.cookie).toMatch(/^byline_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=604800$/);
  });

  it('the actor comes from the session: a 기자 files as themself, may not publish or manage targets, and may not name an actor', async () => {
    const { temporaryPassword } = await room.server.accounts.create(chief, {
      login: 'kim',
      name: '김기자',
      title: '기자',
      email: '',
      role: 'reporter',
      sections: [],
      admin: false,
    });
    const kim = await signIn(room, 'kim', temporaryPassword);
    const first = await post(room, '/api/articles.create', { headline: '첫 기사' }, bearer(kim));
    expect(first.body.error?.message).toMatch(/임시 비밀번호를 먼저 바꾸세요/);
    expect((await post(room, '/auth/password', { current: temporaryPassword, next: '김기자의 새 비밀번호' }, bearer(kim))).body.ok).toBe(true);

    const created = await post(room, '/api/articles.create', { headline: '세션으로 쓴 기사' }, bearer(kim));
    expect(created.status).toBe(200);
    const id = (created.body.value as { id: string }).id;
    const status = await post(room, '/api/workflow.status', { id }, bearer(kim));
    expect((status.body.value as { owner: { name: string } }).owner.name).toBe('김기자');
    expect((status.body.value as { editable: boolean }).editable).toBe(true);

    const forged = await post(room, '/api/articles.create', { headline: '남의 이름으로', actorId: chief.id }, bearer(kim));
    expect([forged.status, forged.body.error?.code]).toEqual([400, 'VALIDATION']);
    expect(forged.body.error?.message).toMatch(/actorId를 넣을 수 없습니다/);
    const named = await post(room, '/api/articles.create', { headline: '남의 이름으로' }, { ...bearer(kim), 'X-Byline-Actor': chief.id });
    expect([named.status, named.body.error?.code]).toEqual([400, 'VALIDATION']);
    expect(named.body.error?.message).toMatch(/X-Byline-Actor를 넣을 수 없습니다/);
    for (const method of ['publish.saveTarget', 'publish.run', 'storage.save', 'backup.restore', 'profiles.create']) {
      const r = await post(room, `/api/${method}`, {}, bearer(kim));
      expect([method, r.status, r.body.error?.code]).toEqual([method, 403, 'FORBIDDEN']);
      expect(r.body.error?.message).toContain('김기자 님(기자)은 이 작업');
    }
    const list = await post(room, '/api/articles.list', {}, bearer(kim));
    expect(list.status).toBe(200);
  });

  it('refuses a forged or revoked session, and a cross-origin POST, changing nothing', async () => {
    const before = await room.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM articles');
    for (const headers of [{}, bearer('A'.repeat(43)), { cookie: 'byline_session=forged' }] as Array<Record<string, string>>) {
      const r = await post(room, '/api/articles.create', { headline: '몰래' }, headers);
      expect([r.status, r.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
      expect(r.body.error?.message).toBe('로그인이 필요합니다.');
    }
    const token = await signIn(room, 'chief', '편집국장의 비밀번호');
    const cross = await post(room, '/api/articles.create', { headline: '다른 사이트에서' }, { ...bearer(token), origin: 'https://evil.example' });
    expect([cross.status, cross.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    await post(room, '/auth/sign-out', {}, bearer(token));
    const after = await post(room, '/api/articles.create', { headline: '로그아웃 뒤' }, bearer(token));
    expect(after.body.error?.message).toMatch(/로그아웃되었습니다/);
    expect(await room.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM articles')).toEqual(before);
  });
});
