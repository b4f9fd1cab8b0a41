import { deepestFirst, isBlank, isBlock, rename, unwrap } from './dom';

/**
 * After sanitising: the shapes the body editor holds. Headings are h2/h3 (the headline is its own field),
 * list items and quotes hold inline text, and nothing is left empty.
 */
export function tidy(root: DocumentFragment): void {
  // A link whose href was unsafe (or a Word bookmark) is plain text now.
  for (const a of deepestFirst(root, 'a:not([href])')) unwrap(a);
  // Lexical imports <s> as strikethrough but not these spellings of it.
  for (const s of deepestFirst(root, 'strike, del')) rename(s, 's');
  for (const h of deepestFirst(root, 'h1')) rename(h, 'h2');
  for (const h of deepestFirst(root, 'h4, h5, h6')) rename(h, 'h3');

  for (const list of deepestFirst(root, 'ul, ol')) nestStrayLists(list);
  for (const holder of deepestFirst(root, 'li, blockquote')) inlineChildBlocks(holder);

  wrapLooseInline(root);
  for (const el of deepestFirst(root, 'b, strong, i, em, u, s, a')) {
    // A formatted space still separates the words around it.
    if (isEmpty(el)) unwrap(el);
  }
  for (const el of deepestFirst(root, 'p, h2, h3, li, blockquote, ul, ol')) {
    if (isEmpty(el)) el.remove();
  }
  dropBlankTextInLists(root);
}

/** Google Docs writes a sub-list straight inside its parent list; HTML (and Lexical) want it in an item. */
function nestStrayLists(list: Element): void {
  for (const child of Array.from(list.children)) {
    if (child.nodeName === 'LI') continue;
    const previous = child.previousElementSibling;
    if (previous?.nodeName === 'LI') previous.append(child);
    else {
      const li = list.ownerDocument.createElement('li');
      child.replaceWith(li);
      li.append(child);
    }
  }
}

/** A paragraph inside an item or a quote becomes a line of it; sub-lists stay where they are. */
function inlineChildBlocks(holder: Element): void {
  for (const child of Array.from(holder.children)) {
    if (!isBlock(child) || child.nodeName === 'UL' || child.nodeName === 'OL' || child.nodeName === 'HR') continue;
    const previous = child.previousSibling;
    if (previous && !(previous.nodeType === 1 && isBlock(previous)) && !isBlank(previous.textContent ?? '')) {
      child.before(holder.ownerDocument.createElement('br'));
    }
    unwrap(child);
  }
}

/** Text and inline tags left at the top level between blocks go into their own paragraph. */
function wrapLooseInline(root: DocumentFragment): void {
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.some((n) => n.nodeName !== 'BR' && !isBlank(n.textContent ?? ''))) {
      const p = root.ownerDocument.createElement('p');
      run[0]!.before(p);
      p.append(...run);
    } else {
      // Blank lines between paragraphs (Docs' <br>, Word's empty source lines) are not content.
      for (const n of run) n.remove();
    }
    run = [];
  };
  for (const node of Array.from(root.childNodes)) {
    if (isBlock(node)) flush();
    else run.push(node);
  }
  flush();
}

function isEmpty(el: Element): boolean {
  return isBlank(el.textContent ?? '') && el.querySelector('hr') === null;
}

function dropBlankTextInLists(root: ParentNode): void {
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    for (const node of Array.from(list.childNodes)) {
      if (node.nodeType === 3 && isBlank(node.nodeValue ?? '')) node.remove();
    }
  }
}
