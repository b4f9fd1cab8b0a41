import { describe, expect, it } from 'vitest';
import { stripNul } from '../../shared/strip-nul';

describe('NUL characters at the contract boundary', () => {
  it('are removed from every string, however deep, and nothing else changes', () => {
    const bytes = new Uint8Array([0, 1, 0]);
    const input = {
      headline: '장관\u0000은',
      fields: { tags: ['양자\u0000', '협력'], body: { root: { children: [{ text: 'java\u0000script:' }] } } },
      n: 3,
      ok: true,
      none: null,
      data: bytes,
    };
    const out = stripNul(input);
    expect(out).toEqual({
      headline: '장관은',
      fields: { tags: ['양자', '협력'], body: { root: { children: [{ text: 'javascript:' }] } } },
      n: 3,
      ok: true,
      none: null,
      data: bytes,
    });
    // File bytes are data, not text: a photo keeps its zero bytes.
    expect(Array.from(out.data)).toEqual([0, 1, 0]);
  });
});
