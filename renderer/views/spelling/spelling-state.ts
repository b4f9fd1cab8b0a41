import type { SpellFinding } from '../../../shared/spelling-types';

/** What a window's 맞춤법 offers the fields that underline words (SpellingProvider.tsx makes it). */
export interface Spelling {
  enabled: boolean;
  setEnabled: (on: boolean) => void;
  /** Changes whenever what counts as a finding changes (the vocabulary, a 무시): every field checks again. */
  generation: number;
  /** Findings of a text already checked, at once; undefined when it must go to the worker. */
  cached: (text: string) => SpellFinding[] | undefined;
  check: (text: string) => Promise<SpellFinding[]>;
  /** 무시: not flagged again in this window until it is closed. */
  ignore: (word: string) => void;
  /** 뉴스룸 사전에 추가: for everyone; answers the refusal's Korean words, or null. */
  addWord: (word: string) => Promise<string | null>;
}
