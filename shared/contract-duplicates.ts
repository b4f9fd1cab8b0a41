import { z } from 'zod';
import { ArticleId, ArticleState } from './article';

/** A stored story that is a near-duplicate of the one checked: what the finding says of it, and where it opens. */
export const DuplicateMatch = z.object({
  articleId: ArticleId,
  headline: z.string(),
  /** The story's reporter (its owner), else its first byline; null when it has neither. */
  reporter: z.string().nullable(),
  state: ArticleState,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Estimated share of shingles the two bodies have in common (0–1, MinHash). */
  similarity: z.number().min(0).max(1),
  /** Made by importing a document (a colleague's import of the same release), rather than written. */
  imported: z.boolean(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const DuplicateCheck = z.object({
  /** false: the body is too short to judge yet (nothing is claimed either way). */
  checked: z.boolean(),
  /** Most similar first. */
  matches: z.array(DuplicateMatch).max(20),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

/**
 * Near-duplicates in the archive (issue 23): the same press release imported by a colleague, or a story
 * already written from it. Anyone who may read the archive may ask.
 */
export const duplicateMethods = {
  'duplicates.check': {
    input: z.strictObject({ articleId: ArticleId }),
    output: DuplicateCheck,
  },
} as const;
