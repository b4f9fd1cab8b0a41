import { describe, expect, it } from 'vitest';
import { GhostError, koreanGhostMessage } from '../../electron/publish/ghost-client';
import { bylineTag, bylineTagSlug, featureCaption, ghostExcerpt, htmlCard } from '../../electron/publish/ghost';

describe('a story as a Ghost post', () => {
  it('keeps a deck of up to 300 characters whole and shortens a longer one at a word break, with "…"', () => {
    const short = '과기정통부 장관이 미국 뉴욕을 방문해 양자기술 협력을 논의했다.';
    expect(ghostExcerpt(short)).toBe(short);
    const exact = '가'.repeat(300);
    expect(ghostExcerpt(exact)).toBe(exact);
    const long = Array.from({ length: 80 }, (_, i) => `문장${i}`).join(' ');
    const cut = ghostExcerpt(long);
    expect(Array.from(cut).length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
    // Characters as Ghost counts them: an emoji is one, never split in half.
    const emoji = '😀'.repeat(301);
    expect(Array.from(ghostExcerpt(emoji))).toHaveLength(300);
  });

  it('ties the post to its story by a hidden tag Ghost slugs "hash-…"', () => {
    const id = '5F0C2A9E-7B1D-4E3A-9C8F-2D6B4A1E0F37';
    expect(bylineTag(id)).toBe(`#byline-${id}`);
    expect(bylineTagSlug(id)).toBe('hash-byline-5f0c2a9e-7b1d-4e3a-9c8f-2d6b4a1e0f37');
  });

  it('escapes the feature image caption (Ghost renders it as HTML) and keeps the converter’s HTML in one HTML card', () => {
    expect(featureCaption(' 배경훈 장관 <가운데> ', '과기정통부 제공')).toBe('배경훈 장관 &lt;가운데&gt; 과기정통부 제공');
    expect(featureCaption('', '')).toBe('');
    expect(htmlCard('<p>본문</p>')).toBe('<!--kg-card-begin: html-->\n<p>본문</p>\n<!--kg-card-end: html-->');
  });

  it('says in Korean what went wrong, and retries only what may pass', () => {
    expect(koreanGhostMessage(401, 'UnauthorizedError', 'Invalid token', true)).toMatch(/Admin API 키.*HTTP 401/);
    expect(koreanGhostMessage(403, 'NoPermissionError', 'no', true)).toContain('권한이 없습니다');
    expect(koreanGhostMessage(422, 'ValidationError', 'Validation error', true)).toContain('받아들이지 않았습니다');
    expect(koreanGhostMessage(404, undefined, '', false)).toContain('사이트 주소');
    expect(koreanGhostMessage(404, 'NotFoundError', 'Post not found.', true)).toContain('찾을 수 없습니다');
    expect(koreanGhostMessage(503, undefined, '', false)).toContain('서버 오류');
    expect(new GhostError('http', 'x', 500).retryable).toBe(true);
    expect(new GhostError('timeout', 'x').retryable).toBe(true);
    expect(new GhostError('network', 'x').retryable).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(new GhostError('http', 'x', status).retryable).toBe(false);
  });
});
