/**
 * The newsroom's own vocabulary, learnt from its published stories: a word (or its stem, with the
 * particle off) written in at least `minStories` different stories is something the desk has let
 * through more than once — a name, a coined term, a solid compound — and stops being flagged.
 * Counting stories rather than occurrences keeps one story's repeated typo out.
 */
import { stemsOf } from './endings';
import { spellTokens } from './tokenize';

/** Shorter words are too easily a typo of something else to learn. */
const MIN_SYLLABLES = 2;

export function learnVocabulary(texts: Iterable<string>, minStories: number): string[] {
  const stories = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const { word } of spellTokens(text)) {
      for (const form of [word, ...stemsOf(word)]) {
        if (form.length >= MIN_SYLLABLES) seen.add(form);
      }
    }
    for (const form of seen) stories.set(form, (stories.get(form) ?? 0) + 1);
  }
  const learnt: string[] = [];
  for (const [form, count] of stories) if (count >= Math.max(1, minStories)) learnt.push(form);
  return learnt.sort();
}
