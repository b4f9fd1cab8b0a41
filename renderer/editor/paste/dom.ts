/** Small DOM moves shared by the normalisers. */

export const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'HR',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'CAPTION',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'CENTER',
  'DL',
  'DT',
  'DD',
  'PRE',
  'FORM',
  'FIELDSET',
]);

export function isBlock(node: Node): node is Element {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).nodeName);
}

export function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/** The same children under another tag; every attribute is dropped (the sanitiser would drop them anyway). */
export function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
  return next;
}

export function wrapChildren(el: Element, tag: string): Element {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
  return wrapper;
}

/**
 * Reads a style attribute by hand: CSSOM drops declarations it cannot parse, and Hangul writes
 * `font-weight:"bold"` with quotes, which CSSOM rejects.
 */
export function readStyle(el: Element): Map<string, string> {
  const styles = new Map<string, string>();
  for (const declaration of (el.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .replace(/["']/g, '')
      .trim()
      .toLowerCase();
    if (name) styles.set(name, value);
  }
  return styles;
}

/** Space as text layout sees it, including the no-break spaces that Word and Hangul pad with. */
export const isBlank = (text: string): boolean => /^[\s\u00a0\u200b\ufeff]*$/.test(text);

/** Every element under root with one of the tags, deepest first, so unwrapping a parent never skips a child. */
export function deepestFirst(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).reverse();
}
