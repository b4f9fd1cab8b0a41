import { describe, expect, it } from 'vitest';
import { koreanDay, postSlug, slugWords } from '../../electron/publish/post-slug';
import { idempotencyKey, isStoryNumberKey, storyTag } from '../../electron/publish/story-key';
import { Slug } from '../../shared/article';

const id = '0b9f6c1e-3a2d-4c5b-8e7f-1a2b3c4d5e6f';
const at = new Date('2026-12-06T16:30:00Z'); // 7 December, 01:30 in Seoul
const slug = (headline: string, editorSlug = '') => postSlug('date-words', { articleId: id, headline, editorSlug, at });

describe('a post slug from the headline', () => {
  it('is the Korean day and the headline in Revised Romanization', () => {
    expect(koreanDay(at)).toBe('2026-12-07');
    expect(slug('양자 기술 협력')).toBe('2026-12-07-yangja-gisul-hyeomnyeok');
    expect(slug('과기정통부, 美 브룩헤이븐 연구소와 "양자" 협력…IBM MOU')).toBe(
      '2026-12-07-gwagijeongtongbu-beurukeibeun-yeongusowa-yangja-hyeomnyeok-ibm-mou',
    );
  });

  it('keeps at most eight words and 80 characters, cut at a word, ASCII only', () => {
    const long = slug('가나다라마바사 아자차카타파하 가나다라마바사 아자차카타파하 가나다라마바사 아자차카타파하 가나다라마바사 아자차카타파하 가나다');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^2026-12-07(-[a-z0-9]+)+$/);
    expect(long.endsWith('-')).toBe(false);
    expect(slugWords('하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열')).toHaveLength(8);
    expect(slug('Café déjà vu — 서울')).toBe('2026-12-07-cafe-deja-vu-seoul');
  });

  it('gives a headline of only punctuation or emoji a valid slug: the day and the story number', () => {
    for (const h of ['🎉🔥!!', '“…”', '', '   ', '<script>alert(1)</script>'.replace(/[a-z0-9]/g, '')]) {
      const s = slug(h);
      expect(s).toBe(`2026-12-07-${storyTag(id)}`);
      expect(Slug.safeParse(s).success).toBe(true);
    }
    expect(Slug.safeParse(slug('<script>alert(1)</script>')).success).toBe(true);
  });

  it("uses the editor's own slug when there is one, and the story number under that rule", () => {
    expect(slug('양자 기술 협력', 'quantum-mou')).toBe('quantum-mou');
    expect(postSlug('story-number', { articleId: id, headline: '양자', editorSlug: '', at })).toBe(idempotencyKey(id, ''));
    expect(isStoryNumberKey(idempotencyKey(id, ''))).toBe(true);
    expect(isStoryNumberKey(idempotencyKey(id, 'quantum-mou'))).toBe(true);
    expect(isStoryNumberKey(slug('양자 기술 협력'))).toBe(false);
    // The fallback carries the story's number, so its slug alone is the story's.
    expect(isStoryNumberKey(slug('🎉'))).toBe(true);
  });
});
