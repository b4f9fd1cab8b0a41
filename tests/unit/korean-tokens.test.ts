import { describe, expect, it } from 'vitest';
import { bigramText, matchExpression, parseSearchQuery, runEndSyllables } from '../../shared/korean-tokens';
import { makeSnippet } from '../../shared/snippet';

describe('Hangul bigrams for the index', () => {
  it('turns Hangul runs into overlapping pairs and leaves other text alone', () => {
    expect(bigramText('배경훈 장관은').trim().split(/\s+/)).toEqual(['배경', '경훈', '장관', '관은']);
    expect(bigramText('IBM과 2025년').trim().split(/\s+/)).toEqual(['IBM', '과', '2025', '년']);
    expect(bigramText('').trim()).toBe('');
  });

  it('composes decomposed jamo first, so 장관 typed as jamo matches 장관', () => {
    expect(bigramText('\u110C\u1161\u11BC\u1100\u116A\u11AB').trim()).toBe('장관');
  });

  it('keeps the last syllable of each longer run for one-syllable queries', () => {
    expect(runEndSyllables('배경훈 장관은 IBM과')).toBe('훈 은');
  });
});

describe('queries', () => {
  it('quotes every token, so operators and column names typed by a user are only words', () => {
    expect(matchExpression(parseSearchQuery('장관 OR headline:날씨'))).toBe('"장관" AND "or" AND "headline 날씨"');
    expect(matchExpression(parseSearchQuery('"출근길 빙판"'))).toBe('"출근 근길 빙판"');
    expect(parseSearchQuery('" " ***')).toEqual([]);
  });

  it('makes a lone final syllable a prefix, and a one-syllable query also looks at run ends', () => {
    expect(matchExpression(parseSearchQuery('2025년'))).toBe('"2025 년" *');
    expect(matchExpression(parseSearchQuery('양'))).toBe('("양" * OR singles : "양")');
  });
});

describe('snippets', () => {
  it('centres on the first match and marks every match inside it', () => {
    const text = `${'가'.repeat(200)} 장관은 뉴욕에서 장관급 회담을 했다.`;
    const { snippet, highlights } = makeSnippet(text, ['장관']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['장관', '장관']);
  });

  it('starts at the beginning when the match is early, and merges overlapping marks', () => {
    const { snippet, highlights } = makeSnippet('부장관 회의', ['부장관', '장관']);
    expect(snippet).toBe('부장관 회의');
    expect(highlights).toEqual([[0, 3]]);
  });
});
