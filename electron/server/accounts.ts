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
/** A reset link is handed over in person or by the newsroom's own mail: a day to open it, once. */
export const RESET_LINK_MS = 24 * 60 * 60_000;

export interface AccountInput {
  login: string;
  name: string;
  title: string;
  email: string;
  role: Role;
  sections: string[];
  admin: boolean;
}

/** What a 관리자 may change of an account: not the login (the history and the audit log name it). */
export type AccountPatch = Partial<Omit<AccountInput, 'login'>>;

type LinkPurpose = 'setup' | 'reset';

const LINK_WORDS: Record<LinkPurpose, { name: string; next: string }> = {
  setup: { name: '설정 링크', next: '관리자 계정으로 로그인하세요.' },
  reset: { name: '비밀번호 재설정 링크', next: '관리자에게 새 링크를 받으세요.' },
};

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
const CHIEF_ONLY_GRANTS = '편집국장 역할은 편집국장만 줄 수 있습니다.';
const CHIEF_ONLY_ACCOUNTS = '편집국장의 계정은 편집국장만 바꾸거나 사용 중지하거나 비밀번호를 재설정할 수 있습니다.';

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

/** Taken first by every change that could leave nobody to administer: two 관리자 demoting each other at once cannot both pass. */
async function lockAdministrators(tx: Executor): Promise<void> {
  await tx.all("SELECT id FROM profiles WHERE login IS NOT NULL AND disabled_at IS NULL AND (admin OR role = 'chief') FOR UPDATE");
}

