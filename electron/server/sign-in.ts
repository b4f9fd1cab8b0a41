import { AppError } from '../../shared/errors';
import type { Database } from '../db/database';
import { audit } from './audit';
import { decoyHash, hashPassword, needsRehash, OWASP_COST, verifyPassword, type ScryptCost } from './passwords';
import type { Client, SessionStore } from './sessions';
import { ADDRESS_POLICY, addressKey, blockedUntil, forgetFailures, LOGIN_POLICY, loginKey, recordFailure, type ThrottlePolicy } from './sign-in-throttle';

export interface SignInDeps {
  db: Database;
  sessions: SessionStore;
  now?: () => Date;
  cost?: ScryptCost;
  loginPolicy?: ThrottlePolicy;
  addressPolicy?: ThrottlePolicy;
}

export interface SignInRequest {
  login: string;
  password: string;
  address: string;
  client: Client;
  userAgent: string;
}

/** The one answer to a wrong login and to a wrong password alike. */
export const WRONG_CREDENTIALS = '아이디 또는 비밀번호가 맞지 않습니다.';

function waitMessage(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1_000));
  return seconds > 90
    ? `로그인 시도가 너무 많아 잠시 막았습니다. ${Math.ceil(seconds / 60)}분 뒤에 다시 시도하세요.`
    : `로그인 시도가 잦습니다. ${seconds}초 뒤에 다시 시도하세요.`;
}

interface AccountRow {
  id: string;
  disabled_at: string | null;
  hash: string | null;
  must_change: boolean | null;
}

/**
 * Signs people in with a login and password. Every path through here takes one scrypt (a decoy for a
 * login nobody has), so the time of the answer says nothing about which of the two was wrong.
 */
export class SignIn {
  private readonly now: () => Date;
  private readonly cost: ScryptCost;

  constructor(private readonly deps: SignInDeps) {
    this.now = deps.now ?? (() => new Date());
    this.cost = deps.cost ?? OWASP_COST;
  }

  async signIn(req: SignInRequest): Promise<{ token: string; profileId: string; mustChangePassword: boolean }> {
    const { db } = this.deps;
    const login = req.login.trim().toLowerCase();
    const keys = [loginKey(login), addressKey(req.address)];
    for (const key of keys) {
      const until = await blockedUntil(db, key, this.now());
      if (until) throw new AppError('UNAUTHORIZED', waitMessage(until, this.now()), { reason: 'throttled', retryAt: until.toISOString() });
    }
    const row = await db.get<AccountRow>(
      'SELECT p.id, p.disabled_at, pw.hash, pw.must_change FROM profiles p LEFT JOIN account_passwords pw ON pw.profile_id = p.id WHERE p.login = ?',
      [login],
    );
    const matches = await verifyPassword(req.password, row?.hash ?? (await decoyHash(this.cost)));
    if (!row || !row.hash || !matches) {
      await this.fail(login, req);
      throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS, { reason: 'credentials' });
    }
    if (row.disabled_at) {
      await audit(db, this.now(), { actorId: row.id, action: 'sign_in_failed', subject: login, address: req.address, details: { reason: 'disabled' } });
      throw new AppError('UNAUTHORIZED', '사용이 중지된 계정입니다. 관리자에게 문의하세요.', { reason: 'disabled' });
    }
    const rehash = needsRehash(row.hash, this.cost) ? await hashPassword(req.password, this.cost) : undefined;
    const token = await db.transaction(async (tx) => {
      await forgetFailures(tx, keys[0]!);
      if (rehash) await tx.run('UPDATE account_passwords SET hash = ? WHERE profile_id = ?', [rehash, row.id]);
      await audit(tx, this.now(), { actorId: row.id, action: 'sign_in', subject: login, address: req.address, details: { client: req.client } });
      return this.deps.sessions.open(tx, row.id, req.client, req.address, req.userAgent);
    });
    return { token, profileId: row.id, mustChangePassword: row.must_change === true };
  }

  private async fail(login: string, req: SignInRequest): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const now = this.now();
      const byLogin = await recordFailure(tx, loginKey(login), now, this.deps.loginPolicy ?? LOGIN_POLICY);
      const byAddress = await recordFailure(tx, addressKey(req.address), now, this.deps.addressPolicy ?? ADDRESS_POLICY);
      await audit(tx, now, { actorId: null, action: 'sign_in_failed', subject: login.slice(0, 64), address: req.address, details: { reason: 'credentials' } });
      if (byLogin.lockedOut || byAddress.lockedOut) {
        await audit(tx, now, {
          actorId: null,
          action: 'locked_out',
          subject: login.slice(0, 64),
          address: req.address,
          details: { login: byLogin.lockedOut, address: byAddress.lockedOut },
        });
      }
    });
  }
}
