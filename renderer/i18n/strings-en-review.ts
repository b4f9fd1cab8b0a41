import type { koReview } from './strings-ko-review';

/** The review screen's version choice and extra compared fields, in English; the keys are Korean's. */
export const enReview: Record<keyof typeof koReview, string> = {
  review_before: 'Compare from',
  review_after: 'Compare to',
  review_current: 'Current (v{version})',
  review_returnedPair: 'Returned v{returned} → resubmitted v{resubmitted}',
  review_submittedPair: 'Submitted v{submitted}',
  review_version: 'v{version} · {time}',
  review_moveSubmit: 'submitted',
  review_moveReturn: 'returned',
  review_moveApprove: 'approved',
  review_moveStartReview: 'review started',
  review_samePicked: 'Both sides are the same version. Pick another one to compare.',
  review_otherFields: 'Other fields',
  review_otherUnchanged: 'Section, story type, source, tags, embargo, bylines, dateline and photo texts are unchanged.',
  review_tags: 'Tags',
  review_bylines: 'Bylines',
  review_dateline: 'Dateline',
  review_noEmbargo: 'none',
  review_photo: 'Photo {n}',
  review_photoLead: 'Lead photo',
  review_caption: 'Caption',
  review_credit: 'Credit',
  review_alt: 'Alt text',
  review_photoGone: '(removed)',
};
