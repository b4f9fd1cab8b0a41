import createDOMPurify, { type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { SAFE_URL, SANITIZE_CONFIG } from '../../../shared/sanitize-config';

/** The list lives in shared/ so that document import sanitises with the very same one. */
export { SAFE_URL };
const CONFIG = SANITIZE_CONFIG;

const purifiers = new WeakMap<WindowLike, Purifier>();

/** One DOMPurify per window: it must build its inert documents with the same DOM implementation it checks. */
function purifierFor(view: WindowLike): Purifier {
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = createDOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/**
 * Sanitises a parsed clipboard body and returns the survivors as a fragment of `doc`. DOMPurify copies
 * the body into its own inert document first, so nothing in it loads or runs until it is clean.
 */
export function sanitize(body: HTMLElement, doc: Document): DocumentFragment {
  const view = doc.defaultView ?? window;
  // Handed over as a fragment: given the <body> itself, DOMPurify tries to remove that disallowed root.
  const dirty = body.ownerDocument.createDocumentFragment();
  dirty.append(...Array.from(body.childNodes));
  const purifier = purifierFor(view);
  // Where DOMPurify cannot run it hands its input back untouched; nothing may pass that way.
  if (!purifier.isSupported) throw new Error('DOMPurify is not supported in this window; refusing to paste HTML');
  const clean = purifier.sanitize(dirty, CONFIG);
  return doc.importNode(clean, true);
}
