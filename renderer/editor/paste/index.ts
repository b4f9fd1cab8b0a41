import { flattenLayout } from './blocks';
import { isGoogleDocsHtml, normaliseGoogleDocs } from './google-docs';
import { isHwpHtml, normaliseHwp } from './hwp';
import { restoreOwnPhotos, setAsideOwnPhotos } from './own-photos';
import { styledRunsToTags } from './inline-styles';
import { sanitize } from './sanitize';
import { tidy } from './tidy';
import { isWordHtml, normaliseWord } from './word';

/**
 * Clipboard HTML from Word, Google Docs, Hangul or a web page, reduced to what the body editor holds
 * (paragraphs, h2/h3, lists, quotes, bold/italic/underline/strike, http(s)/mailto links, rules, and
 * photo blocks copied within Byline) and
 * returned as a fragment of `doc` for $generateNodesFromDOM.
 *
 * The source normalisers and the style/layout passes run before sanitising, on an inert DOMParser
 * document, because what they read (mso-list styles, docs-internal-guid, HStyle classes, font-weight)
 * is exactly what the sanitiser removes. Nothing from that document reaches `doc` except through
 * DOMPurify. Web pages need no pass of their own: the style and layout passes are theirs.
 */
export function sanitizeClipboardHtml(html: string, doc: Document): DocumentFragment {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const dirty = new Parser().parseFromString(html, 'text/html');

  if (isWordHtml(dirty)) normaliseWord(dirty);
  if (isGoogleDocsHtml(dirty)) normaliseGoogleDocs(dirty);
  if (isHwpHtml(dirty)) normaliseHwp(dirty);
  const photos = setAsideOwnPhotos(dirty.body);
  styledRunsToTags(dirty.body);
  flattenLayout(dirty.body);

  const clean = sanitize(dirty.body, doc);
  tidy(clean);
  restoreOwnPhotos(clean, photos);
  return clean;
}
