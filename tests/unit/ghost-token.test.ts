import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ghostAdminToken } from '../../electron/publish/ghost-token';
import { PublishTargetInput } from '../../shared/contract-publish';

const id = randomBytes(12).toString('hex');
const secretHex = randomBytes(32).toString('hex');
const key = `${id}:${secretHex}`;

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Ghost Admin API token', () => {
  it('is an HS256 JWT with kid = key id, aud /admin/, five minutes long, signed with the hex-decoded secret', () => {
    const now = new Date('2026-03-05T01:20:00.000Z');
    const token = ghostAdminToken(key, now);
    const [header, payload, signature] = token.split('.');
    expect(decode(header!)).toEqual({ alg: 'HS256', typ: 'JWT', kid: id });
    const iat = now.getTime() / 1000;
    expect(decode(payload!)).toEqual({ iat, exp: iat + 300, aud: '/admin/' });
    // Verified independently: HMAC-SHA256 over "header.payload" with the secret's bytes, not its hex text.
    const expected = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
    const withTextKey = createHmac('sha256', secretHex).update(`${header}.${payload}`).digest('base64url');
    expect(signature).not.toBe(withTextKey);
    expect(token).not.toContain(secretHex);
  });

  it('is made fresh from the clock each time', () => {
    const a = ghostAdminToken(key, new Date('2026-03-05T01:20:00.000Z'));
    const b = ghostAdminToken(key, new Date('2026-03-05T01:21:00.000Z'));
    expect(a).not.toBe(b);
    expect(decode(b.split('.')[1]!).iat).toBe((decode(a.split('.')[1]!).iat as number) + 60);
  });
});

describe('a Ghost target’s Admin API key in the contract', () => {
  const base = { kind: 'ghost', name: '고스트 홈페이지', settings: { url: 'https://ghost.example.com' } };

  it('takes "<24 hex>:<64 hex>" and refuses anything else with a Korean message', () => {
    expect(PublishTargetInput.safeParse({ ...base, secret: key }).success).toBe(true);
    expect(PublishTargetInput.safeParse({ ...base, secret: ` ${key}\n` }).success).toBe(true);
    for (const bad of [
      secretHex,
      `${id}:${secretHex.slice(1)}`,
      `${id}:${secretHex}:x`,
      'abcd efgh ijkl mnop qrst uvwx',
      `${id.toUpperCase()}:${secretHex}`,
      '0123456789abcdef01234567',
    ]) {
      const r = PublishTargetInput.safeParse({ ...base, secret: bad });
      expect(r.success, bad).toBe(false);
      if (!r.success) {
        expect(r.error.issues[0]!.path).toEqual(['secret']);
        expect(r.error.issues[0]!.message).toContain('Admin API 키');
      }
    }
    // Absent: the stored key is kept. A WordPress password is not held to Ghost's shape.
    expect(PublishTargetInput.safeParse({ ...base, id: 3 }).success).toBe(true);
    expect(
      PublishTargetInput.safeParse({
        ...base,
        kind: 'wordpress',
        settings: { url: 'https://wp.example.com', username: 'desk' },
        secret: 'abcd efgh ijkl mnop qrst uvwx',
      }).success,
    ).toBe(true);
  });
});
