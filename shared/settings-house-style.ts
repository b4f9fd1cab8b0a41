import { z } from 'zod';
import { DEFAULT_HOUSE_STYLE_RULES } from './house-style-defaults';
import { patternProblem } from './house-style-pattern';

/**
 * 표기 원칙: the newsroom's list of wrong → right spellings, flagged while typing and listed at 송고,
 * with the headline and deck lengths the desk wants. One top-level settings key (`houseStyle`).
 */

export const HouseStyleRule = z
  .object({
    /** What is wrong: literal text, or a regular expression when `pattern` is set. */
    wrong: z.string().min(1, '틀린 표기가 비어 있습니다.').max(200),
    /** What replaces it ($1… name a pattern's groups); empty when there is no one right form, only the note. */
    right: z.string().max(200),
    pattern: z.boolean(),
    /** 'block' stops 송고 until it is fixed; 'warn' is listed and lets it through. */
    severity: z.enum(['block', 'warn']),
    /** Why, and on whose authority (국립국어원, 인권보도준칙…), shown beside the finding. */
    note: z.string().max(300),
  })
  .superRefine((rule, ctx) => {
    if (rule.pattern) {
      const problem = patternProblem(rule.wrong);
      if (problem) ctx.addIssue({ code: 'custom', path: ['wrong'], message: `'${rule.wrong}': ${problem}` });
    } else if (rule.right !== '' && rule.right.includes(rule.wrong)) {
      // The fixed text would be flagged again, forever.
      ctx.addIssue({ code: 'custom', path: ['right'], message: `'${rule.right}'에 틀린 표기 '${rule.wrong}'가 그대로 들어 있습니다.` });
    }
  });
export type HouseStyleRule = z.infer<typeof HouseStyleRule>;

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
