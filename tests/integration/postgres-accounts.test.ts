import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { Accounts, type AccountInput } from '../../electron/server/accounts';
import { SessionStore, type SessionActor } from '../../electron/server/sessions';
import { SignIn } from '../../electron/server/sign-in';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';
import { refusal } from './support/refusal';

const COST = { N: 2 ** 10, r: 8, p: 1 };

let db: PgDatabase;
let clock: number;
const now = () => new Date(clock);
let sessions: SessionStore;
let accounts: Accounts;
let signIn: SignIn;

const enter = async (login: string, password: string) =>
  sessions.resolve((await signIn.signIn({ login, password, address: '10.0.0.7', client: 'browser', userAgent: 't' })).token);

const reporter = (login: string, over: Partial<AccountInput> = {}): AccountInput => ({
  login,
  name: `${login} 기자`,
  title: '기자',
  email: '',
  role: 'reporter',
  sections: [],
  admin: false,
  ...over,
});

/** The first 편집국장, made through the one-time setup link as a new newsroom would. */
async function chief(): Promise<SessionActor> {
  const link = (await accounts.makeSetupLink())!;
  await accounts.completeSetup(link.token, { login: 'chief', name: '최국장', password: '편집국장의 비밀번호' });
  return enter('chief', '편집국장의 비밀번호');
}

describe.skipIf(!PG_URL)(`accounts on the newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeEach(async () => {
    clock = Date.parse('2026-12-07T09:00:00.000Z');
    db = await openTestPg(undefined, { migrated: true });
    sessions = new SessionStore(db, now);
    accounts = new Accounts({ db, sessions, now, cost: COST });
    signIn = new SignIn({ db, sessions, now, cost: COST });
  });
  afterEach(cleanUpPg);

  it('sets up the first 편집국장 with 관리자 through a link that works once, and offers no link after', async () => {
    expect(await accounts.setupNeeded()).toBe(true);
    const link = (await accounts.makeSetupLink())!;
    const id = await accounts.completeSetup(link.token, { login: 'Chief', name: '최국장', password: '편집국장의 비밀번호' });
    const me = await enter('chief', '편집국장의 비밀번호');
    expect(me).toMatchObject({ id, role: 'chief', admin: true, mustChangePassword: false });
    expect((await refusal(accounts.completeSetup(link.token, { login: 'evil', name: '공격자', password: '공격자의 비밀번호' }))).message).toMatch(/이미 사용/);
    expect(await accounts.setupNeeded()).toBe(false);
    expect(await accounts.makeSetupLink()).toBeUndefined();
    expect(await db.get('SELECT 1 AS one FROM profiles WHERE login = ?', ['evil'])).toBeUndefined();
  });

  it('refuses an expired or made-up setup link, in Korean, and creates nobody', async () => {
    const link = (await accounts.makeSetupLink())!;
    clock += 61 * 60_000;
    expect((await refusal(accounts.completeSetup(link.token, { login: 'late', name: '늦은 사람', password: '충분히 긴 비밀번호' }))).message).toMatch(/만료/);
    expect((await refusal(accounts.completeSetup('A'.repeat(43), { login: 'x1', name: '누군가', password: '충분히 긴 비밀번호' }))).message).toMatch(
      /올바르지 않습니다/,
    );
    expect(await db.all('SELECT id FROM profiles')).toEqual([]);
  });

  it('an admin adds a person with a temporary password that must be changed; a 기자 may not add anyone', async () => {
    const boss = await chief();
    const { temporaryPassword } = await accounts.create(boss, reporter('kim'));
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const kim = await enter('kim', temporaryPassword);
    expect(kim.mustChangePassword).toBe(true);
    const refused = await refusal(accounts.create(kim, reporter('lee')));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', '계정 관리는 관리자나 편집국장만 할 수 있습니다.']);
    await accounts.changePassword(kim, temporaryPassword, '김기자의 새 비밀번호');
    expect((await enter('kim', '김기자의 새 비밀번호')).mustChangePassword).toBe(false);
    const audit = (await db.all<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['setup_completed', 'account_created', 'password_changed']));
  });

  it('refuses a duplicate login, a bad login, a desk without sections, and weak or reused passwords, in Korean', async () => {
    const boss = await chief();
    await accounts.create(boss, reporter('kim'));
    expect((await refusal(accounts.create(boss, reporter('KIM')))).code).toBe('CONFLICT');
    expect((await refusal(accounts.create(boss, reporter('김기자')))).message).toMatch(/영문 소문자/);
    expect((await refusal(accounts.create(boss, reporter('park', { role: 'desk' })))).message).toMatch(/섹션/);
    expect((await refusal(accounts.changePassword(boss, '틀린 비밀번호', '새 비밀번호입니다 2026'))).code).toBe('UNAUTHORIZED');
    expect((await refusal(accounts.changePassword(boss, '편집국장의 비밀번호', 'short'))).message).toMatch(/10자 이상/);
    expect((await refusal(accounts.changePassword(boss, '편집국장의 비밀번호', '편집국장의 비밀번호'))).message).toMatch(/다른 비밀번호/);
  });

  it('disabling someone ends their sessions at once; a reset password ends them too and must be changed', async () => {
    const boss = await chief();
    const { profileId, temporaryPassword } = await accounts.create(boss, reporter('kim'));
    const token = (await signIn.signIn({ login: 'kim', password: temporaryPassword, address: '10.0.0.9', client: 'workstation', userAgent: 't' })).token;
    await accounts.setDisabled(boss, profileId, true);
    expect((await refusal(sessions.resolve(token))).message).toMatch(/사용이 중지된 계정/);
    await accounts.setDisabled(boss, profileId, false);
    // Enabling again does not bring the ended session back.
    expect((await refusal(sessions.resolve(token))).code).toBe('UNAUTHORIZED');
    const live = (await signIn.signIn({ login: 'kim', password: temporaryPassword, address: '10.0.0.9', client: 'browser', userAgent: 't' })).token;
    const reset = await accounts.resetPassword(boss, profileId);
    expect((await refusal(sessions.resolve(live))).code).toBe('UNAUTHORIZED');
    expect((await refusal(enter('kim', temporaryPassword))).code).toBe('UNAUTHORIZED');
    expect((await enter('kim', reset.temporaryPassword)).mustChangePassword).toBe(true);
    expect((await refusal(accounts.setDisabled(boss, boss.id, true))).message).toMatch(/자기 계정/);
  });
});
