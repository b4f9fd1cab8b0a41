/**
 * Cuts text into the words (어절) the spelling engine looks up, with UTF-16 offsets into the text as
 * given. Only Hangul is checked: numbers, Latin, hanja, URLs and e-mail addresses are someone else's
 * concern, and a Hangul run glued to a number or a Latin word (9월, 5개, IBM과, K-팝) is a unit,
 * counter or particle whose stem the dictionary cannot judge. Bracketed credits — [뉴스출처 : …],
 * 【서울=뉴시스】 and a lead's opening (포탈뉴스통신) — are names, not prose.
 */

export interface SpellToken {
  start: number;
  end: number;
  word: string;
}

function isSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Letters, digits and ideographs: what makes a Hangul run right after it part of a non-Korean word. */
function isForeignWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff10 && c <= 0xff5a)
  );
}

const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|@[^\s@]+\.[^\s@]/i;
const CLOSERS: Record<string, string> = { '[': ']', '【': '】', '［': '］', '〔': '〕' };

/** Spans to leave alone: links, e-mail, bracketed credits and the lead's opening parenthesis. */
function skippedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    if (LINK.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  }
  for (let i = 0; i < text.length; i += 1) {
    const closer = CLOSERS[text[i]!];
    if (!closer) continue;
    const end = text.indexOf(closer, i + 1);
    if (end < 0) continue;
    spans.push([i, end + 1]);
    i = end;
  }
  const lead = /^\s*\(([^()]{1,30})\)/.exec(text);
  if (lead) spans.push([0, lead[0].length]);
  return spans;
}

export function spellTokens(text: string): SpellToken[] {
  const skipped = skippedSpans(text);
  const inSkipped = (at: number): boolean => skipped.some(([s, e]) => at >= s && at < e);
  const tokens: SpellToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isSyllable(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && isSyllable(text.charCodeAt(i))) i += 1;
    const glued = start > 0 && isForeignWordChar(text.charCodeAt(start - 1));
    if (glued || inSkipped(start)) continue;
    tokens.push({ start, end: i, word: text.slice(start, i) });
  }
  return tokens;
}
