import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/contract-accounts';
import { bearer, call, ok, setUpChief, startNewsroom, type Newsroom, type Person } from './support/newsroom';
import { cleanUpPg, openTestPg, PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

/*
 * Every 사용자 관리 action made through the contract is an audit row with the address the request came
 * from, as the server's socket saw it; nothing a request says (a body field, a forged X-Forwarded-For
 * without a named proxy) changes it.
 */

let room: Newsroom;
let chief: Person;

const rowsAbout = (subjects: string[]) =>
  room.backend.db.all<{ action: string; address: string }>(
    `SELECT action, address FROM audit_log WHERE subject IN (${subjects.map(() => '?').join(', ')}) ORDER BY id`,
    subjects,
  );

describe.skipIf(!PG_URL)(`the audit log names where an account change came from (${PG_URL ? 'BYLINE_TEST_PG' : PG_SKIP_NOTE})`, () => {
  beforeAll(async () => {
    const schema = schemaName();
    await openTestPg(schema);
    room = await startNewsroom(makeTempDir('byline-account-audit-'), schema, { accounts: true });
    chief = await setUpChief(room);
  }, 60_000);

  afterAll(async () => {
    await room?.close();
    await cleanUpPg();
    removeTempDirs();
  });

  it('records the client address of every accounts.* change, from the server, never from the request', async () => {
    // A client claiming to be elsewhere: without a named proxy the header is not believed.
    const as = { ...bearer(chief.token), 'x-forwarded-for': '203.0.113.9' };
    const { account } = await ok<{ account: Account }>(room, 'accounts.create', { login: 'kim', name: '김기자', role: 'reporter' }, as);
    await ok(room, 'accounts.update', { id: account.id, title: '선임기자' }, as);
    await ok(room, 'accounts.setDisabled', { id: account.id, disabled: true }, as);
    await ok(room, 'accounts.setDisabled', { id: account.id, disabled: false }, as);
    await ok(room, 'accounts.resetPassword', { id: account.id, mode: 'temporary' }, as);
    await ok(room, 'accounts.resetPassword', { id: account.id, mode: 'link' }, as);

    const rows = await rowsAbout(['kim', account.id]);
    expect(rows.map((r) => r.action)).toEqual([
      'account_created',
      'account_updated',
      'account_disabled',
      'account_enabled',
      'password_reset',
      'reset_link_made',
    ]);
    expect(new Set(rows.map((r) => r.address))).toEqual(new Set(['127.0.0.1']));

    // Naming an address in the call itself is refused in Korean, and records nothing.
    const before = (await rowsAbout(['kim', account.id])).length;
    const named = await call(room, 'accounts.update', { id: account.id, title: '기자', address: '203.0.113.9' }, bearer(chief.token));
    expect([named.status, named.body.error?.code]).toEqual([400, 'VALIDATION']);
    expect(named.body.error?.message).toMatch(/[가-힣]/);
    expect(await rowsAbout(['kim', account.id])).toHaveLength(before);
  });
});