/** Checked after the change, inside its transaction: throwing undoes it. */
async function administratorRemains(tx: Executor): Promise<void> {
  const row = await tx.get<{ n: number }>("SELECT count(*) AS n FROM profiles WHERE login IS NOT NULL AND disabled_at IS NULL AND (admin OR role = 'chief')");
  if (Number(row?.n ?? 0) === 0) {
    throw new AppError('VALIDATION', '이렇게 바꾸면 사용자를 관리할 사람(관리자나 편집국장)이 한 명도 남지 않습니다. 먼저 다른 사람을 관리자로 정하세요.');
  }
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
    await this.usableLink(this.deps.db, token, 'setup');
    const problem = passwordProblem(input.password, login);
    if (problem) throw new AppError('VALIDATION', problem);
    const hash = await hashPassword(input.password, this.cost);
    return this.deps.db.transaction(async (tx) => {
      // Again under a row lock: of two people racing with one link, only one gets through.
      await this.usableLink(tx, token, 'setup', ' FOR UPDATE');
      await tx.run('UPDATE one_time_links SET used_at = ? WHERE token_hash = ?', [this.now().toISOString(), sessionTokenHash(token)]);
      const id = await this.insert(tx, { login, name: input.name, title: '', email: '', role: 'chief', sections: [], admin: true }, hash, false);
      await audit(tx, this.now(), { actorId: id, action: 'setup_completed', subject: login, address });
      return id;
    });
  }

  /** A new account with a temporary password the person must change at first sign-in. */
  async create(actor: SessionActor, input: AccountInput, address = ''): Promise<TemporaryPassword> {
    this.mustAdminister(actor);
    if (input.role === 'chief') this.mustBeChief(actor, CHIEF_ONLY_GRANTS);
    // Refused before the hash: a mistyped form must not cost the server a second of scrypt.
    await this.insertable(this.deps.db, input);
    const temp = temporaryPassword();
    const hash = await hashPassword(temp, this.cost);
    const profileId = await this.deps.db.transaction(async (tx) => {
      const id = await this.insert(tx, input, hash, true);
      await audit(tx, this.now(), {
        actorId: actor.id,
        action: 'account_created',
        subject: input.login,
        address,
        details: { role: input.role, admin: input.admin },
      });
      return id;
    });
    return { profileId, temporaryPassword: temp };
  }

  /** Disabling ends every session of the person in the same transaction: their next request is refused. */
  async setDisabled(actor: SessionActor, profileId: string, disabled: boolean, address = ''): Promise<void> {
    this.mustAdminister(actor);
    if (disabled && profileId === actor.id) throw new AppError('VALIDATION', '자기 계정은 사용 중지할 수 없습니다.');
    await this.deps.db.transaction(async (tx) => {
      await lockAdministrators(tx);
      await this.mayManage(tx, actor, profileId);
      const { changes } = await tx.run('UPDATE profiles SET disabled_at = ?, updated_at = ? WHERE id = ? AND login IS NOT NULL', [
        disabled ? this.now().toISOString() : null,
        this.now().toISOString(),
        profileId,
      ]);
      if (changes === 0) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      if (disabled) await this.deps.sessions.revokeAll(tx, profileId);
      await administratorRemains(tx);
      await audit(tx, this.now(), { actorId: actor.id, action: disabled ? 'account_disabled' : 'account_enabled', subject: profileId, address });
    });
  }

  /** Name, title, e-mail, role, sections, 관리자: only what the patch names; never leaving nobody to administer. */
  async update(actor: SessionActor, profileId: string, patch: AccountPatch, address = ''): Promise<void> {
    this.mustAdminister(actor);
    await this.deps.db.transaction(async (tx) => {
      await lockAdministrators(tx);
      const row = await tx.get<{ name: string; title: string; email: string; role: Role; sections_json: string; admin: boolean }>(
        'SELECT name, title, email, role, sections_json, admin FROM profiles WHERE id = ? AND login IS NOT NULL FOR UPDATE',
        [profileId],
      );
      if (!row) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      if (row.role === 'chief') this.mustBeChief(actor, CHIEF_ONLY_ACCOUNTS);
      if (patch.role === 'chief') this.mustBeChief(actor, CHIEF_ONLY_GRANTS);
      const next = {
        name: patch.name ?? row.name,
        title: patch.title ?? row.title,
        email: patch.email ?? row.email,
        role: patch.role ?? row.role,
        sections: patch.sections ?? (JSON.parse(row.sections_json) as string[]),
        admin: patch.admin ?? row.admin,
      };
      const problem = profileProblem(next);
      if (problem) throw new AppError('VALIDATION', problem);
      await tx.run('UPDATE profiles SET name = ?, title = ?, email = ?, role = ?, sections_json = ?, admin = ?, updated_at = ? WHERE id = ?', [
        next.name.trim(),
        next.title.trim(),
        next.email.trim(),
        next.role,
        JSON.stringify(next.sections),
        pgBool(next.admin),
        this.now().toISOString(),
        profileId,
      ]);
      await administratorRemains(tx);
      await audit(tx, this.now(), {
        actorId: actor.id,
        action: 'account_updated',
        subject: profileId,
        address,
        details: { changed: Object.keys(patch), role: next.role, admin: next.admin },
      });
    });
  }

  /** A new temporary password; every session of the account ends, so whoever had the old one is out. */
  async resetPassword(actor: SessionActor, profileId: string, address = ''): Promise<TemporaryPassword> {
    this.mustAdminister(actor);
    const temp = temporaryPassword();
    await this.mayManage(this.deps.db, actor, profileId);
    const hash = await hashPassword(temp, this.cost);
    await this.deps.db.transaction(async (tx) => {
      await this.mayManage(tx, actor, profileId);
      const { changes } = await tx.run('UPDATE account_passwords SET hash = ?, must_change = true, changed_at = ? WHERE profile_id = ?', [
        hash,
        this.now().toISOString(),
        profileId,
      ]);
      if (changes === 0) throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      await this.deps.sessions.revokeAll(tx, profileId);
      await audit(tx, this.now(), { actorId: actor.id, action: 'password_reset', subject: profileId, address });
    });
    return { profileId, temporaryPassword: temp };
  }

  /** A link that lets the person choose a new password themselves; works once, for a day, and replaces any earlier one. */
  async makeResetLink(actor: SessionActor, profileId: string, address = ''): Promise<{ token: string; expiresAt: string }> {
    this.mustAdminister(actor);
    const { token, hash } = newSessionToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + RESET_LINK_MS).toISOString();
    await this.deps.db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 AS one FROM profiles WHERE id = ? AND login IS NOT NULL', [profileId]))) {
        throw new AppError('NOT_FOUND', '계정을 찾을 수 없습니다.');
      }
      await this.mayManage(tx, actor, profileId);
      await tx.run("UPDATE one_time_links SET used_at = ? WHERE purpose = 'reset' AND profile_id = ? AND used_at IS NULL", [now.toISOString(), profileId]);
      await tx.run('INSERT INTO one_time_links (token_hash, purpose, profile_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
        hash,
        'reset',
        profileId,
        now.toISOString(),
        expiresAt,
      ]);
      await audit(tx, now, { actorId: actor.id, action: 'reset_link_made', subject: profileId, address, details: { expiresAt } });
    });
    return { token, expiresAt };
  }

  /** The person's new password through a reset link; every session they had ends. */
  async completeReset(token: string, password: string, address = ''): Promise<void> {
    const { profile_id: profileId } = await this.usableLink(this.deps.db, token, 'reset');
    const who = await this.deps.db.get<{ login: string }>('SELECT login FROM profiles WHERE id = ?', [profileId]);
    const problem = passwordProblem(password, who?.login ?? '');
    if (problem) throw new AppError('VALIDATION', problem);
    const hash = await hashPassword(password, this.cost);
    await this.deps.db.transaction(async (tx) => {
      await this.usableLink(tx, token, 'reset', ' FOR UPDATE');
      await tx.run('UPDATE one_time_links SET used_at = ? WHERE token_hash = ?', [this.now().toISOString(), sessionTokenHash(token)]);
      await tx.run('UPDATE account_passwords SET hash = ?, must_change = false, changed_at = ? WHERE profile_id = ?', [
        hash,
        this.now().toISOString(),
        profileId,
      ]);
      await this.deps.sessions.revokeAll(tx, profileId);
      await audit(tx, this.now(), { actorId: profileId, action: 'password_reset_by_link', subject: who?.login ?? profileId, address });
    });
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

  private async usableLink(ex: Executor, token: string, purpose: LinkPurpose, lock = ''): Promise<{ profile_id: string }> {
    const words = LINK_WORDS[purpose];
    const link = await ex.get<{ expires_at: string; used_at: string | null; profile_id: string }>(
      `SELECT expires_at, used_at, profile_id FROM one_time_links WHERE token_hash = ? AND purpose = ?${lock}`,
      [sessionTokenHash(token), purpose],
    );
    if (!link) throw new AppError('UNAUTHORIZED', `${words.name}가 올바르지 않습니다.`);
    if (link.used_at) throw new AppError('UNAUTHORIZED', `이 ${words.name}는 이미 사용되었습니다. ${words.next}`);
    if (link.expires_at <= this.now().toISOString()) {
      throw new AppError('UNAUTHORIZED', `${words.name}가 만료되었습니다. ${purpose === 'setup' ? '서버를 다시 시작하면 새 링크가 나옵니다.' : words.next}`);
    }
    return link;
  }

  private mustAdminister(actor: SessionActor): void {
    if (!holds(actor, 'admin')) throw new AppError('FORBIDDEN', '계정 관리는 관리자나 편집국장만 할 수 있습니다.');
  }

  /*
   * The 편집국장 role carries every permission there is, 관리자 included; 관리자 alone does not carry it. So
   * a 관리자 who is not 편집국장 may neither give the role nor take over an account that has it (a reset
   * password is handed to whoever asked): either would make them more than they are.
   */
  private mustBeChief(actor: SessionActor, message: string): void {
    if (actor.role !== 'chief') throw new AppError('FORBIDDEN', message);
  }

  private async mayManage(ex: Executor, actor: SessionActor, profileId: string): Promise<void> {
    const target = await ex.get<{ role: Role }>('SELECT role FROM profiles WHERE id = ? AND login IS NOT NULL', [profileId]);
    if (target?.role === 'chief') this.mustBeChief(actor, CHIEF_ONLY_ACCOUNTS);
  }

  /** Why `input` cannot become an account, as an AppError; the login as stored otherwise. */
  private async insertable(ex: Executor, input: AccountInput): Promise<string> {
    const login = input.login.trim().toLowerCase();
    if (!LOGIN.test(login)) throw new AppError('VALIDATION', '아이디는 영문 소문자, 숫자, 점, 밑줄, 하이픈으로 2~32자여야 합니다.');
    const name = input.name.trim();
    if (name.length < 1 || name.length > 50) throw new AppError('VALIDATION', '이름을 1~50자로 입력하세요.');
    const problem = profileProblem({ role: input.role, sections: input.sections });
    if (problem) throw new AppError('VALIDATION', problem);
    if (await ex.get('SELECT 1 AS one FROM profiles WHERE login = ?', [login])) throw new AppError('CONFLICT', `‘${login}’ 아이디는 이미 있습니다.`);
    return login;
  }

  private async insert(tx: Executor, input: AccountInput, hash: string, mustChange: boolean): Promise<string> {
    const login = await this.insertable(tx, input);
    const name = input.name.trim();
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
