import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes for the newsroom server's accounts: scrypt at OWASP's recommended cost (N = 2^17,
 * r = 8, p = 1: 128 MiB and a few hundred milliseconds per hash, deliberately), a 16-byte salt per
 * password, stored as `scrypt$N$r$p$salt$hash` so that a later, dearer cost can sit beside older
 * hashes and be upgraded at the next sign-in. A password is never stored, logged or returned.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const OWASP_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Longer passphrases are welcome; past this a "password" is an attempt to make hashing itself the attack. */
export const MAX_PASSWORD_CHARS = 1_024;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // maxmem above the 128 * N * r bytes scrypt needs, which Node's 32 MiB default refuses at OWASP's cost.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = OWASP_COST): Promise<string> {
  if (password.length > MAX_PASSWORD_CHARS) throw new RangeError('password too long');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return undefined;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

/** A hash with the current cost of a password nobody has: checked against when the account does not exist, so that answer takes as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(cost: ScryptCost = OWASP_COST): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'), cost);
  return decoy;
}

/** Whether `password` matches `stored`, in time that does not depend on where they differ; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_CHARS) return false;
  const parsed = parse(stored);
  if (!parsed || parsed.key.length !== KEY_BYTES) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made at a cost below `cost`: rehash at the next successful sign-in. */
export function needsRehash(stored: string, cost: ScryptCost = OWASP_COST): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}
