import type { ArticleFields } from './article';
import type { MediaRole } from './media';

/** What a submission check reports, apart from the checks (submission.ts, house-style-submission.ts) that both report it. */

export type SubmissionField =
  | 'headline'
  | 'section'
  | 'bylines'
  | 'body'
  | 'photos'
  | 'sourceAttribution'
  | 'photo.caption'
  | 'photo.credit'
  | 'photo.alt'
  | 'houseStyle'
  | 'spelling'
  | 'headline.length'
  | 'deck.length';

export interface SubmissionProblem {
  field: SubmissionField;
  /** The field's name as the reporter knows it: 제목, 섹션, 사진 2(본문) 설명… */
  label: string;
  message: string;
  /** Errors block the submission; warnings (missing alt text) are shown and let it through. */
  severity: 'error' | 'warning';
  /** For photo problems: which photo, 1-based in reading order, and where it stands. */
  photo?: { position: number; role: MediaRole; mediaId: string };
}

export type SubmissionCheckInput = Pick<ArticleFields, 'headline' | 'deck' | 'section' | 'bylines' | 'body' | 'storyType' | 'sourceAttribution' | 'leadPhoto'>;
