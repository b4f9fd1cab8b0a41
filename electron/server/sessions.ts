import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/profiles';
import type { Database, Executor } from '../db/database';
import { looksLikeSessionToken, newSessionToken, sessionTokenHash } from './session-token';

/** Idle and absolute lifetimes (the newsroom's settings; 12 hours and 7 days unless it says otherwise). */
export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}
export const DEFAULT_LIFETIMES: SessionLifetimes = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 24 * 3_600_000 };

/** A session is marked as seen at most this often: a request per keystroke must not be a write per keystroke. */
const TOUCH_EVERY_MS = 60_000;

export type Client = 'browser' | 'workstation';

/** Who a valid session speaks for, as the permission table and the workflow need them. */
export interface SessionActor {
  id: string;
  name: string;
  login: string;
  role: Role;
  sections: string[];
  admin: boolean;
  mustChangePassword: boolean;
}

interface Row {
  profile_id: string;
  client: Client;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  name: string;
  login: string | null;
  role: Role;
  sections_json: string;
  admin: boolean;
  disabled_at: string | null;
  must_change: boolean | null;
}

const unauthorized = (message: string, reason: string) => new AppError('UNAUTHORIZED', message, { reason });

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly lifetimes: SessionLifetimes = DEFAULT_LIFETIMES,
  ) {}

  /** Starts a session in the caller's transaction; the token is returned once and stored only as its hash. */
  async open(ex: Executor, profileId: string, client: Client, address: string, userAgent: string): Promise<string> {
    const { token, hash } = newSessionToken();
    const at = this.now().toISOString();
    await ex.run('INSERT INTO sessions (token_hash, profile_id, client, address, user_agent, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      hash,
      profileId,
      client,
      address,
      userAgent.slice(0, 300),
      at,
      at,
    ]);
    return token;
  }

  /** The actor a token speaks for, or UNAUTHORIZED in Korean saying why (forged, signed out, expired, disabled). */
  async resolve(token: string | undefined): Promise<SessionActor> {
    if (!token || !looksLikeSessionToken(token)) throw unauthorized('로그인이 필요합니다.', 'missing');
    const hash = sessionTokenHash(token);
    const row = await this.db.get<Row>(
      `SELECT s.profile_id, s.client, s.created_at, s.last_seen_at, s.revoked_at, p.name, p.login, p.role, p.sections_json, p.admin, p.disabled_at, pw.must_change
       FROM sessions s JOIN profiles p ON p.id = s.profile_id LEFT JOIN account_passwords pw ON pw.profile_id = p.id
       WHERE s.token_hash = ?`,
      [hash],
    );
    if (!row) throw unauthorized('로그인이 필요합니다.', 'unknown');
    // Disabled before revoked: disabling ends the sessions too, and the person should read why.
    if (row.disabled_at || !row.login) throw unauthorized('사용이 중지된 계정입니다. 관리자에게 문의하세요.', 'disabled');
    if (row.revoked_at) throw unauthorized('로그아웃되었습니다. 다시 로그인하세요.', 'revoked');
    const now = this.now();
    if (new Date(row.created_at).getTime() + this.lifetimes.absoluteMs <= now.getTime()) {
      throw unauthorized('로그인한 지 오래되어 다시 로그인해야 합니다.', 'absolute');
    }
    const seen = new Date(row.last_seen_at).getTime();
    if (seen + this.lifetimes.idleMs <= now.getTime()) throw unauthorized('오래 사용하지 않아 로그아웃되었습니다. 다시 로그인하세요.', 'idle');
    if (now.getTime() - seen >= TOUCH_EVERY_MS) {
      await this.db.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [now.toISOString(), hash]);
    }
    return {
      id: row.profile_id,
      name: row.name,
      login: row.login,
      role: row.role,
      sections: JSON.parse(row.sections_json) as string[],
      admin: row.admin,
      mustChangePassword: row.must_change === true,
    };
  }

  async revoke(token: string): Promise<string | undefined> {
    if (!looksLikeSessionToken(token)) return undefined;
    const row = await this.db.get<{ profile_id: string }>(
      'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL RETURNING profile_id',
      [this.now().toISOString(), sessionTokenHash(token)],
    );
    return row?.profile_id;
  }

  /** Ends every session of a profile at once (sign out everywhere, a disabled account, a reset password). */
  async revokeAll(ex: Executor, profileId: string): Promise<number> {
    const { changes } = await ex.run('UPDATE sessions SET revoked_at = ? WHERE profile_id = ? AND revoked_at IS NULL', [this.now().toISOString(), profileId]);
    return changes;
  }
}
