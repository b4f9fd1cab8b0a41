/**
 * Korean for a full-text index that has no Korean tokenizer: Hangul runs become overlapping
 * two-syllable tokens (as Lucene's CJK bigram filter does), so that 장관 is found inside 장관은,
 * 부장관 or 장관님 from the index. Everything else (Latin words, numbers) is left to FTS5's
 * unicode61 tokenizer. The same function shapes the text at indexing and at query time.
 */

function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/**
 * Calls `run` for each Hangul run and `other` for the text between runs (offsets into `text`). A
 * plain loop over code units: this runs on every save of a 20,000-character story, where a regular
 * expression with per-syllable arrays cost several times more. Hangul lies in the BMP, so a code
 * unit is a syllable.
 */
function scan(text: string, run: (start: number, end: number) => void, other: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const start = i;
    const hangul = isHangul(text.charCodeAt(i));
    while (i < text.length && isHangul(text.charCodeAt(i)) === hangul) i += 1;
    (hangul ? run : other)(start, i);
  }
}

/** "배경훈 장관은 IBM과" → "배경 경훈 장관 관은 IBM 과": bigrams for Hangul, other text as it was. */
export function bigramText(input: string): string {
  const text = input.normalize('NFC');
  const parts: string[] = [];
  scan(
    text,
    (start, end) => {
      if (end - start === 1) {
        parts.push(` ${text[start]!} `);
        return;
      }
      const grams = new Array<string>(end - start - 1);
      for (let k = start; k < end - 1; k += 1) grams[k - start] = text.substring(k, k + 2);
      parts.push(` ${grams.join(' ')} `);
    },
    (start, end) => parts.push(text.slice(start, end)),
  );
  return parts.join('');
}

/**
 * The last syllable of every Hangul run longer than one. A bigram covers each syllable as its
 * first half except the last of a run; indexing those separately lets a one-syllable query
 * (양, 법) be answered from the index too: a prefix match on bigrams, or an exact match here.
 */
export function runEndSyllables(input: string): string {
  const text = input.normalize('NFC');
  const out: string[] = [];
  scan(
    text,
    (start, end) => {
      if (end - start > 1) out.push(text[end - 1]!);
    },
    () => undefined,
  );
  return out.join(' ');
}

export interface QueryTerm {
  /** What the user typed, for highlighting. */
  surface: string;
  /** An FTS5 expression for this term; every term must match. */
  expression: string;
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

function tokensOf(text: string): string[] {
  return bigramText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

const ONE_SYLLABLE = /^[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]$/u;

function expressionFor(surface: string, singlesColumn: string): string | undefined {
  const tokens = tokensOf(surface);
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1 && ONE_SYLLABLE.test(tokens[0]!)) {
    return `(${quote(tokens[0]!)} * OR ${singlesColumn} : ${quote(tokens[0]!)})`;
  }
  // One FTS5 phrase: its tokens (bigrams, words) must stand consecutively, in this order. A lone
  // syllable at the end (2025년, IBM과) is indexed inside a bigram when a particle follows (2025년은),
  // so it matches as a prefix.
  const phrase = quote(tokens.join(' '));
  return ONE_SYLLABLE.test(tokens.at(-1)!) ? `${phrase} *` : phrase;
}

/**
 * The user's query as FTS5 terms: words separated by spaces must all occur; "quoted phrases" must
 * occur as written. Operators and column filters typed by the user are not interpreted, only quoted.
 */
export function parseSearchQuery(input: string, singlesColumn = 'singles'): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"|(\S+)/gu;
  for (const m of input.normalize('NFC').matchAll(pattern)) {
    const surface = (m[1] ?? m[2] ?? '').trim();
    if (!surface) continue;
    const expression = expressionFor(surface, singlesColumn);
    if (expression) terms.push({ surface, expression });
  }
  return terms;
}

export function matchExpression(terms: readonly QueryTerm[]): string {
  return terms.map((t) => t.expression).join(' AND ');
}
