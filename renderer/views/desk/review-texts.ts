import { anchorText, type AnchorField } from '../../../shared/comment-anchor';
import type { ArticleFields } from '../../../shared/article';

/** The three commentable fields as the plain text the diff and the anchors count characters in. */
export type ReviewTexts = Record<AnchorField, string>;

export function reviewTexts(f: ArticleFields): ReviewTexts {
  return { headline: anchorText(f, 'headline'), deck: anchorText(f, 'deck'), body: anchorText(f, 'body') };
}
