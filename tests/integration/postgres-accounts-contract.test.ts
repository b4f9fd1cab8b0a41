import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, PasswordReset } from '../../shared/contract-accounts';
import { startTestBackend } from './support/backend';
import { bearer, call as callAs, get, ok, post, postForm, signIn, startNewsroom, type Newsroom } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * 사용자 관리 through the contract on the real newsroom server over TLS: a 관리자 adds, lists, changes,
 * disables and resets people with /api/accounts.*, as the 사용자 관리 screen does. The clock is the test's,
 * so a reset link's expiry is a step of the clock, not a wait.
 */

let shift = 0;
const now = () => new Date(Date.now() + shift);

let room: Newsroom;
/** Every call comes as the 사용자 관리 screen sends it: from the server's own origin. */
const from = (token?: string) => ({ origin: room.origin, ...(token ? bearer(token) : {}) });
const call = <T>(token: string, method: string, input: unknown) => ok<T>(room, method, input, from(token));

async function refused(token: string, method: string, input: unknown): Promise<{ status: number; code: string; message: string }> {
  const r = await callAs(room, method, input, from(token));
  expect(r.body.ok, `${method} should be refused`).toBe(false);
  return { status: r.status, code: r.body.error!.code, message: r.body.error!.message };
}

/** A person added by the 관리자 who has changed the temporary password and holds a session. */
async function person(admin: string, login: string, extra: object = {}): Promise<{ account: Account; token: string; password: string }> {
  const made = await call<{ account: Account; temporaryPassword: string }>(admin, 'accounts.create', {
    login,
    name: `${login} 기자`,
    role: 'reporter',
    ...extra,
  });
  const first = await signIn(room, login, made.temporaryPassword);
  const password = `${login}의 새 비밀번호`;
  expect((await post(room, '/auth/password', { current: made.temporaryPassword, next: password }, from(first))).body.ok).toBe(true);
  return { account: made.account, token: await signIn(room, login, password), password };
}

