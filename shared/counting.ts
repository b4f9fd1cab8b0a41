const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });

/** User-perceived characters (graphemes): 한 is one, a flag emoji is one. Line breaks are not counted. */
export function countCharacters(text: string): { withSpaces: number; withoutSpaces: number } {
  let withSpaces = 0;
  let withoutSpaces = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (segment === '\n' || segment === '\r\n' || segment === '\r') continue;
    withSpaces += 1;
    if (!/^\s+$/u.test(segment)) withoutSpaces += 1;
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
