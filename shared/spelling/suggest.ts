/**
 * Suggestions for a flagged word: near spellings among the accepted words first (the newsroom's list
 * holds the names and loanwords the dictionary lacks: 디랙터 → 디렉터), then hunspell's own, for
 * the stem with the particle re-attached. Hunspell's suggest costs tens of milliseconds for a Korean
 * word, so the engine asks it between checks, not during one.
 */
import { disassemble } from 'es-hangul';
import { endingOf } from './endings';
import type { Speller } from './speller';

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

/** The accepted words by syllable count, with their jamo worked out once rather than per flagged word. */
export type NearIndex = Map<number, Array<[string, string]>>;

export function nearIndexOf(accepted: ReadonlySet<string>): NearIndex {
  const index: NearIndex = new Map();
  for (const word of accepted) {
    const bucket = index.get(word.length) ?? [];
    bucket.push([word, disassemble(word)]);
    index.set(word.length, bucket);
  }
  return index;
}

/** Accepted words within two jamo of the word's stem, nearest first, with the word's particle re-attached. */
export function nearAccepted(word: string, index: NearIndex): string[] {
  const ending = endingOf(word);
  const stem = ending ? word.slice(0, word.length - ending.length) : word;
  const jamo = disassemble(stem);
  const near: Array<[number, string]> = [];
  for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
    for (const [candidate, candidateJamo] of index.get(length) ?? []) {
      if (candidate === stem) continue;
      const distance = jamoDistance(jamo, candidateJamo, 2);
      if (distance <= 2) near.push([distance, candidate]);
    }
  }
  return near
    .sort((x, y) => x[0] - y[0])
    .slice(0, MAX_SUGGESTIONS)
    .map(([, candidate]) => candidate + ending);
}

/** Hunspell's suggestions for the word's stem, with the particle re-attached. */
export function hunspellSuggestions(word: string, speller: Speller): string[] {
  const ending = endingOf(word);
  const stem = ending ? word.slice(0, word.length - ending.length) : word;
  return speller
    .suggest(stem)
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate + ending);
}

/** Near accepted words first (the newsroom's own spellings), then hunspell's; no repeats, at most five. */
export function mergeSuggestions(near: readonly string[], fromHunspell: readonly string[]): string[] {
  return [...new Set([...near, ...fromHunspell])].slice(0, MAX_SUGGESTIONS);
}
