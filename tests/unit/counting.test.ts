import { describe, expect, it } from 'vitest';
import { SHEET_CHARACTERS, countCharacters, countWords, gridSheets, manuscriptSheets, readingMinutes, sheetsFor, articleCounts } from '../../shared/counting';

describe('countCharacters', () => {
  it('counts each Hangul syllable once', () => {
    expect(countCharacters('양자기술')).toEqual({ withSpaces: 4, withoutSpaces: 4 });
  });

  it('counts a decomposed jamo sequence (choseong + jungseong) as one character', () => {
    expect(countCharacters('\u1100\u1161')).toEqual({ withSpaces: 1, withoutSpaces: 1 });
    // 한 spelled with conjoining jamo (ᄒ ᅡ ᆫ) is one grapheme too.
    expect(countCharacters('\u1112\u1161\u11ab\u1100\u1173\u11af')).toEqual({ withSpaces: 2, withoutSpaces: 2 });
  });

  it('counts precomposed and decomposed spellings of the same word alike', () => {
    const composed = '한글 기사';
    expect(countCharacters(composed.normalize('NFD'))).toEqual(countCharacters(composed));
  });

  it('counts ZWJ emoji sequences, flags and skin tones as one character each', () => {
    expect(countCharacters('👨‍👩‍👧‍👦').withSpaces).toBe(1);
    expect(countCharacters('🇰🇷').withSpaces).toBe(1);
    expect(countCharacters('👍🏽').withSpaces).toBe(1);
    expect(countCharacters('🇰🇷🇺🇸 협력').withSpaces).toBe(5);
  });

  it('counts a base letter with combining marks once', () => {
    expect(countCharacters('e\u0301').withSpaces).toBe(1);
  });

  it('counts spaces in withSpaces but not in withoutSpaces', () => {
    expect(countCharacters('배경훈 장관, 한미 협력')).toEqual({ withSpaces: 13, withoutSpaces: 10 });
    expect(countCharacters('   ')).toEqual({ withSpaces: 3, withoutSpaces: 0 });
  });

  it('treats tabs and the ideographic space as spaces', () => {
    expect(countCharacters('가\t나\u3000다')).toEqual({ withSpaces: 5, withoutSpaces: 3 });
  });

  it('never counts line breaks (LF, CRLF, CR)', () => {
    expect(countCharacters('가\n나')).toEqual({ withSpaces: 2, withoutSpaces: 2 });
    expect(countCharacters('가\r\n나\r다')).toEqual({ withSpaces: 3, withoutSpaces: 3 });
    expect(countCharacters('\n\n\n')).toEqual({ withSpaces: 0, withoutSpaces: 0 });
  });

  it('gives zero for the empty string', () => {
    expect(countCharacters('')).toEqual({ withSpaces: 0, withoutSpaces: 0 });
  });

  it('counts the agency credit and attribution line as a reporter would', () => {
    expect(countCharacters('(포탈뉴스통신)').withSpaces).toBe(8);
    expect(countCharacters('[뉴스출처 : 과학기술정보통신부]')).toEqual({ withSpaces: 18, withoutSpaces: 16 });
  });
});

describe('sheetsFor / manuscriptSheets (원고지 매수)', () => {
  it('uses 200 characters per sheet', () => {
    expect(SHEET_CHARACTERS).toBe(200);
  });

  it.each([
    [0, 0],
    [200, 1],
    [250, 1.3], // 1.25 rounds half up to 1.3
    [1999, 10],
    [2000, 10],
    [100, 0.5],
    [10, 0.1],
    [9, 0],
    [330, 1.7],
    [20_000, 100],
  ])('%i characters make %d sheets', (characters, sheets) => {
    expect(sheetsFor(characters)).toBe(sheets);
  });

  it('rounds to one decimal for every count up to 5,000', () => {
    for (let n = 0; n <= 5_000; n += 1) {
      const sheets = sheetsFor(n);
      expect(Math.round(sheets * 10) / 10).toBe(sheets);
      expect(Math.abs(sheets - n / 200)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('counts text with spaces, without line breaks', () => {
    const line = '가'.repeat(100);
    expect(manuscriptSheets(`${line}\n${line}`)).toBe(1);
    expect(manuscriptSheets(`${line} ${line}`)).toBe(1);
    expect(manuscriptSheets(`${'가 '.repeat(125)}`)).toBe(1.3);
    expect(manuscriptSheets('')).toBe(0);
  });

  it('counts graphemes, not UTF-16 code units', () => {
    expect(manuscriptSheets('🇰🇷'.repeat(200))).toBe(1);
    expect(manuscriptSheets('\u1100\u1161'.repeat(200))).toBe(1);
  });
});

describe('words, reading time and the grid mode of 원고지', () => {
  it('counts 어절 as runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('과기정통부 배경훈 장관은  미국 뉴욕을\n방문했다.')).toBe(6);
  });

  it('reads 500 characters (without spaces) a minute, at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(1_000)).toBe(2);
    expect(readingMinutes(1_300)).toBe(3);
  });

  it('grid mode charges each paragraph an indent cell and the unused end of its last row (20 × 10 cells a sheet)', () => {
    // 19 characters + indent = one full row; 20 characters + indent spill into a second row.
    expect(gridSheets('가'.repeat(19))).toBe(0.1);
    expect(gridSheets('가'.repeat(20))).toBe(0.2);
    // Ten one-character paragraphs take ten rows, a whole sheet, though the simple count says 0.1.
    const tenShort = Array.from({ length: 10 }, () => '가').join('\n');
    expect(gridSheets(tenShort)).toBe(1);
    expect(manuscriptSheets(tenShort)).toBe(0.1);
    // Blank lines between paragraphs take no row.
    expect(gridSheets('가\n\n나')).toBe(0.2);
  });

  it('articleCounts gives the whole status bar at once', () => {
    expect(articleCounts('장관 은\n방문')).toEqual({ withSpaces: 6, withoutSpaces: 5, words: 3, sheets: 0, gridSheets: 0.2, readingMinutes: 1 });
  });
});
