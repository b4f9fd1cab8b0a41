import type { Config } from 'dompurify';

/**
 * The one sanitiser configuration for HTML that reaches a story's body: paste (renderer/editor/paste/
 * sanitize.ts) and document import (electron/import/body.ts) both use it.
 *
 * Only what the body editor can hold. Anything else is dropped with its content kept, except for
 * DOMPurify's FORBID_CONTENTS (script, style, svg, math, iframe, template, noscript, ...), whose content
 * goes too. span and font are absent on purpose: their meaning lives in style, which the normalisers
 * have already turned into tags.
 */
export const ALLOWED_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'a',
  'hr',
];

/** Checked by DOMPurify after it strips whitespace and control characters, so "jav&#9;ascript:" fails too. */
export const SAFE_URL = /^(?:https?|mailto):/i;

export const SANITIZE_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
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
