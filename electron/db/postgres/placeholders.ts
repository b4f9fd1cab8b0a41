/**
 * The repositories write `?` placeholders (SQLite's); PostgreSQL numbers them ($1, $2 …). A `?` inside a
 * string literal, a quoted identifier, a dollar-quoted body or a comment is text, not a parameter, so
 * the SQL is scanned rather than searched with a regular expression.
 *
 * PostgreSQL's jsonb operators `?`, `?|` and `?&` cannot be told apart from a placeholder here: portable
 * SQL uses jsonb_exists() / jsonb_exists_any() / jsonb_exists_all() instead.
 */

export interface Translated {
  text: string;
  /** How many placeholders the SQL has: a call with another number of parameters is a bug, said at once. */
  count: number;
}

/** Where a dollar-quoted string starting at `i` ends (after its closing tag), or -1 if `i` starts none. */
function dollarQuoteEnd(sql: string, i: number): number {
  // $tag$ where tag is empty or an identifier that does not start with a digit ($1 is a parameter).
  const open = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
  if (!open) return -1;
  const tag = open[0];
  const close = sql.indexOf(tag, i + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}

/** The end of a '…' literal opening at `i`; E'…' literals also escape with a backslash. */
function quotedEnd(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (sql[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j += 1;
  }
  return sql.length;
}

function blockCommentEnd(sql: string, i: number): number {
  // PostgreSQL's block comments nest.
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth += 1;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return sql.length;
}

export function translatePlaceholders(sql: string): Translated {
  let out = '';
  let count = 0;
  let from = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    let skipTo = -1;
    if (c === "'") {
      const prev = sql[i - 1];
      const escaped = (prev === 'E' || prev === 'e') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
      skipTo = quotedEnd(sql, i, "'", escaped);
    } else if (c === '"') skipTo = quotedEnd(sql, i, '"', false);
    else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      skipTo = nl === -1 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') skipTo = blockCommentEnd(sql, i);
    else if (c === '$' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) skipTo = dollarQuoteEnd(sql, i);
    else if (c === '?') {
      count += 1;
      out += `${sql.slice(from, i)}$${count}`;
      from = i + 1;
    }
    i = skipTo > i ? skipTo : i + 1;
  }
  return { text: out + sql.slice(from), count };
}

const MAX_CACHED = 1_000;
const cache = new Map<string, Translated>();

/**
 * Translations are cached by SQL text: repositories build the same few hundred statements over and over.
 * Statements built with a varying number of `?` (IN lists) may fill the cache, so it is bounded.
 */
export function placeholders(sql: string): Translated {
  const hit = cache.get(sql);
  if (hit) return hit;
  const t = translatePlaceholders(sql);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(sql, t);
  return t;
}
