import createDOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';

/**
 * Only what the body editor can hold. Anything else is dropped with its content kept, except for
 * DOMPurify's FORBID_CONTENTS (script, style, svg, math, iframe, template, noscript, ...), whose content
 * goes too. span and font are absent on purpose: their meaning lives in style, which the normalisers
 * have already turned into tags.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'a', 'hr',
];

/** Checked by DOMPurify after it strips whitespace and control characters, so "jav&#9;ascript:" fails too. */
export const SAFE_URL = /^(?:https?|mailto):/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Controls and embeds whose text is a label or a fallback, never part of the story.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'object', 'embed', 'applet', 'canvas', 'map', 'frameset'],
  RETURN_DOM_FRAGMENT: true,
};

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
