const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });

/**
 * Anything that can join the previous code point into one user-perceived character: combining marks,
 * joiners and variation selectors, conjoining Hangul jamo (medial vowels and finals), emoji modifiers
 * and flags. Text without them has exactly one grapheme per code point.
 */
// eslint-disable-next-line no-misleading-character-class -- joiners and marks are matched one code point at a time on purpose
const EXTENDERS = /[\p{M}\u200C\u200D\uFE00-\uFE0F\u1160-\u11FF\uD7B0-\uD7FF\p{Emoji_Modifier}\p{Regional_Indicator}\u{E0020}-\u{E007F}]/u;
const WHITESPACE = /\s/u;
const LINE_BREAK = /\r\n|\r|\n/;

function countLine(line: string): { withSpaces: number; withoutSpaces: number } {
  let withSpaces = 0;
  let withoutSpaces = 0;
  if (EXTENDERS.test(line)) {
    // Rare in news copy; Intl.Segmenter is exact but about a hundred times slower than the loop below.
    for (const { segment } of segmenter.segment(line)) {
      withSpaces += 1;
      if (!WHITESPACE.test(segment)) withoutSpaces += 1;
    }
    return { withSpaces, withoutSpaces };
  }
  for (const ch of line) {
    withSpaces += 1;
    const c = ch.charCodeAt(0);
    const space = c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c > 0x7f && WHITESPACE.test(ch));
    if (!space) withoutSpaces += 1;
  }
  return { withSpaces, withoutSpaces };
}

/** User-perceived characters (graphemes): 한 is one, a flag emoji is one. Line breaks are not counted. */
export function countCharacters(text: string): { withSpaces: number; withoutSpaces: number } {
  let withSpaces = 0;
  let withoutSpaces = 0;
  for (const line of text.split(LINE_BREAK)) {
    const counts = countLine(line);
    withSpaces += counts.withSpaces;
    withoutSpaces += counts.withoutSpaces;
  }
  return { withSpaces, withoutSpaces };
}

export const SHEET_CHARACTERS = 200;

/** 원고지 매수 (DESIGN.md's default rule): characters with spaces, without line breaks, over 200, to one decimal. */
export function sheetsFor(charactersWithSpaces: number): number {
  return Math.round((charactersWithSpaces / SHEET_CHARACTERS) * 10) / 10;
}

export function manuscriptSheets(text: string): number {
  return sheetsFor(countCharacters(text).withSpaces);
}

/** 어절: runs of non-space characters, as desks count words in Korean copy. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/gu);
  return matches ? matches.length : 0;
}

/** Silent reading of Korean prose runs at roughly 500 characters (without spaces) a minute. */
export const READING_CHARACTERS_PER_MINUTE = 500;

export function readingMinutes(charactersWithoutSpaces: number): number {
  return charactersWithoutSpaces === 0 ? 0 : Math.max(1, Math.round(charactersWithoutSpaces / READING_CHARACTERS_PER_MINUTE));
}

export const GRID_COLUMNS = 20;
export const GRID_ROWS = 10;

/**
 * 원고지 칸 계산 (grid mode, as Hangul counts): every paragraph starts on a new row with one indent cell,
 * and the unused end of its last row is charged too. A sheet is 20 × 10 cells. Empty paragraphs take no
 * row. Result to one decimal (rows / 10).
 */
export function gridSheets(text: string): number {
  let rows = 0;
  for (const paragraph of text.split(LINE_BREAK)) {
    const cells = countLine(paragraph).withSpaces;
    if (cells === 0) continue;
    rows += Math.ceil((1 + cells) / GRID_COLUMNS);
  }
  return rows / GRID_ROWS;
}

export interface ArticleCounts {
  withSpaces: number;
  withoutSpaces: number;
  words: number;
  sheets: number;
  gridSheets: number;
  readingMinutes: number;
}

/** Everything the status bar shows, from the body's plain text (one line per paragraph). */
export function articleCounts(text: string): ArticleCounts {
  const { withSpaces, withoutSpaces } = countCharacters(text);
  return {
    withSpaces,
    withoutSpaces,
    words: countWords(text),
    sheets: sheetsFor(withSpaces),
    gridSheets: gridSheets(text),
    readingMinutes: readingMinutes(withoutSpaces),
  };
}