const auditCount = async () => Number((await room.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n);

describe.skipIf(!PG_URL)(`사용자 관리 through the contract on the newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  let chief: string;

  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    // As electron/server/cli.ts starts it, with the test's clock and cheap hashes.
    room = await startNewsroom(makeTempDir('byline-accounts-contract-'), schema, { tls: true, now, accounts: true });
    const link = (await room.server.accounts.makeSetupLink())!;
    expect((await post(room, '/auth/setup', { token: link.token, login: 'chief', name: '최국장', password: '편집국장의 비밀번호' }, from())).body.ok).toBe(
      true,
    );
    chief = await signIn(room, 'chief', '편집국장의 비밀번호');
  }, 60_000);

  afterAll(async () => {
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('a 관리자 adds a 데스크, lists and changes them; no password or hash ever comes back, and each action is an audit row', async () => {
    const made = await call<{ account: Account; temporaryPassword: string }>(chief, 'accounts.create', {
      login: 'Park.Desk',
      name: '박데스크',
      title: '부장',
      email: 'park@example.com',
      role: 'desk',
      sections: ['IT/과학'],
    });
    expect(made.account).toMatchObject({ login: 'park.desk', role: 'desk', sections: ['IT/과학'], admin: false, disabled: false, mustChangePassword: true });
    expect(made.temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const list = await call<Account[]>(chief, 'accounts.list', {});
    expect(list.map((a) => a.login).sort()).toEqual(['chief', 'park.desk']);
    expect(list.find((a) => a.login === 'chief')!.lastSignInAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
    expect(Object.keys(list[0]!).sort()).toEqual([
      'admin',
      'disabled',
      'email',
      'id',
      'lastSignInAt',
      'login',
      'mustChangePassword',
      'name',
      'role',
      'sections',
      'title',
    ]);

    const first = await signIn(room, 'park.desk', made.temporaryPassword);
    expect((await refused(first, 'articles.list', {})).message).toMatch(/임시 비밀번호를 먼저 바꾸세요/);

    const changed = await call<Account>(chief, 'accounts.update', { id: made.account.id, role: 'chief', sections: ['IT/과학', '경제'], title: '국장 대행' });
    expect(changed).toMatchObject({ role: 'chief', sections: ['IT/과학', '경제'], title: '국장 대행', name: '박데스크', email: 'park@example.com' });
    const rows = await room.backend.db.all<{ action: string; actor_id: string; subject: string }>(
      "SELECT action, actor_id, subject FROM audit_log WHERE action IN ('account_created', 'account_updated') ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual(['account_created', 'account_updated']);
    expect(new Set(rows.map((r) => r.actor_id)).size).toBe(1);
    expect(JSON.stringify(await room.backend.db.all('SELECT * FROM audit_log'))).not.toContain(made.temporaryPassword);
  });

  it('disabling ends their live session at once; enabling lets them sign in again', async () => {
    const kim = await person(chief, 'kim.dis');
    expect((await post(room, '/api/articles.list', {}, from(kim.token))).status).toBe(200);
    const off = await call<Account>(chief, 'accounts.setDisabled', { id: kim.account.id, disabled: true });
    expect(off.disabled).toBe(true);
    const after = await post(room, '/api/articles.list', {}, from(kim.token));
    expect([after.status, after.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(after.body.error?.message).toMatch(/사용이 중지된 계정/);
    expect((await post(room, '/auth/sign-in', { login: 'kim.dis', password: kim.password, client: 'workstation' }, from())).body.ok).toBe(false);
    expect(
      Number((await room.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE profile_id = ? AND revoked_at IS NULL', [kim.account.id]))!.n),
    ).toBe(0);

    expect((await call<Account>(chief, 'accounts.setDisabled', { id: kim.account.id, disabled: false })).disabled).toBe(false);
    await signIn(room, 'kim.dis', kim.password);
    const audit = await room.backend.db.all<{ action: string }>("SELECT action FROM audit_log WHERE subject = ? AND action LIKE 'account_%abled'", [
      kim.account.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['account_disabled', 'account_enabled']);
  });

  it('a temporary reset ends their sessions, refuses the old password and must be changed at first sign-in', async () => {
    const lee = await person(chief, 'lee.tmp');
    const reset = await call<PasswordReset>(chief, 'accounts.resetPassword', { id: lee.account.id, mode: 'temporary' });
    if (reset.mode !== 'temporary') throw new Error('expected a temporary password');
    expect((await post(room, '/api/articles.list', {}, from(lee.token))).status).toBe(401);
    expect((await post(room, '/auth/sign-in', { login: 'lee.tmp', password: lee.password, client: 'workstation' }, from())).body.ok).toBe(false);
    const t = await signIn(room, 'lee.tmp', reset.temporaryPassword);
    expect((await refused(t, 'articles.list', {})).message).toMatch(/임시 비밀번호를 먼저 바꾸세요/);
  });

  it('a reset link works once, from its own page, replaces an earlier link, and expires', async () => {
    const choi = await person(chief, 'choi.link');
    const earlier = await call<PasswordReset>(chief, 'accounts.resetPassword', { id: choi.account.id, mode: 'link' });
    const link = await call<PasswordReset>(chief, 'accounts.resetPassword', { id: choi.account.id, mode: 'link' });
    if (link.mode !== 'link' || earlier.mode !== 'link') throw new Error('expected links');
    const token = new URLSearchParams(link.path.split('?')[1]).get('token')!;
    const earlierToken = new URLSearchParams(earlier.path.split('?')[1]).get('token')!;

    const page = await get(room, link.path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/auth/reset">');

    const short = await post(room, '/auth/reset', { token, password: '짧다' }, from());
    expect([short.body.ok, short.body.error?.code]).toEqual([false, 'VALIDATION']);
    expect((await post(room, '/auth/reset', { token: earlierToken, password: '옛 링크로 정한 비밀번호' }, from())).body.error?.message).toMatch(/이미 사용/);

    const done = await postForm(room, '/auth/reset', { token, password: '링크로 정한 새 비밀번호' }, from());
    expect(done.status).toBe(200);
    expect(done.text).toContain('새 비밀번호를 정했습니다');
    expect((await post(room, '/api/articles.list', {}, from(choi.token))).status).toBe(401);
    const replay = await post(room, '/auth/reset', { token, password: '다시 쓰려는 비밀번호' }, from());
    expect([replay.status, replay.body.error?.message]).toEqual([401, expect.stringMatching(/이미 사용/)]);
    const fresh = await signIn(room, 'choi.link', '링크로 정한 새 비밀번호');
    expect((await post(room, '/api/articles.list', {}, from(fresh))).status).toBe(200);

    const late = await call<PasswordReset>(chief, 'accounts.resetPassword', { id: choi.account.id, mode: 'link' });
    if (late.mode !== 'link') throw new Error('expected a link');
    shift = 25 * 3_600_000;
    try {
      const expired = await post(
        room,
        '/auth/reset',
        { token: new URLSearchParams(late.path.split('?')[1]).get('token')!, password: '늦게 정한 새 비밀번호' },
        from(),
      );
      expect(expired.body.error?.message).toMatch(/만료/);
    } finally {
      shift = 0;
    }
    await signIn(room, 'choi.link', '링크로 정한 새 비밀번호');
  });

  it('will not leave the newsroom without a 관리자, and says so in Korean; nothing changes', async () => {
    const me = (await call<Account[]>(chief, 'accounts.list', {})).find((a) => a.login === 'chief')!;
    // park.desk was made 편집국장 above: demote them first, so chief is the last one who may administer.
    const park = (await call<Account[]>(chief, 'accounts.list', {})).find((a) => a.login === 'park.desk')!;
    await call(chief, 'accounts.update', { id: park.id, role: 'desk', sections: ['IT/과학'] });
    const before = await auditCount();

    const demote = await refused(chief, 'accounts.update', { id: me.id, role: 'reporter', admin: false });
    expect([demote.status, demote.code]).toEqual([400, 'VALIDATION']);
    expect(demote.message).toMatch(/한 명도 남지 않습니다/);
    expect((await refused(chief, 'accounts.setDisabled', { id: me.id, disabled: true })).message).toMatch(/자기 계정은 사용 중지할 수 없습니다/);
    expect((await call<Account[]>(chief, 'accounts.list', {})).find((a) => a.login === 'chief')).toMatchObject({ role: 'chief', admin: true, disabled: false });
    expect(await auditCount()).toBe(before);

    // With another 관리자, the 편집국장 may step down to 데스크 and keep 관리자 — or lose both.
    await call(chief, 'accounts.update', { id: park.id, admin: true });
    expect(await call<Account>(chief, 'accounts.update', { id: me.id, role: 'desk', sections: ['경제'] })).toMatchObject({ role: 'desk', admin: true });
  });

  it('a duplicate login is a CONFLICT in Korean, whatever its case', async () => {
    const dup = await refused(chief, 'accounts.create', { login: 'KIM.DIS', name: '다른 김기자', role: 'reporter' });
    expect([dup.status, dup.code]).toEqual([409, 'CONFLICT']);
    expect(dup.message).toMatch(/‘kim\.dis’ 아이디는 이미 있습니다/);
  });

  it('a person without 관리자 is refused every accounts method with FORBIDDEN', async () => {
    const reporter = await person(chief, 'jung.rep');
    const desk = await person(chief, 'han.desk', { role: 'desk', sections: ['경제'] });
    for (const token of [reporter.token, desk.token]) {
      for (const [method, input] of [
        ['accounts.list', {}],
        ['accounts.create', { login: 'sneaky', name: '몰래', role: 'chief', admin: true }],
        ['accounts.update', { id: reporter.account.id, admin: true }],
        ['accounts.setDisabled', { id: desk.account.id, disabled: true }],
        ['accounts.resetPassword', { id: desk.account.id, mode: 'temporary' }],
      ] as const) {
        const r = await refused(token, method, input);
        expect([method, r.status, r.code]).toEqual([method, 403, 'FORBIDDEN']);
      }
    }
    expect(await room.backend.db.get("SELECT 1 AS one FROM profiles WHERE login = 'sneaky'")).toBeUndefined();
  });

  it('hostile input is VALIDATION in Korean and changes nothing', async () => {
    const list = await call<Account[]>(chief, 'accounts.list', {});
    const target = list.find((a) => a.login === 'jung.rep')!;
    const before = await auditCount();
    for (const [method, input] of [
      ['accounts.create', { login: 'kim reporter', name: '김기자', role: 'reporter' }],
      ['accounts.create', { login: '김기자', name: '김기자', role: 'reporter' }],
      ['accounts.create', { login: '-dash', name: '김기자', role: 'reporter' }],
      ['accounts.create', { login: 'long.name', name: '가'.repeat(51), role: 'reporter' }],
      ['accounts.create', { login: 'intern', name: '인턴', role: 'intern' }],
      ['accounts.create', { login: 'extra', name: '김기자', role: 'reporter', password: '내가 고른 비밀번호' }],
      ['accounts.create', { login: 'desk.none', name: '섹션 없는 데스크', role: 'desk', sections: [] }],
      ['accounts.update', { id: target.id, login: 'root' }],
      ['accounts.update', { id: target.id, title: '가'.repeat(31) }],
      ['accounts.update', { id: target.id, email: '메일 아님' }],
      ['accounts.update', { id: target.id, role: 'desk' }],
      ['accounts.setDisabled', { id: target.id, disabled: 'yes' }],
      ['accounts.resetPassword', { id: target.id, mode: 'email' }],
    ] as const) {
      const r = await refused(chief, method, input);
      expect([method, r.code], JSON.stringify(input)).toEqual([method, 'VALIDATION']);
      expect(r.message).toMatch(/[가-힣]/);
    }
    expect(await call<Account[]>(chief, 'accounts.list', {})).toEqual(list);
    expect(await auditCount()).toBe(before);
  });

  it('the 관리자 pages are styled by one hashed style sheet, with no script', async () => {
    const res = await get(room, '/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/style-src 'sha256-[\w+/]+=*'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const html = await res.text();
    expect(html).toContain('<style>');
    expect(html).not.toContain('<script');
  });
});

describe('accounts without the newsroom server', () => {
  afterAll(async () => {
    await cleanUpPg();
    removeTempDirs();
  });

  it('a single workstation has no accounts and answers each method with NOT_FOUND in Korean', async () => {
    const { backend: solo } = await startTestBackend(makeTempDir('byline-accounts-solo-'), { engine: 'sqlite' });
    try {
      const r = await solo.dispatch('accounts.list', {}, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/뉴스룸 서버/) } });
      const c = await solo.dispatch('accounts.create', { login: 'kim', name: '김기자', role: 'reporter' }, {});
      expect(c).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await solo.close();
    }
  });

  it.skipIf(!PG_URL)('a workstation opening the shared PostgreSQL itself (no sign-in) has no accounts either', async () => {
    const schema = schemaName();
    await openTestPg(schema);
    const { backend: direct } = await startTestBackend(makeTempDir('byline-accounts-direct-'), { engine: 'postgres', url: PG_URL!, schema });
    try {
      expect(await direct.dispatch('accounts.list', {}, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await direct.close();
    }
  });
});
