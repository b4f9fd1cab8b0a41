import { escapeHtml } from '../../shared/html-escape';

/*
 * Every text Byline sends to a CMS is one of two kinds, and the payload types of each target
 * (cms-fields.ts) accept only these branded strings, so a field cannot be sent without deciding
 * which it is:
 *
 * - HtmlField: the CMS reads the field as HTML (WordPress titles, excerpts, captions, media
 *   descriptions, alt text, term names; Ghost's feature image caption; the story's body). Made only
 *   by escaping typed text once (`htmlField`) or from the shared converter's markup, which escapes
 *   every text itself (`converterMarkup`). A reporter's literal "&amp;" reaches readers as "&amp;".
 * - PlainField: the CMS stores and shows the field as text and escapes it itself (Ghost's title,
 *   excerpt, alt text and tag names). Sent as typed, never escaped, or readers would see "&lt;".
 */

declare const cmsKind: unique symbol;
export type HtmlField = string & { readonly [cmsKind]: 'html' };
export type PlainField = string & { readonly [cmsKind]: 'plain' };

/** Typed text for a field the CMS reads as HTML: escaped exactly once. */
export function htmlField(text: string): HtmlField {
  return escapeHtml(text) as HtmlField;
}

/** Typed text for a field the CMS keeps as text. */
export function plainField(text: string): PlainField {
  return text as PlainField;
}

/**
 * HTML made by shared/article-render.ts and electron/publish/outgoing-article.ts only: every text and attribute
 * value in it is escaped and every tag is one the converter chose. Nothing else may pass here.
 */
export function converterMarkup(html: string): HtmlField {
  return html as HtmlField;
}

/**
 * WordPress runs shortcodes ("[audio src=…]", "[embed]…") and turns a paragraph holding only a URL
 * into an embed when it renders a post's content or a media item's description (the_content): both
 * would let typed text load things on the public page. In the converter's markup every "<" and ">" inside text and attribute values is
 * escaped, so the split below finds the real tags; in the text between them a "[" and the ":" of
 * "http://" become character references, which WordPress does not parse and browsers show as typed.
 */
export function wordpressContent(html: HtmlField): HtmlField {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\[/g, '&#91;').replace(/(https?):(?=\/\/)/gi, '$1&#58;')))
    .join('') as HtmlField;
}
