import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgDatabase } from '../../electron/db/postgres/pg-database';
import { hashPassword } from '../../electron/server/passwords';
import { SessionStore } from '../../electron/server/sessions';
import { SignIn, WRONG_CREDENTIALS, type SignInRequest } from '../../electron/server/sign-in';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL } from './support/pg';
import { refusal } from './support/refusal';

/** Cheap hashes: the test is about who gets in, not about scrypt's cost (tests/unit/passwords.test.ts pays that once). */
const COST = { N: 2 ** 10, r: 8, p: 1 };
const HOUR = 3_600_000;

let db: PgDatabase;
let clock: number;
const now = () => new Date(clock);
let sessions: SessionStore;
let signIn: SignIn;

async function account(login: string, password: string, extra: { role?: string; disabled?: boolean; mustChange?: boolean } = {}): Promise<string> {
  const id = crypto.randomUUID();
  const at = now().toISOString();
  await db.run('INSERT INTO profiles (id, name, email, role, sections_json, created_at, updated_at, login, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    `${login} 기자`,
    '',
    extra.role ?? 'reporter',
    '[]',
    at,
    at,
    login,
    extra.disabled ? at : null,
  ]);
  await db.run('INSERT INTO account_passwords (profile_id, hash, must_change, changed_at) VALUES (?, ?, ?, ?)', [
    id,
    await hashPassword(password, COST),
    extra.mustChange ? 'true' : 'false',
    at,
  ]);
  return id;
}

const req = (login: string, password: string, address = '10.0.0.7'): SignInRequest => ({ login, password, address, client: 'browser', userAgent: 'test' });

