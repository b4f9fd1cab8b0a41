import { deepestFirst, unwrap } from './dom';

/**
 * Google Docs wraps the whole copy in `<b style="font-weight:normal" id="docs-internal-guid-…">` and
 * expresses every format as inline style on spans (handled by inline-styles.ts). Left in place, the
 * wrapper would make a sanitiser that drops style turn the whole paste bold.
 */

const WRAPPER = 'b[id^="docs-internal-guid-"]';

export function isGoogleDocsHtml(doc: Document): boolean {
  return doc.querySelector(WRAPPER) !== null;
}

export function normaliseGoogleDocs(doc: Document): void {
  for (const wrapper of deepestFirst(doc.body, WRAPPER)) unwrap(wrapper);
}
