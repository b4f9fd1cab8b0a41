import type { Reanchored } from '../../../shared/comment-anchor';
import type { ReviewComment } from '../../../shared/contract-workflow';

/** A review comment with where its quoted passage stands in the version shown (null: a general note, or the passage is gone). */
export type PlacedComment = { comment: ReviewComment; place: Reanchored | null };
