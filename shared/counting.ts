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
