/**
 * The seam between the spelling engine (a Web Worker running hunspell-asm with dictionary-ko) and the
 * screens that underline words. Offsets are UTF-16 code units into the text that was checked, so they
 * line up with the editor's text nodes and the Custom Highlight API ranges the house-style marks use.
 */
export interface SpellFinding {
  start: number;
  end: number;
  /** The word as written, particles included (협력방안을). */
  word: string;
  /** Best first; empty when the engine has none to offer. */
  suggestions: string[];
}

export interface SpellChecker {
  /**
   * Words to accept from now on besides the dictionary: the newsroom's word list (뉴스룸 사전) and the
   * vocabulary learnt from its published archive. Replaces what an earlier call gave.
   */
  accept(words: readonly string[]): Promise<void>;
  /** Checks one paragraph (or a headline, deck or caption). */
  check(text: string): Promise<SpellFinding[]>;
  /** Ends the worker. */
  close(): void;
}
