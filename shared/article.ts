import { z } from 'zod';
import { EditorStateJson } from './editor-state';

export const ArticleId = z.uuid();

/** The whole workflow's states; this issue only creates drafts, the desk issue moves them. */
export const ArticleState = z.enum(['draft', 'submitted', 'in_review', 'approved', 'published', 'returned', 'corrected', 'withdrawn']);
export type ArticleState = z.infer<typeof ArticleState>;

const IsoTime = z.iso.datetime();

/** What the reporter edits and a save carries. */
export const ArticleFields = z.strictObject({
  headline: z.string().max(300),
  deck: z.string().max(2_000),
  section: z.string().max(50),
  body: EditorStateJson,
});
export type ArticleFields = z.infer<typeof ArticleFields>;

export const Article = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  ...ArticleFields.shape,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  archivedAt: IsoTime.nullable(),
});
export type Article = z.infer<typeof Article>;

/** A row of a queue: enough to list and pick a story without loading its body. */
export const ArticleSummary = z.object({
  id: ArticleId,
  version: z.number().int().min(1),
  state: ArticleState,
  headline: z.string(),
  section: z.string(),
  excerpt: z.string(),
  characters: z.number().int().min(0),
  updatedAt: IsoTime,
  archivedAt: IsoTime.nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const RevisionSummary = z.object({
  articleId: ArticleId,
  version: z.number().int().min(1),
  headline: z.string(),
  savedAt: IsoTime,
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;
