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
    /**
     * 'first-mention': `wrong` is a short form (과기정통부) allowed only after `right`, the full form, has
     * appeared once in the body. Absent in rules saved before the type existed: a plain replacement.
     */
    kind: z.enum(['replace', 'first-mention']).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === 'first-mention') {
      if (rule.pattern) ctx.addIssue({ code: 'custom', path: ['pattern'], message: '첫 언급 규칙에는 정규식을 쓸 수 없습니다.' });
      if (rule.right === '') ctx.addIssue({ code: 'custom', path: ['right'], message: `첫 언급 규칙 '${rule.wrong}'에 정식 명칭이 비어 있습니다.` });
      // A full form may hold its short form, as in 한국개발연구원(KDI): that is not flagged, so it is allowed.
    } else if (rule.pattern) {
      const problem = patternProblem(rule.wrong);
      if (problem) ctx.addIssue({ code: 'custom', path: ['wrong'], message: `'${rule.wrong}': ${problem}` });
    } else if (rule.right !== '' && rule.right.includes(rule.wrong)) {
      // The fixed text would be flagged again, forever.
      ctx.addIssue({ code: 'custom', path: ['right'], message: `'${rule.right}'에 틀린 표기 '${rule.wrong}'가 그대로 들어 있습니다.` });
    }
  });
export type HouseStyleRule = z.infer<typeof HouseStyleRule>;
