/**
 * Suggestions for a flagged word: near spellings among the accepted words first (the newsroom's list
 * holds the names and loanwords the dictionary lacks: 디랙터 → 디렉터), then hunspell's own, for
 * the stem with the particle re-attached. Hunspell's suggest costs tens of milliseconds for a Korean
 * word, so the caller caps how many words get suggestions per check.
 */
import { disassemble } from 'es-hangul';
import { endingOf } from './endings';
import type { Speller } from './speller';

export interface SuggestBudget {
  /** Flagged words per check that get suggestions; later ones get none. */
  maxWords: number;
  /** Milliseconds into a check after which no more suggestions are asked for. */
  maxMs: number;
}

const MAX_SUGGESTIONS = 5;

/** Levenshtein distance over jamo, stopping early once it exceeds `limit`. */
function jamoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function nearAccepted(stem: string, accepted: ReadonlySet<string>): string[] {
  const jamo = disassemble(stem);
  const near: Array<[number, string]> = [];
  for (const word of accepted) {
    if (Math.abs(word.length - stem.length) > 1 || word === stem) continue;
    const distance = jamoDistance(jamo, disassemble(word), 2);
    if (distance <= 2) near.push([distance, word]);
  }
  return near.sort((x, y) => x[0] - y[0]).map(([, word]) => word);
}

/** `speller` is null once the check's budget for hunspell's suggest is spent. */
export function suggestFor(word: string, speller: Speller | null, accepted: ReadonlySet<string>): string[] {
  const ending = endingOf(word);
  const stem = ending ? word.slice(0, word.length - ending.length) : word;
  const out: string[] = [];
  const add = (candidate: string): void => {
    if (out.length < MAX_SUGGESTIONS && candidate !== word && !out.includes(candidate)) out.push(candidate);
  };
  for (const near of nearAccepted(stem, accepted)) add(near + ending);
  if (speller && out.length < MAX_SUGGESTIONS) {
    for (const candidate of speller.suggest(stem)) add(candidate + ending);
  }
  return out;
}
