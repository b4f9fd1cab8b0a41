import { BLOCK_TAGS, isBlank } from './dom';

/**
 * Hangul's HTML (its "HTML 문서" export and its clipboard) puts every paragraph in `<P CLASS=HStyleN>`
 * with the look in a <STYLE> sheet and on SPANs (font-family, quoted `font-weight:"bold"`, handled by
 * inline-styles.ts), and indents press-release markers (□, ㅇ, *) with runs of &nbsp;.
 */

export function isHwpHtml(doc: Document): boolean {
  return (
    doc.querySelector('meta[name="Generator" i][content*="Hancom" i], meta[name="Generator" i][content*="HWP" i]') !== null ||
    doc.querySelector('[class^="HStyle"], [class*=" HStyle"]') !== null
  );
}

export function normaliseHwp(doc: Document): void {
  const texts = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    // Hangul writes every space past the first as &nbsp;: spacing, not meaning.
    t.nodeValue = (t.nodeValue ?? '').replace(/\u00a0/g, ' ');
  }
  for (const block of Array.from(doc.body.querySelectorAll('p, li, td, th, h1, h2, h3, h4, h5, h6'))) {
    trimLeadingSpace(block);
  }
}

/** The indentation before a paragraph's first character; the marker after it (□, ㅇ) is content. */
function trimLeadingSpace(block: Element): void {
  const texts = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    if (insideNestedBlock(t, block)) return;
    const value = t.nodeValue ?? '';
    if (isBlank(value)) {
      t.nodeValue = '';
      continue;
    }
    t.nodeValue = value.replace(/^\s+/, '');
    return;
  }
}

function insideNestedBlock(node: Node, block: Element): boolean {
  for (let p = node.parentElement; p && p !== block; p = p.parentElement) {
    if (BLOCK_TAGS.has(p.nodeName)) return true;
  }
  return false;
}
