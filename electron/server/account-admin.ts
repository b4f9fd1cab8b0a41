import type { CallContext } from '../../shared/call-context';
import type { Account, AccountCreateInput, AccountUpdateInput, PasswordReset, ResetMode } from '../../shared/contract-accounts';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/profiles';
import type { Database } from '../db/database';
import type { Accounts } from './accounts';
import type { SessionActor } from './sessions';

interface AccountRow {
  id: string;
  login: string;
  name: string;
  title: string;
  email: string;
  role: Role;
  sections_json: string;
  admin: boolean;
  disabled_at: string | null;
  must_change: boolean | null;
  last_sign_in_at: string | null;
}

/* The last sign-in is the newest session: a newsroom has tens of people, each with a handful of sessions. */
const SELECT_ACCOUNTS = `SELECT p.id, p.login, p.name, p.title, p.email, p.role, p.sections_json, p.admin, p.disabled_at, pw.must_change,
  (SELECT max(s.created_at) FROM sessions s WHERE s.profile_id = p.id) AS last_sign_in_at
  FROM profiles p LEFT JOIN account_passwords pw ON pw.profile_id = p.id WHERE p.login IS NOT NULL`;

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    title: row.title,
    email: row.email,
    role: row.role,
    sections: JSON.parse(row.sections_json) as string[],
    admin: row.admin,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change !== false,
    lastSignInAt: row.last_sign_in_at,
  };
}

/**
 * 사용자 관리 as contract methods (shared/contract-accounts.ts), on the newsroom server only. The caller is
 * the call's context, loaded fresh from the database: a 관리자 disabled a moment ago manages no one.
 */
export class AccountAdmin {
  constructor(
    private readonly db: Database,
    private readonly accounts: Accounts,
  ) {}

  async list(context: CallContext): Promise<Account[]> {
    await this.actor(context);
    const rows = await this.db.all<AccountRow>(`${SELECT_ACCOUNTS} ORDER BY p.disabled_at IS NOT NULL, p.name, p.login`);
    return rows.map(toAccount);
  }

  async create(context: CallContext, input: AccountCreateInput): Promise<{ account: Account; temporaryPassword: string }> {
    const { profileId, temporaryPassword } = await this.accounts.create(await this.actor(context), input, context.address);
    return { account: await this.get(profileId), temporaryPassword };
  }

  async update(context: CallContext, input: AccountUpdateInput): Promise<Account> {
    const { id, ...patch } = input;
    await this.accounts.update(await this.actor(context), id, patch, context.address);
    return this.get(id);
  }

  async setDisabled(context: CallContext, input: { id: string; disabled: boolean }): Promise<Account> {
    await this.accounts.setDisabled(await this.actor(context), input.id, input.disabled, context.address);
    return this.get(input.id);
  }

  async resetPassword(context: CallContext, input: { id: string; mode: ResetMode }): Promise<PasswordReset> {
    const actor = await this.actor(context);
    if (input.mode === 'temporary') {
      const { temporaryPassword } = await this.accounts.resetPassword(actor, input.id, context.address);
      return { mode: 'temporary', temporaryPassword };
    }
    const { token, expiresAt } = await this.accounts.makeResetLink(actor, input.id, context.address);
    return { mode: 'link', path: `/reset?token=${token}`, expiresAt };
  }

  private async get(id: string): Promise<Account> {
    const row = await this.db.get<AccountRow>(`${SELECT_ACCOUNTS} AND p.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
    return toAccount(row);
  }

  private async actor(context: CallContext): Promise<SessionActor> {
    if (!context.actorId) throw new AppError('UNAUTHORIZED', '로그인이 필요합니다.');
    const row = await this.db.get<AccountRow>(`${SELECT_ACCOUNTS} AND p.id = ? AND p.disabled_at IS NULL`, [context.actorId]);
    if (!row) throw new AppError('UNAUTHORIZED', '로그인이 필요합니다.');
    const a = toAccount(row);
    return { id: a.id, name: a.name, login: a.login, role: a.role, sections: a.sections, admin: a.admin, mustChangePassword: a.mustChangePassword };
  }
}