const auditActions = async () => (await db.all<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((r) => r.action);

describe.skipIf(!PG_URL)(`signing in to the newsroom server (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeEach(async () => {
    clock = Date.parse('2026-12-07T09:00:00.000Z');
    db = await openTestPg(undefined, { migrated: true });
    sessions = new SessionStore(db, now);
    signIn = new SignIn({ db, sessions, now, cost: COST });
  });
  afterEach(cleanUpPg);

  it('signs a person in, and the session speaks for them until it is signed out', async () => {
    const id = await account('kim', '기사 마감 2026');
    const { token, profileId } = await signIn.signIn(req('  KIM ', '기사 마감 2026'));
    expect(profileId).toBe(id);
    expect(await sessions.resolve(token)).toMatchObject({ id, login: 'kim', role: 'reporter', admin: false, mustChangePassword: false });
    const stored = await db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    await sessions.revoke(token);
    expect((await refusal(sessions.resolve(token))).message).toMatch(/로그아웃되었습니다/);
    expect(await auditActions()).toEqual(['sign_in']);
  });

  it('answers a wrong login and a wrong password with the same words, and records both', async () => {
    await account('kim', 'right password');
    const unknown = await refusal(signIn.signIn(req('nobody', 'right password')));
    const wrong = await refusal(signIn.signIn(req('kim', 'wrong password')));
    expect([unknown.code, unknown.message]).toEqual(['UNAUTHORIZED', WRONG_CREDENTIALS]);
    expect([wrong.code, wrong.message]).toEqual(['UNAUTHORIZED', WRONG_CREDENTIALS]);
    expect(await db.all('SELECT * FROM sessions')).toEqual([]);
    expect(await auditActions()).toEqual(['sign_in_failed', 'sign_in_failed']);
  });

  it('slows down, then locks out, 20 wrong passwords in a row — even the right one waits — and says how long, in Korean', async () => {
    await account('kim', 'right password');
    const messages: string[] = [];
    const guess = async (i: number) => messages.push((await refusal(signIn.signIn(req('kim', `guess ${i}`)))).message);
    // A guesser who waits out each delay: every try is checked and counted.
    for (let i = 0; i < 5; i += 1) {
      await guess(i);
      clock += 61_000;
    }
    expect(messages.every((m) => m === WRONG_CREDENTIALS)).toBe(true);
    clock += 5 * 60_000;
    await guess(5);
    // One who does not: told to wait, and no password is checked or counted.
    clock += 500;
    await guess(6);
    expect(messages[6]).toMatch(/초 뒤에 다시 시도하세요/);
    for (let i = 7; i < 20; i += 1) {
      clock += 61_000;
      await guess(i);
    }
    expect(messages.at(-1)).toMatch(/분 뒤에 다시 시도하세요/);
    expect((await refusal(signIn.signIn(req('kim', 'right password')))).message).toMatch(/다시 시도하세요/);
    expect(await auditActions()).toContain('locked_out');
    clock += 16 * 60_000;
    expect((await signIn.signIn(req('kim', 'right password'))).token).toBeTruthy();
  });

  it('locks a guessing address out across logins, while the same login from another address is not locked by it', async () => {
    for (let i = 0; i < 12; i += 1) await account(`r${i}`, 'pw-right');
    for (let round = 0; round < 50; round += 1) {
      await signIn.signIn(req(`r${round % 12}`, `guess ${round}`, '203.0.113.9')).catch(() => undefined);
      clock += 61_000;
    }
    expect((await refusal(signIn.signIn(req('r0', 'pw-right', '203.0.113.9')))).message).toMatch(/분 뒤에 다시 시도하세요/);
    clock += 1_000;
    expect((await signIn.signIn(req('r11', 'pw-right', '10.0.0.8'))).token).toBeTruthy();
  });

  it('ends a session that has been idle for 12 hours or alive for 7 days, and every session of a disabled account at once', async () => {
    const id = await account('kim', 'pw');
    const idle = (await signIn.signIn(req('kim', 'pw'))).token;
    clock += 12 * HOUR;
    expect((await refusal(sessions.resolve(idle))).message).toMatch(/오래 사용하지 않아/);

    const busy = (await signIn.signIn(req('kim', 'pw'))).token;
    for (let h = 0; h < 7 * 24; h += 6) {
      clock += 6 * HOUR;
      if (h + 6 < 7 * 24) await sessions.resolve(busy);
    }
    expect((await refusal(sessions.resolve(busy))).message).toMatch(/다시 로그인해야/);

    const live = (await signIn.signIn(req('kim', 'pw'))).token;
    await db.run('UPDATE profiles SET disabled_at = ? WHERE id = ?', [now().toISOString(), id]);
    expect((await refusal(sessions.resolve(live))).message).toMatch(/사용이 중지된 계정/);
    expect((await refusal(signIn.signIn(req('kim', 'pw')))).message).toMatch(/사용이 중지된 계정/);
  });

  it('refuses forged, truncated and unknown tokens before or at the lookup, in Korean', async () => {
    await account('kim', 'pw');
    const { token } = await signIn.signIn(req('kim', 'pw'));
    for (const forged of [undefined, '', 'x', `${token}x`, token.slice(1), "' OR 1=1 --", 'A'.repeat(43)]) {
      const err = await refusal(sessions.resolve(forged));
      expect([forged, err.code, err.message]).toEqual([forged, 'UNAUTHORIZED', '로그인이 필요합니다.']);
    }
  });

  it('signs out everywhere: every session of that person ends, another person’s stays', async () => {
    const kim = await account('kim', 'pw');
    await account('park', 'pw2', { role: 'desk' });
    const a = (await signIn.signIn(req('kim', 'pw'))).token;
    const b = (await signIn.signIn({ ...req('kim', 'pw'), client: 'workstation' })).token;
    const other = (await signIn.signIn(req('park', 'pw2'))).token;
    expect(await db.transaction((tx) => sessions.revokeAll(tx, kim))).toBe(2);
    for (const t of [a, b]) expect((await refusal(sessions.resolve(t))).code).toBe('UNAUTHORIZED');
    expect((await sessions.resolve(other)).login).toBe('park');
  });

  it('says a temporary password must be changed, and upgrades a cheaper hash at sign-in', async () => {
    const id = await account('kim', 'temp-pw', { mustChange: true });
    const dearer = new SignIn({ db, sessions, now, cost: { N: 2 ** 11, r: 8, p: 1 } });
    const { token, mustChangePassword } = await dearer.signIn(req('kim', 'temp-pw'));
    expect(mustChangePassword).toBe(true);
    expect((await sessions.resolve(token)).mustChangePassword).toBe(true);
    const { hash } = (await db.get<{ hash: string }>('SELECT hash FROM account_passwords WHERE profile_id = ?', [id]))!;
    expect(hash.startsWith('scrypt$2048$8$1$')).toBe(true);
  });
});
