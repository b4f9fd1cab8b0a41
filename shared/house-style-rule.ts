import { z } from 'zod';
import { patternProblem } from './house-style-pattern';

/** One 표기 원칙 rule, apart from the settings that hold the list so that the default list can use its type. */
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
