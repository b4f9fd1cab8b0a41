import { createHmac } from 'node:crypto';
import { GHOST_ADMIN_KEY_PATTERN } from '../../shared/publish-targets/ghost';

/*
 * Ghost's Admin API takes a short-lived HS256 JWT made from an Admin API key ("<id>:<secret>", the
 * secret in hex). No JWT library is in the app's dependencies, and HS256 is one HMAC: node:crypto does it.
 */

export { GHOST_ADMIN_KEY_PATTERN };

/** Ghost refuses tokens that live longer than five minutes. */
const LIFETIME_SECONDS = 5 * 60;

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** The key's two halves; the caller has checked the shape (the contract does, with a Korean message). */
export function splitAdminKey(key: string): { id: string; secret: Buffer } {
  const [id = '', secret = ''] = key.trim().split(':');
  return { id, secret: Buffer.from(secret, 'hex') };
}

/** A token for one request (or a few): kid = the key's id, aud = '/admin/', valid five minutes from `now`. */
export function ghostAdminToken(key: string, now: Date = new Date()): string {
  const { id, secret } = splitAdminKey(key);
  const iat = Math.floor(now.getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: id }));
  const payload = base64url(JSON.stringify({ iat, exp: iat + LIFETIME_SECONDS, aud: '/admin/' }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
