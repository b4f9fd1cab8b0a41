import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, PasswordReset } from '../../shared/contract-accounts';
import { addPerson, bearer, call, ok, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * Who may make whom 편집국장, through the contract on the newsroom server. The role carries every
 * permission, 관리자 included, so a 관리자 who is a 기자 may manage 기자 and 데스크 (and give 관리자, which
 * they hold), but may neither give the 편집국장 role nor change, disable or reset a 편집국장's account.
 */

let room: Newsroom;
let chief: Person;
let han: Person;
let kim: Person;

const audited = async () => Number((await room.backend.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n);
const roleOf = async (id: string) => (await room.backend.db.get<{ role: string }>('SELECT role FROM profiles WHERE id = ?', [id]))!.role;

describe.skipIf(!PG_URL)(`who may make a 편집국장 (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    room = await startNewsroom(makeTempDir('byline-account-grants-'), schema, { accounts: true });
    chief = await setUpChief(room);
    han = await addPerson(room, chief.actor, { login: 'han', name: '한기자', role: 'reporter', admin: true });
    kim = await addPerson(room, chief.actor, { login: 'kim', name: '김기자', role: 'reporter' });
  }, 60_000);

  afterAll(async () => {
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('a 관리자 who is a 기자 cannot make anyone 편집국장, nor take over a 편집국장’s account; nothing changes', async () => {
    const before = await audited();
    for (const [method, input, words] of [
      ['accounts.create', { login: 'boss', name: '새 국장', role: 'chief' }, /편집국장 역할은 편집국장만 줄 수 있습니다/],
      ['accounts.update', { id: han.actor.id, role: 'chief' }, /편집국장 역할은 편집국장만/],
      ['accounts.update', { id: kim.actor.id, role: 'chief' }, /편집국장 역할은 편집국장만/],
      ['accounts.update', { id: chief.actor.id, admin: false }, /편집국장의 계정은 편집국장만/],
      ['accounts.update', { id: chief.actor.id, role: 'reporter' }, /편집국장의 계정은 편집국장만/],
      ['accounts.setDisabled', { id: chief.actor.id, disabled: true }, /편집국장의 계정은 편집국장만/],
      ['accounts.resetPassword', { id: chief.actor.id, mode: 'temporary' }, /편집국장의 계정은 편집국장만/],
      ['accounts.resetPassword', { id: chief.actor.id, mode: 'link' }, /편집국장의 계정은 편집국장만/],
      // The older profile method is no back door to an account's role.
      ['profiles.update', { id: han.actor.id, role: 'chief' }, /사용자 관리에서 바꿉니다/],
    ] as const) {
      const r = await call(room, method, input, bearer(han.token));
      expect([method, r.status, r.body.error?.code], JSON.stringify(input)).toEqual([method, 403, 'FORBIDDEN']);
      expect(r.body.error?.message).toMatch(words);
    }
    expect(await room.backend.db.get("SELECT 1 AS one FROM profiles WHERE login = 'boss'")).toBeUndefined();
    expect([await roleOf(han.actor.id), await roleOf(kim.actor.id), await roleOf(chief.actor.id)]).toEqual(['reporter', 'reporter', 'chief']);
    expect(await audited()).toBe(before);
    // The 편집국장 still signs in with their own password: nobody was handed a way in.
    expect((await call(room, 'articles.list', {}, bearer(chief.token))).status).toBe(200);
  });

  it('the same 관리자 still manages 기자 and 데스크 and may give 관리자; a 편집국장 may make a 편집국장', async () => {
    const desk = await ok<{ account: Account }>(
      room,
      'accounts.create',
      { login: 'park', name: '박데스크', role: 'desk', sections: ['경제'], admin: true },
      bearer(han.token),
    );
    expect(desk.account).toMatchObject({ role: 'desk', admin: true });
    expect(await ok<Account>(room, 'accounts.update', { id: kim.actor.id, title: '선임기자' }, bearer(han.token))).toMatchObject({ title: '선임기자' });
    expect((await ok<PasswordReset>(room, 'accounts.resetPassword', { id: kim.actor.id, mode: 'link' }, bearer(han.token))).mode).toBe('link');

    expect(await ok<Account>(room, 'accounts.update', { id: kim.actor.id, role: 'chief' }, bearer(chief.token))).toMatchObject({ role: 'chief' });
    const made = await ok<{ account: Account }>(room, 'accounts.create', { login: 'boss', name: '새 국장', role: 'chief' }, bearer(chief.token));
    expect(made.account.role).toBe('chief');
  });
});
