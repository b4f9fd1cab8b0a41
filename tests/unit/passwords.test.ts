import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, MAX_PASSWORD_CHARS, needsRehash, OWASP_COST, verifyPassword } from '../../electron/server/passwords';
import { looksLikeSessionToken, newSessionToken, sessionTokenHash } from '../../electron/server/session-token';

/** A cheap cost for the round trips; one test pays OWASP's full cost once, to prove it runs within Node's limits. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('verifies the password it was made from and nothing else, Korean and composed forms included', async () => {
    const stored = await hashPassword('편집국 비밀번호 2026!', CHEAP);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('편집국');
    expect(await verifyPassword('편집국 비밀번호 2026!', stored)).toBe(true);
    expect(await verifyPassword('편집국 비밀번호 2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    // The same syllables typed as decomposed jamo (a Mac's IME can send them) are the same password.
    expect(await verifyPassword('편집국 비밀번호 2026!'.normalize('NFD'), stored)).toBe(true);
  });

  it('salts every hash: the same password twice gives two hashes', async () => {
    expect(await hashPassword('same', CHEAP)).not.toBe(await hashPassword('same', CHEAP));
  });

  it('refuses malformed, truncated or absurdly dear stored hashes without throwing', async () => {
    const good = await hashPassword('pw', CHEAP);
    for (const bad of ['', 'plain', good.slice(0, -5), good.replace('scrypt', 'md5'), 'scrypt$2147483648$8$1$AAAA$AAAA', 'scrypt$x$8$1$a$b']) {
      expect([bad, await verifyPassword('pw', bad)]).toEqual([bad, false]);
    }
  });

  it('refuses a password longer than any passphrase, before hashing it', async () => {
    await expect(hashPassword('가'.repeat(MAX_PASSWORD_CHARS + 1), CHEAP)).rejects.toThrow(RangeError);
    expect(await verifyPassword('가'.repeat(MAX_PASSWORD_CHARS + 1), await hashPassword('x', CHEAP))).toBe(false);
  });

  it("hashes at OWASP's cost within Node's memory limit, and says when an older, cheaper hash needs redoing", async () => {
    const stored = await decoyHash(OWASP_COST);
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(await hashPassword('pw', CHEAP))).toBe(true);
  });
});

describe('session tokens', () => {
  it('are 256 random bits, stored only as a hash', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.hash).toBe(sessionTokenHash(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(looksLikeSessionToken(a.token)).toBe(true);
    for (const forged of ['', 'x', `${a.token}=`, a.token.slice(1), `${a.token.slice(0, 42)}+`, 'a'.repeat(4096)])
      expect(looksLikeSessionToken(forged)).toBe(false);
  });
});
