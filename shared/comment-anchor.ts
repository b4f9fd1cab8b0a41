import { z } from 'zod';
import type { ArticleFields } from './article';
import { editorStateToText } from './editor-text';

/**
 * A desk comment pinned to a passage: the quoted words plus their offsets (UTF-16, as JavaScript slices)
 * into the plain text of one field of one version. The quote is what finds the passage again after the
 * story is edited; the offsets say which of several equal passages was meant.
 */
export const AnchorField = z.enum(['headline', 'deck', 'body']);
export type AnchorField = z.infer<typeof AnchorField>;

export const MAX_QUOTE_CHARS = 1_000;

export const CommentAnchor = z.strictObject({
  field: AnchorField,
  start: z.number().int().min(0).max(10_000_000),
  end: z.number().int().min(1).max(10_000_000),
  quote: z.string().min(1).max(MAX_QUOTE_CHARS),
});
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/** The plain text comments are anchored in: the body as shared/editor-text.ts derives it, headline and deck as typed. */
export function anchorText(fields: Pick<ArticleFields, 'headline' | 'deck' | 'body'>, field: AnchorField): string {
  return field === 'body' ? editorStateToText(fields.body) : fields[field];
}

/** Whether the anchor names exactly its quote in `text`: the check before a comment is stored. */
export function anchorMatches(text: string, a: Pick<CommentAnchor, 'start' | 'end' | 'quote'>): boolean {
  return a.start < a.end && a.end <= text.length && text.slice(a.start, a.end) === a.quote;
}

export type Reanchored = { status: 'exact' | 'moved'; start: number; end: number } | { status: 'lost' };

/**
 * Where the anchored passage stands in `text` (a later version): in place, moved (the occurrence of the
 * quote nearest to where it was), or lost (the words were changed or removed).
 */
export function reanchor(text: string, a: Pick<CommentAnchor, 'start' | 'end' | 'quote'>): Reanchored {
  if (anchorMatches(text, a)) return { status: 'exact', start: a.start, end: a.end };
  let best = -1;
  for (let at = text.indexOf(a.quote); at !== -1; at = text.indexOf(a.quote, at + 1)) {
    if (best === -1 || Math.abs(at - a.start) < Math.abs(best - a.start)) best = at;
  }
  return best === -1 ? { status: 'lost' } : { status: 'moved', start: best, end: best + a.quote.length };
}
