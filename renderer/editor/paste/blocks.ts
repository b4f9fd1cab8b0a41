import { deepestFirst, isBlock, rename, unwrap } from './dom';

/**
 * The body holds paragraphs, headings, lists and quotes only. Layout containers from web pages, Word
 * and Hangul (div, section, tables, figure) become paragraphs or give way to the blocks inside them.
 * This runs before sanitising because the sanitiser drops thead with its content and would run the
 * text of neighbouring divs and table cells together.
 */

const CONTAINERS =
  'div, section, article, main, header, footer, aside, nav, figure, figcaption, address, center, details, summary, dl, dt, dd, pre, caption, td, th';
const TABLE_PARTS = 'table, thead, tbody, tfoot, tr, colgroup';

export function flattenLayout(root: Element): void {
  // Chrome ends a copied selection with this marker; it is not a line the reporter copied.
  for (const br of Array.from(root.querySelectorAll('br.Apple-interchange-newline'))) br.remove();
  for (const col of Array.from(root.querySelectorAll('col, colgroup'))) col.remove();

  for (const el of deepestFirst(root, CONTAINERS)) {
    if (Array.from(el.childNodes).some(isBlock)) unwrap(el);
    else rename(el, 'p');
  }
  for (const part of deepestFirst(root, TABLE_PARTS)) unwrap(part);
}
