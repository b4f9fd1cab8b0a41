import { diffArrays, diffChars } from 'diff';

/**
 * What the reporter filed against what the desk made of it, for people to read. Two levels:
 *
 * 1. Words (어절: runs of letters and digits), spaces, line breaks and punctuation are compared as
 *    tokens, so an unchanged word is never torn apart to line up with a changed one. The `diff`
 *    package's own word diff does not count Hangul as word characters (it would compare syllable by
 *    syllable), hence the tokens made here and compared with its diffArrays.
 * 2. A word replaced by one word is compared character by character, because in Korean the change is
 *    usually inside the word: a particle or an ending (장관은 → 장관이, 추진한다 → 추진했다). Shown as
 *    one changed span between the unchanged start and end of the word; when the characters in common
 *    are scattered rather than at the ends (확대 → 대폭), the whole word is shown replaced, since
 *    "[-확]대[+폭]" would suggest an edit nobody made.
 */

export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+|\n|[^\S\n]+|[^\p{L}\p{N}\p{M}_\s]/gu;
const WORD = /^[\p{L}\p{N}\p{M}_]+$/u;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(out: DiffPart[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** Longest common start and end of two strings, by code point, never overlapping. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const x = [...a];
  const y = [...b];
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix += 1;
  return { prefix: x.slice(0, prefix).join('').length, suffix: x.slice(x.length - suffix).join('').length };
}

/** One word replaced by another: a single changed span inside it, or the whole word. */
function refineWord(out: DiffPart[], before: string, after: string): void {
  const chars = diffChars(before, after);
  // diffChars finds the fewest edits; if they fall in one place inside the word, that is already the
  // readable form. Otherwise keep what the two words share at their ends and show the middle changed.
  let runs = 0;
  let inRun = false;
  for (const c of chars) {
    const changed = c.added || c.removed;
    if (changed && !inRun) runs += 1;
    inRun = changed;
  }
  if (runs === 1 && chars.some((c) => !c.added && !c.removed)) {
    for (const p of orderSpan(chars)) push(out, p.kind, p.text);
    return;
  }
  const { prefix, suffix } = commonEnds(before, after);
  if (prefix + suffix === 0) {
    push(out, 'removed', before);
    push(out, 'added', after);
    return;
  }
  push(out, 'same', before.slice(0, prefix));
  push(out, 'removed', before.slice(prefix, before.length - suffix));
  push(out, 'added', after.slice(prefix, after.length - suffix));
  push(out, 'same', before.slice(before.length - suffix));
}

function orderSpan(chars: ReturnType<typeof diffChars>): DiffPart[] {
  return normalise(chars.map((c) => ({ kind: c.removed ? 'removed' : c.added ? 'added' : 'same', text: c.value })));
}

/** Two words are the same word edited when what they share at their ends is at least half the shorter one. */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (!WORD.test(a) || !WORD.test(b)) return false;
  const { prefix, suffix } = commonEnds(a, b);
  const shorter = Math.min([...a].length, [...b].length);
  return prefix + suffix > 0 && prefix + suffix >= Math.ceil(shorter / 2);
}

function pair(out: DiffPart[], t: string, u: string): void {
  if (t === u) push(out, 'same', t);
  else if (WORD.test(t) && WORD.test(u)) refineWord(out, t, u);
  else {
    push(out, 'removed', t);
    push(out, 'added', u);
  }
}

/**
 * Tokens `removed` replaced by tokens `added`. The same number of tokens of the same kinds pair up one
 * for one; otherwise they are aligned again, counting a word and its edited form as the same word
 * (확대한다 → 대폭 확대했다: 대폭 added, 확대한다 → 확대했다 refined).
 */
function replaceRun(out: DiffPart[], removed: string[], added: string[]): void {
  if (removed.length === added.length && removed.every((t, k) => WORD.test(t) === WORD.test(added[k]!))) {
    removed.forEach((t, k) => pair(out, t, added[k]!));
    return;
  }
  let i = 0;
  let j = 0;
  for (const c of diffArrays(removed, added, { comparator: similar })) {
    const n = c.count;
    if (c.removed) {
      push(out, 'removed', removed.slice(i, i + n).join(''));
      i += n;
    } else if (c.added) {
      push(out, 'added', added.slice(j, j + n).join(''));
      j += n;
    } else {
      for (let k = 0; k < n; k += 1) pair(out, removed[i + k]!, added[j + k]!);
      i += n;
      j += n;
    }
  }
}

/** The changes from `before` to `after`, merged into runs; joining the same and removed parts gives `before`, same and added `after`. */
export function diffText(before: string, after: string): DiffPart[] {
  const changes = diffArrays(tokenize(before), tokenize(after));
  const out: DiffPart[] = [];
  for (let i = 0; i < changes.length; i += 1) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      push(out, 'same', c.value.join(''));
      continue;
    }
    const next = changes[i + 1];
    // A removal followed by an addition is a replacement: line up the words it replaced, then look inside them.
    if (c.removed && next?.added) {
      replaceRun(out, c.value, next.value);
      i += 1;
      continue;
    }
    push(out, c.added ? 'added' : 'removed', c.value.join(''));
  }
  return normalise(out);
}

/** Within each changed stretch (between two unchanged parts), removals first, then additions. */
function normalise(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const p of parts) {
    if (p.kind === 'removed') removed += p.text;
    else if (p.kind === 'added') added += p.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'same') last.text += p.text;
      else out.push({ ...p });
    }
  }
  flush();
  return out;
}

/** The text on one side of a diff. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  return parts
    .filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added'))
    .map((p) => p.text)
    .join('');
}

export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}
