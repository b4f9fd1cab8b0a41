import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens: 256 random bits, handed to the browser (cookie) or workstation (bearer) once and
 * stored only as their SHA-256, so that a copy of the sessions table signs nobody in. A plain hash is
 * enough here (unlike passwords): the token has all the entropy a guess would have to match.
 */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sessionTokenHash(token) };
}

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The shape a token has; anything else (a forged cookie of another form) is refused before a lookup. */
export function looksLikeSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
