import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { holds } from '../../shared/permissions';
import { profileProblem, type Role } from '../../shared/profiles';
import type { Database, Executor } from '../db/database';
import { audit } from './audit';
import { hashPassword, MAX_PASSWORD_CHARS, OWASP_COST, verifyPassword, type ScryptCost } from './passwords';
import { newSessionToken, sessionTokenHash } from './session-token';
import type { SessionActor, SessionStore } from './sessions';

export const MIN_PASSWORD_CHARS = 10;
const SETUP_LINK_MS = 60 * 60_000;

export interface AccountInput {
  login: string;
  name: string;
  title: string;
  email: string;
  role: Role;
  sections: string[];
  admin: boolean;
}

export interface AccountsDeps {
  db: Database;
  sessions: SessionStore;
  now?: () => Date;
  cost?: ScryptCost;
}

/** What an admin is handed once, to pass on in person: never stored in clear, never shown again. */
export interface TemporaryPassword {
  profileId: string;
  temporaryPassword: string;
}

/** PostgreSQL reads 'true' and 'false' as booleans; the Database interface passes text, not JS booleans. */
const pgBool = (b: boolean) => (b ? 'true' : 'false');

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

function passwordProblem(password: string, login: string): string | undefined {
  if (password.length < MIN_PASSWORD_CHARS) return `비밀번호는 ${MIN_PASSWORD_CHARS}자 이상이어야 합니다.`;
  if (password.length > MAX_PASSWORD_CHARS) return `비밀번호는 ${MAX_PASSWORD_CHARS}자까지 쓸 수 있습니다.`;
  if (password.trim().toLowerCase() === login) return '아이디와 같은 비밀번호는 쓸 수 없습니다.';
  return undefined;
}

/** Readable aloud over the phone, and about 80 bits: four groups of five from an alphabet without 0/O, 1/l. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/**
 * The newsroom's accounts on the server: the first 편집국장 through a one-time setup link, then
 * everything else by a 관리자 (or 편집국장). A disabled account's sessions end in the same transaction;
 * a reset password ends them too. Every change is an audit row.
 */
export class Accounts {
  private readonly now: () => Date;
  private readonly cost: ScryptCost;

  constructor(private readonly deps: AccountsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.cost = deps.cost ?? OWASP_COST;
  }

