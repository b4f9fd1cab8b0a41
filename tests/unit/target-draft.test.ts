import { describe, expect, it } from 'vitest';
import { draftOf, inputOf, keepsSecret, newDraft, withKind } from '../../renderer/views/publish/target-draft';
import type { PublishTarget } from '../../shared/contract-publish';
import { PublishTargetInput } from '../../shared/publish-targets/index';

/*
 * The settings panel's draft of a target: values keyed as the kind's settings document, sent whole, the
 * secret only when typed, and the warning that an edit drops the stored secret said exactly when the
 * server will drop it (a setting the secret is bound to changed).
 */

const AT = '2026-03-01T09:00:00.000Z';

function stored(kind: string, settings: Record<string, unknown>, hasSecret = true): PublishTarget {
  return { id: 4, kind, name: '본사', settings, hasSecret, problem: null, createdAt: AT, updatedAt: AT };
}

describe('a target draft', () => {
  it('a new target starts from its kind’s fields, and a switch of kind keeps the name and the address', () => {
    const wp = { ...newDraft('wordpress'), name: '본사' };
    expect(wp.values).toEqual({ url: 'https://', username: '', takedown: 'draft', correctionPrefix: false });
    const typed = { ...wp, values: { ...wp.values, url: 'https://news.example.com', username: 'desk' } };
    const bundle = withKind(typed, 'html-bundle');
    expect(bundle).toMatchObject({ kind: 'html-bundle', name: '본사', values: { url: 'https://news.example.com', folder: '', correctionPrefix: false } });
    expect(bundle.values).not.toHaveProperty('username');
  });

  it('sends the whole settings document, the secret only when typed, in the shape the contract parses', () => {
    const d = { ...newDraft('ghost'), name: 'Ghost', values: { url: 'https://blog.example.com', takedown: 'trash', correctionPrefix: true } };
    expect(inputOf(d)).toEqual({ kind: 'ghost', name: 'Ghost', settings: { url: 'https://blog.example.com', takedown: 'trash', correctionPrefix: true } });
    expect(PublishTargetInput.safeParse(inputOf({ ...d, id: 4 })).success).toBe(true);
    const key = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
    expect(inputOf({ ...d, secret: key })).toMatchObject({ secret: key });
  });

  it('reads a stored target back, ignoring keys its kind does not have; an unknown kind cannot be edited here', () => {
    const t = stored('html-bundle', { url: 'https://x.example.com/', folder: 'portal', correctionPrefix: true, stray: 1 }, false);
    expect(draftOf(t)).toEqual({
      id: 4,
      kind: 'html-bundle',
      name: '본사',
      // Read before the ninjs choice and the logo existed: they start as a new target's do.
      values: { url: 'https://x.example.com/', folder: 'portal', correctionPrefix: true, logoUrl: '', ninjs: '3.1' },
      secret: '',
    });
    expect(draftOf(stored('medium', {}))).toBeUndefined();
  });

  it('says the stored secret stays exactly while the settings it is bound to stay', () => {
    const t = stored('wordpress', { url: 'https://news.example.com', username: 'desk', takedown: 'draft', correctionPrefix: false });
    const d = draftOf(t)!;
    expect(keepsSecret(d, t)).toBe(true);
    expect(keepsSecret({ ...d, values: { ...d.values, takedown: 'trash', correctionPrefix: true } }, t)).toBe(true);
    expect(keepsSecret({ ...d, values: { ...d.values, url: ' https://news.example.com ' } }, t)).toBe(true);
    expect(keepsSecret({ ...d, values: { ...d.values, username: 'intruder' } }, t)).toBe(false);
    expect(keepsSecret({ ...d, values: { ...d.values, url: 'https://elsewhere.example.com' } }, t)).toBe(false);
    expect(keepsSecret(d, { ...t, hasSecret: false })).toBe(false);
    const bundle = stored('html-bundle', { url: 'https://x.example.com/', folder: 'portal', correctionPrefix: false }, false);
    expect(keepsSecret(draftOf(bundle)!, bundle)).toBe(false);
  });
});
