/**
 * The offline spelling engine: a word is correct when the dictionary knows it, when it is one of the
 * accepted words (newsroom word list, learnt vocabulary), or when its stem with the particle off, or
 * that stem as a solid compound, is. Verdicts are cached per word, so a paragraph checked again after
 * a keystroke costs a map lookup for every word but the one being typed.
 */
import type { SpellFinding } from '../spelling-types';
import { isCompound } from './compound';
import { stemsOf } from './endings';
import { nameTokens } from './names';
import type { Speller } from './speller';
import { suggestFor, type SuggestBudget } from './suggest';
import { spellTokens } from './tokenize';

/** A cache that outgrew this is cleared rather than evicted piecemeal: it refills in one check. */
const MAX_CACHED = 50_000;

export class SpellEngine {
  private accepted = new Set<string>();
  private readonly verdicts = new Map<string, boolean>();
  private readonly parts = new Map<string, boolean>();

  constructor(
    private readonly speller: Speller,
    private readonly builtIn: readonly string[] = [],
  ) {
    this.accept([]);
  }

  /** Replaces the accepted words; the dictionary's own words stay. */
  accept(words: readonly string[]): void {
    this.accepted = new Set([...this.builtIn, ...words].map((w) => w.normalize('NFC').trim()).filter(Boolean));
    this.verdicts.clear();
    this.parts.clear();
  }

  acceptedWords(): ReadonlySet<string> {
    return this.accepted;
  }

  check(input: string, budget: SuggestBudget = { maxWords: 20, maxMs: 50 }): SpellFinding[] {
    const text = input.normalize('NFC') === input ? input : input.normalize('NFC');
    const findings: SpellFinding[] = [];
    const started = Date.now();
    let suggested = 0;
    const tokens = spellTokens(text);
    const names = nameTokens(text, tokens);
    for (const [index, token] of tokens.entries()) {
      if (names.has(index) || this.isCorrect(token.word)) continue;
      const inBudget = suggested < budget.maxWords && Date.now() - started < budget.maxMs;
      if (inBudget) suggested += 1;
      findings.push({
        start: token.start,
        end: token.end,
        word: token.word,
        suggestions: suggestFor(token.word, inBudget ? this.speller : null, this.accepted),
      });
    }
    return findings;
  }

  isCorrect(word: string): boolean {
    const cached = this.verdicts.get(word);
    if (cached !== undefined) return cached;
    if (this.verdicts.size > MAX_CACHED) this.verdicts.clear();
    const verdict = this.judge(word);
    this.verdicts.set(word, verdict);
    return verdict;
  }

  private judge(word: string): boolean {
    if (this.accepted.has(word) || this.speller.spell(word)) return true;
    const stems = stemsOf(word);
    for (const stem of stems) if (this.accepted.has(stem)) return true;
    for (const stem of stems) if (stem.length >= 2 && this.speller.spell(stem)) return true;
    const known = (part: string): boolean => this.isPart(part);
    if (isCompound(word, known)) return true;
    return stems.some((stem) => isCompound(stem, known));
  }

  /** A compound's part: a dictionary or accepted word, cached apart from whole-word verdicts. */
  private isPart(part: string): boolean {
    const cached = this.parts.get(part);
    if (cached !== undefined) return cached;
    if (this.parts.size > MAX_CACHED) this.parts.clear();
    const verdict = this.accepted.has(part) || this.speller.spell(part);
    this.parts.set(part, verdict);
    return verdict;
  }
}
