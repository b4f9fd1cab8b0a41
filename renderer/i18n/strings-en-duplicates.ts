import type { koDuplicates } from './strings-ko-duplicates';

/** The near-duplicate finding's words in English, with the Korean keys. */
export const enDuplicates: Record<keyof typeof koDuplicates, string> = {
  dup_heading: 'A story from the same press release already exists',
  dup_headingImported: 'Someone already imported the same press release',
  dup_reporter: '{name}',
  dup_imported: 'imported release',
  dup_similarity: '{percent}% of the body in common',
  dup_untitled: '(no headline)',
  dup_help: 'Click a headline to open that story.',
  dup_failed: 'Could not check for duplicate stories',
};
