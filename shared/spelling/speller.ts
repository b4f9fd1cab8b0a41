/** What the engine needs from a dictionary: hunspell-asm's instance fits, and so does a test's. */
export interface Speller {
  spell(word: string): boolean;
  suggest(word: string): string[];
}