  /** True until some account can administer the newsroom. */
  async setupNeeded(): Promise<boolean> {
    const row = await this.deps.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM profiles WHERE login IS NOT NULL AND disabled_at IS NULL AND (admin OR role = 'chief')",
    );
    return Number(row?.n ?? 0) === 0;
  }

  /** A link that creates the first 편집국장 with 관리자; works once, for an hour. Undefined once set up. */
  async makeSetupLink(): Promise<{ token: string; expiresAt: string } | undefined> {
    if (!(await this.setupNeeded())) return undefined;
    const { token, hash } = newSessionToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_MS).toISOString();
    await this.deps.db.transaction(async (tx) => {
      await tx.run('INSERT INTO one_time_links (token_hash, purpose, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        hash,
        'setup',
        now.toISOString(),
        expiresAt,
      ]);
      await audit(tx, now, { actorId: null, action: 'setup_link_made', details: { expiresAt } });
    });
    return { token, expiresAt };
  }

  async completeSetup(token: string, input: { login: string; name: string; password: string }, address = ''): Promise<string> {
    const login = input.login.trim().toLowerCase();
    // The link first, cheaply: a made-up or replayed link must not cost the server a password hash.
    await this.usableSetupLink(this.deps.db, token);
    const problem = passwordProblem(input.password, login);
    if (problem) throw new AppError('VALIDATION', problem);
    const hash = await hashPassword(input.password, this.cost);
    return this.deps.db.transaction(async (tx) => {
      // Again under a row lock: of two people racing with one link, only one gets through.
      await this.usableSetupLink(tx, token, ' FOR UPDATE');
      await tx.run('UPDATE one_time_links SET used_at = ? WHERE token_hash = ?', [this.now().toISOString(), sessionTokenHash(token)]);
      const id = await this.insert(tx, { login, name: input.name, title: '', email: '', role: 'chief', sections: [], admin: true }, hash, false);
      await audit(tx, this.now(), { actorId: id, action: 'setup_completed', subject: login, address });
      return id;
    });
  }

  /** A new account with a temporary password the person must change at first sign-in. */
  async create(actor: SessionActor, input: AccountInput): Promise<TemporaryPassword> {
    this.mustAdminister(actor);
    const temp = temporaryPassword();
    const hash = await hashPassword(temp, this.cost);
    const profileId = await this.deps.db.transaction(async (tx) => {
      const id = await this.insert(tx, input, hash, true);
      await audit(tx, this.now(), { actorId: actor.id, action: 'account_created', subject: input.login, details: { role: input.role, admin: input.admin } });
      return id;
    });
    return { profileId, temporaryPassword: temp };
  }

  async setDisabled(actor: SessionActor, profileId: string, disabled: boolean): Promise<void> {
    this.mustAdminister(actor);
    if (disabled && profileId === actor.id) throw new AppError('VALIDATION', '자기 계정은 사용 중지할 수 없습니다.');
    await this.deps.db.transaction(async (tx) => {
      const { changes } = await tx.run('UPDATE profiles SET disabled_at = ?, updated_at = ? WHERE id = ? AND login IS NOT NULL', [
        disabled ? this.now().toISOString() : null,
        this.now().toISOString(),
        profileId,
      ]);
      if (changes === 0) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      if (disabled) await this.deps.sessions.revokeAll(tx, profileId);
      await audit(tx, this.now(), { actorId: actor.id, action: disabled ? 'account_disabled' : 'account_enabled', subject: profileId });
    });
  }

  /** A new temporary password; every session of the account ends, so whoever had the old one is out. */
  async resetPassword(actor: SessionActor, profileId: string): Promise<TemporaryPassword> {
    this.mustAdminister(actor);
    const temp = temporaryPassword();
    const hash = await hashPassword(temp, this.cost);
    await this.deps.db.transaction(async (tx) => {
      const { changes } = await tx.run('UPDATE account_passwords SET hash = ?, must_change = true, changed_at = ? WHERE profile_id = ?', [
        hash,
        this.now().toISOString(),
        profileId,
      ]);
      if (changes === 0) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      await this.deps.sessions.revokeAll(tx, profileId);
      await audit(tx, this.now(), { actorId: actor.id, action: 'password_reset', subject: profileId });
    });
    return { profileId, temporaryPassword: temp };
  }

  /** Ends every session of the person asking, this one included (a lost laptop, a shared computer). */
  async signOutEverywhere(actor: SessionActor, address = ''): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const ended = await this.deps.sessions.revokeAll(tx, actor.id);
      await audit(tx, this.now(), { actorId: actor.id, action: 'sign_out_everywhere', subject: actor.login, address, details: { ended } });
      return ended;
    });
  }

  /** The person's own change: the current password is asked again, whoever holds the session. */
  async changePassword(actor: SessionActor, current: string, next: string): Promise<void> {
    const row = await this.deps.db.get<{ hash: string }>('SELECT hash FROM account_passwords WHERE profile_id = ?', [actor.id]);
    if (!row || !(await verifyPassword(current, row.hash))) throw new AppError('UNAUTHORIZED', '지금 비밀번호가 맞지 않습니다.');
    const problem = passwordProblem(next, actor.login) ?? (next === current ? '지금과 다른 비밀번호를 고르세요.' : undefined);
    if (problem) throw new AppError('VALIDATION', problem);
    const hash = await hashPassword(next, this.cost);
    await this.deps.db.transaction(async (tx) => {
      await tx.run('UPDATE account_passwords SET hash = ?, must_change = false, changed_at = ? WHERE profile_id = ?', [
        hash,
        this.now().toISOString(),
        actor.id,
      ]);
      await audit(tx, this.now(), { actorId: actor.id, action: 'password_changed', subject: actor.login });
    });
  }

  private async usableSetupLink(ex: Executor, token: string, lock = ''): Promise<void> {
    const link = await ex.get<{ expires_at: string; used_at: string | null }>(
      `SELECT expires_at, used_at FROM one_time_links WHERE token_hash = ? AND purpose = 'setup'${lock}`,
      [sessionTokenHash(token)],
    );
    if (!link) throw new AppError('UNAUTHORIZED', '설정 링크가 올바르지 않습니다.');
    if (link.used_at) throw new AppError('UNAUTHORIZED', '이 설정 링크는 이미 사용되었습니다. 관리자 계정으로 로그인하세요.');
    if (link.expires_at <= this.now().toISOString()) throw new AppError('UNAUTHORIZED', '설정 링크가 만료되었습니다. 서버를 다시 시작하면 새 링크가 나옵니다.');
  }

  private mustAdminister(actor: SessionActor): void {
    if (!holds(actor, 'admin')) throw new AppError('FORBIDDEN', '계정 관리는 관리자나 편집국장만 할 수 있습니다.');
  }

  private async insert(tx: Executor, input: AccountInput, hash: string, mustChange: boolean): Promise<string> {
    const login = input.login.trim().toLowerCase();
    if (!LOGIN.test(login)) throw new AppError('VALIDATION', '아이디는 영문 소문자, 숫자, 점, 밑줄, 하이픈으로 2~32자여야 합니다.');
    const name = input.name.trim();
    if (name.length < 1 || name.length > 50) throw new AppError('VALIDATION', '이름을 1~50자로 입력하세요.');
    const problem = profileProblem({ role: input.role, sections: input.sections });
    if (problem) throw new AppError('VALIDATION', problem);
    if (await tx.get('SELECT 1 AS one FROM profiles WHERE login = ?', [login])) throw new AppError('CONFLICT', `‘${login}’ 아이디는 이미 있습니다.`);
    const id = randomUUID();
    const at = this.now().toISOString();
    await tx.run(
      'INSERT INTO profiles (id, name, email, role, sections_json, created_at, updated_at, login, title, admin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, name, input.email.trim(), input.role, JSON.stringify(input.sections), at, at, login, input.title.trim().slice(0, 30), pgBool(input.admin)],
    );
    await tx.run('INSERT INTO account_passwords (profile_id, hash, must_change, changed_at) VALUES (?, ?, ?, ?)', [id, hash, pgBool(mustChange), at]);
    return id;
  }
}
