import type { Executor } from '../db/database';

/**
 * Failed sign-ins slow down, then lock out, per login and per address, counted in the database so that
 * every server process sees the same count. A newsroom behind one NAT address shares the address's
 * count, so its limits are higher than a login's. Unknown logins count too: the answer to a wrong
 * login and a wrong password must be the same.
 */
export interface ThrottlePolicy {
  /** Failures are forgotten after this long without another. */
  windowMs: number;
  /** From this many failures on, each further failure makes the next try wait (doubling, capped). */
  slowFrom: number;
  maxDelayMs: number;
  /** At this many failures the key is locked for `lockMs`. */
  lockAt: number;
  lockMs: number;
}

export const LOGIN_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, slowFrom: 5, maxDelayMs: 60_000, lockAt: 10, lockMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, slowFrom: 25, maxDelayMs: 60_000, lockAt: 50, lockMs: 15 * 60_000 };

interface FailureRow {
  failures: number;
  first_at: string;
  last_at: string;
  locked_until: string | null;
}

export const loginKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Until when `key` may not try again; undefined when it may now. */
export async function blockedUntil(ex: Executor, key: string, now: Date): Promise<Date | undefined> {
  const row = await ex.get<FailureRow>('SELECT failures, first_at, locked_until FROM sign_in_failures WHERE key = ?', [key]);
  if (!row?.locked_until || row.locked_until <= now.toISOString()) return undefined;
  return new Date(row.locked_until);
}

/** Counts one failure for `key`; returns whether this failure locked it out (for the audit log). */
export async function recordFailure(ex: Executor, key: string, now: Date, policy: ThrottlePolicy): Promise<{ failures: number; lockedOut: boolean }> {
  const row = await ex.get<FailureRow>('SELECT failures, first_at, locked_until FROM sign_in_failures WHERE key = ?', [key]);
  // Forgotten after a quiet window, not a fixed one: a guesser slowed to one try a minute still reaches the lock.
  const fresh = !row || new Date(row.last_at).getTime() + policy.windowMs < now.getTime();
  const failures = fresh ? 1 : row.failures + 1;
  const firstAt = fresh ? now.toISOString() : row.first_at;
  let until: Date | null = null;
  if (failures >= policy.lockAt) until = new Date(now.getTime() + policy.lockMs);
  else if (failures >= policy.slowFrom) until = new Date(now.getTime() + Math.min(policy.maxDelayMs, 1_000 * 2 ** (failures - policy.slowFrom)));
  await ex.run(
    `INSERT INTO sign_in_failures (key, failures, first_at, last_at, locked_until) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, last_at = excluded.last_at, locked_until = excluded.locked_until`,
    [key, failures, firstAt, now.toISOString(), until?.toISOString() ?? null],
  );
  return { failures, lockedOut: failures === policy.lockAt };
}

/** A successful sign-in forgets the login's failures (not the address's: one good password must not unlock a guessing address). */
export async function forgetFailures(ex: Executor, key: string): Promise<void> {
  await ex.run('DELETE FROM sign_in_failures WHERE key = ?', [key]);
}
