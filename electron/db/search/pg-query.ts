/**
 * The search index on PostgreSQL (migrations/003 and 004, their postgres halves): the same pre-shaped text as FTS5 gets,
 * made into a tsvector by the 'simple' configuration. Two things keep its answers FTS5's:
 * - the text is split here, as FTS5's unicode61 tokenizer splits it, before PostgreSQL sees it: its own
 *   parser keeps e-mail addresses, file names, hyphenated words and decimals as tokens of their own,
 *   so "hong" would not find hong@example.com nor "photo" photo-1.jpg;
 * - the FTS5 expression the code builds (shared/korean-tokens.ts, search/facets.ts) is translated into
 *   tsquery syntax rather than built twice, so both engines answer the one query.
 */

/**
 * What FTS5's `unicode61 remove_diacritics 2` makes of shaped text: lower-cased, Latin diacritics
 * dropped, split at anything not a letter, digit or private-use character. Lower-cased here because
 * PostgreSQL's lower() leaves non-ASCII letters alone in a C-locale database.
 */
export function pgTokens(shaped: string): string[] {
  return shaped
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter(Boolean);
}

export function pgIndexText(shaped: string): string {
  return pgTokens(shaped).join(' ');
}

/**
 * Which tsvector weight holds each FTS5 column of an index (as the PostgreSQL migration assigns them);
 * '' for a column whose tokens occur in no other (the facet tokens), matched at any weight.
 */
export type ColumnWeights = Readonly<Record<string, 'A' | 'B' | 'C' | 'D' | ''>>;

type Token = { kind: 'phrase'; text: string } | { kind: 'word'; text: string } | { kind: 'op'; text: '(' | ')' | ':' | '*' };

function lex(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) i += 1;
    else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= expression.length) throw new Error(`unterminated phrase in search expression: ${expression}`);
        if (expression[j] === '"') {
          if (expression[j + 1] !== '"') break;
          text += '"';
          j += 2;
        } else text += expression[j++];
      }
      tokens.push({ kind: 'phrase', text });
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ':' || c === '*') {
      tokens.push({ kind: 'op', text: c });
      i += 1;
    } else {
      const word = /^[^\s"():*]+/.exec(expression.slice(i))![0];
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

const lexeme = (token: string, label: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${label ? `:${label}` : ''}`;

/** A part of the expression as `match` and as `loose` (see TsQueries). */
interface Both {
  m: string;
  l: string;
}

/** Where a term stands: the weight of its column filter, and whether it counts towards the rank. */
interface Context {
  weight: string;
  ranked: boolean;
}

export interface TsQueries {
  /** Which rows match: the whole expression. */
  match: string;
  /**
   * What ts_rank weighs: every word the rows must hold, ORed. ts_rank scores an AND by the distance
   * between its words, so a word a row must not hold (the archive filter) or one every row holds alike
   * (a facet) would decide the order; bm25, which this stands in for, sums what each word says instead.
   */
  rank: string;
  /**
   * Rows that may match, answered by the GIN index alone: the GIN index holds neither positions nor
   * weights, so a phrase or a column filter makes PostgreSQL read every candidate's whole tsvector to
   * recheck it. Here a phrase is its words ANDed and column filters are dropped (a negated term stays
   * as it is, which keeps this a superset of `match`). Equal to `match` when nothing needs a recheck.
   */
  loose: string;
}

/**
 * FTS5 expression → to_tsquery('simple', …) texts. Only the FTS5 the code builds is understood: quoted
 * phrases (a phrase of several tokens → `<->`), a trailing `*` (prefix of the last token → `:*`),
 * `column :` filters (→ that column's weight), parentheses, AND, OR, NOT. FTS5 binds NOT tighter than
 * AND and AND tighter than OR; each level is parenthesised here, so tsquery's own precedence never decides.
 * Words under a column in `unranked` (the facet tokens) are left out of the rank.
 */
export function toTsQuery(expression: string, weights: ColumnWeights, unranked: ReadonlySet<string> = new Set()): TsQueries {
  const tokens = lex(expression);
  const rankWords = new Set<string>();
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (text: string) => {
    const t = peek();
    return t !== undefined && ((t.kind === 'op' && t.text === text) || (t.kind === 'word' && t.text === text));
  };
  const expect = (text: string) => {
    if (!isOp(text)) throw new Error(`expected ${text} at token ${at} of search expression: ${expression}`);
    at += 1;
  };

  const phrase = (text: string, ctx: Context): Both => {
    const words = pgTokens(text);
    if (words.length === 0) throw new Error(`empty phrase in search expression: ${expression}`);
    const prefix = isOp('*');
    if (prefix) at += 1;
    const star = (k: number) => (prefix && k === words.length - 1 ? '*' : '');
    if (ctx.ranked) words.forEach((w, k) => rankWords.add(lexeme(w, star(k))));
    const parts = words.map((w, k) => lexeme(w, star(k) + ctx.weight));
    const bare = words.map((w, k) => lexeme(w, star(k)));
    return parts.length === 1 ? { m: parts[0]!, l: bare[0]! } : { m: `(${parts.join(' <-> ')})`, l: `(${bare.join(' & ')})` };
  };

  const joined = (parts: Both[], op: string): Both =>
    parts.length === 1 ? parts[0]! : { m: `(${parts.map((p) => p.m).join(op)})`, l: `(${parts.map((p) => p.l).join(op)})` };

  const primary = (ctx: Context): Both => {
    const t = peek();
    if (t === undefined) throw new Error(`search expression ends early: ${expression}`);
    if (t.kind === 'op' && t.text === '(') {
      at += 1;
      // Each level wraps itself when it joins more than one part, so the group needs no parentheses of its own.
      const inner = or(ctx);
      expect(')');
      return inner;
    }
    if (t.kind === 'phrase') {
      at += 1;
      return phrase(t.text, ctx);
    }
    if (t.kind === 'word' && tokens[at + 1]?.kind === 'op' && tokens[at + 1]!.text === ':') {
      const weight = weights[t.text];
      if (weight === undefined) throw new Error(`unknown column ${t.text} in search expression: ${expression}`);
      at += 2;
      return primary({ weight, ranked: ctx.ranked && !unranked.has(t.text) });
    }
    if (t.kind === 'word' && !['AND', 'OR', 'NOT'].includes(t.text)) {
      at += 1;
      return phrase(t.text, ctx);
    }
    throw new Error(`unexpected ${t.text} at token ${at} of search expression: ${expression}`);
  };

  const not = (ctx: Context): Both => {
    let left = primary(ctx);
    while (isOp('NOT')) {
      at += 1;
      const right = primary({ ...ctx, ranked: false }).m;
      left = { m: `(${left.m} & !${right})`, l: `(${left.l} & !${right})` };
    }
    return left;
  };

  const and = (ctx: Context): Both => {
    const parts = [not(ctx)];
    for (;;) {
      if (isOp('AND')) at += 1;
      else {
        // FTS5 reads two terms side by side as AND too.
        const t = peek();
        if (t === undefined || isOp(')') || isOp('OR')) break;
      }
      parts.push(not(ctx));
    }
    return joined(parts, ' & ');
  };

  const or = (ctx: Context): Both => {
    const parts = [and(ctx)];
    while (isOp('OR')) {
      at += 1;
      parts.push(and(ctx));
    }
    return joined(parts, ' | ');
  };

  const { m: match, l: loose } = or({ weight: '', ranked: true });
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]!.text} at token ${at} of search expression: ${expression}`);
  return { match, rank: rankWords.size > 0 ? [...rankWords].join(' | ') : match, loose };
}
