import { z } from 'zod';
import { ProfileId } from './profiles';

/** One word of the 뉴스룸 사전 and who added it. */
export const SpellingWord = z.object({
  word: z.string(),
  addedBy: z.object({ id: ProfileId, name: z.string() }).nullable(),
  addedAt: z.iso.datetime(),
});
export type SpellingWord = z.infer<typeof SpellingWord>;

/** What every window's checker accepts besides the dictionary. */
export const SpellingVocabulary = z.object({
  /** The 뉴스룸 사전. */
  newsroom: z.array(z.string()),
  /** Words learnt from the newest published stories (a word in enough of them is the newsroom's usage). */
  archive: z.array(z.string()),
  /** How many published stories the archive words were learnt from. */
  learntFrom: z.number().int().min(0),
});
export type SpellingVocabulary = z.infer<typeof SpellingVocabulary>;

/** Announced when the 뉴스룸 사전 changes, so every open window stops (or starts) flagging the word. */
export const SpellingWordsChanged = z.object({ word: z.string(), change: z.enum(['added', 'removed']) });

/** 맞춤법 (issue 23): the 뉴스룸 사전 shared by everyone, and the vocabulary a window's checker loads. */
export const spellingMethods = {
  'spelling.words': {
    input: z.strictObject({}),
    output: z.object({ words: z.array(SpellingWord) }),
  },
  'spelling.addWord': {
    input: z.strictObject({ word: z.string().max(200) }),
    output: SpellingWord,
  },
  'spelling.removeWord': {
    input: z.strictObject({ word: z.string().max(200) }),
    output: z.object({ removed: z.boolean() }),
  },
  'spelling.vocabulary': {
    input: z.strictObject({}),
    output: SpellingVocabulary,
  },
} as const;
