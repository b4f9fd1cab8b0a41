/*
 * @이름 in a comment's body. The service finds which people a body names (and stores their ids); the
 * review screen finds the same spans to show them as mentions. One rule for both, so what is stored is
 * what is shown.
 */

/** A name is at most this long (shared/profiles.ts), so this much text after an @ is all a match can use. */
export const MAX_NAME_CHARS = 50;

/** How many @ one body may carry before the rest stay text: a paste of addresses cannot cost a query each. */
export const MAX_MENTION_TRIES = 20;

export interface Named {
  id: string;
  name: string;
}

export interface MentionSpan {
  /** Where the @ is. */
  start: number;
  /** Just past the name. */
  end: number;
  name: string;
  ids: string[];
}

/** A letter, digit or dot before the @ makes it part of a word or an e-mail address (kim@newsroom.kr), not a mention. */
const WORD_BEFORE = /[\p{L}\p{N}_.]/u;

/** Offsets just past each @ that can start a mention, at most MAX_MENTION_TRIES of them. */
export function mentionStarts(body: string): number[] {
  const starts: number[] = [];
  for (let i = body.indexOf('@'); i !== -1 && starts.length < MAX_MENTION_TRIES; i = body.indexOf('@', i + 1)) {
    if (i > 0 && WORD_BEFORE.test(body[i - 1]!)) continue;
    starts.push(i + 1);
  }
  return starts;
}

/**
 * The mentions in `body`: after each @, the longest name of `people` the text begins with. A particle
 * may follow straight on (@홍길동님, @홍길동에게), as Korean writes it. People who share that name are
 * all named: the body cannot tell them apart, and a missed mention costs more than an extra one.
 */
export function findMentions(body: string, people: readonly Named[]): MentionSpan[] {
  const spans: MentionSpan[] = [];
  let after = 0;
  for (const from of mentionStarts(body)) {
    if (from <= after) continue;
    const rest = body.slice(from, from + MAX_NAME_CHARS);
    let best = '';
    for (const p of people) if (p.name.length > best.length && p.name.trim() !== '' && rest.startsWith(p.name)) best = p.name;
    if (!best) continue;
    const ids = people.filter((p) => p.name === best).map((p) => p.id);
    spans.push({ start: from - 1, end: from + best.length, name: best, ids });
    after = from + best.length;
  }
  return spans;
}

/** The ids `body` mentions, each once, in the order first named. */
export function mentionedIds(body: string, people: readonly Named[]): string[] {
  return [...new Set(findMentions(body, people).flatMap((s) => s.ids))];
}

/** The word being typed as a mention at `caret`: the text from an @ to the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { at: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || (at > 0 && WORD_BEFORE.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_NAME_CHARS || /[\s@]/.test(query)) return null;
  return { at, query };
}
