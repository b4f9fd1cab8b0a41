import { z } from 'zod';
import { DEFAULT_HOUSE_STYLE_RULES } from './house-style-defaults';
import { HouseStyleRule } from './house-style-rule';

export { HouseStyleRule };

/**
 * 표기 원칙: the newsroom's list of wrong → right spellings, flagged while typing and listed at 송고,
 * with the headline and deck lengths the desk wants. One top-level settings key (`houseStyle`).
 */

export const HouseStyleSettings = z.object({
  rules: z.array(HouseStyleRule).max(2000),
  /** 글자 수 (spaces included, a Hangul syllable is one) over which the headline is flagged; 송고 only warns. */
  headlineLimit: z.number().int().min(5).max(300),
  deckLimit: z.number().int().min(5).max(2000),
});
export type HouseStyleSettings = z.infer<typeof HouseStyleSettings>;

/*
 * 40 and 80: a portal's mobile list and a news-app push show about two lines of a headline, roughly 40
 * Hangul syllables, and wire copy's 부제 is held to about two lines of the same width.
 */
export const DEFAULT_HOUSE_STYLE: HouseStyleSettings = {
  rules: DEFAULT_HOUSE_STYLE_RULES,
  headlineLimit: 40,
  deckLimit: 80,
};
