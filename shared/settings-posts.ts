import { z } from 'zod';

/**
 * How a story looks as a WordPress or Ghost post: the rule its address (slug) follows, fixed at first
 * publish, and whether the byline is printed in the post even when the site has the reporter's account.
 */
export const PostSettings = z.object({
  /**
   * 'date-words': the date and up to eight romanised words of the headline (2026-12-07-yangja-gisul-hyeomnyeok);
   * 'story-number': the story's fixed number, the address Byline gave posts before readable ones.
   */
  slugRule: z.enum(['date-words', 'story-number']),
  /** Print "김기자 기자" at the end of the post even when the post's author is the reporter's account. */
  bylineInContent: z.boolean(),
});
export type PostSettings = z.infer<typeof PostSettings>;

export const DEFAULT_POST_SETTINGS: PostSettings = { slugRule: 'date-words', bylineInContent: false };
