import { isBlank, readStyle, unwrap } from './dom';

/**
 * Word (and Outlook, which shares its HTML writer) never writes ul/ol: a list is a run of paragraphs
 * whose style says `mso-list:l0 level2 lfo1`, each starting with its bullet or number as plain text,
 * bracketed by `<![if !supportLists]>` ... `<![endif]>` and/or a `mso-list:Ignore` span.
 */

const LIST_STYLE = /\bl(\d+)\s+level(\d+)\s+lfo(\d+)/i;

export function isWordHtml(doc: Document): boolean {
  return (
    doc.querySelector('meta[name="ProgId" i][content^="Word." i], meta[name="Generator" i][content*="Microsoft Word" i]') !== null ||
    doc.documentElement.getAttribute('xmlns:w') === 'urn:schemas-microsoft-com:office:word' ||
    doc.querySelector('[class^="Mso"], [style*="mso-list"]') !== null
  );
}

interface ListParagraph {
  el: Element;
  list: string;
  level: number;
  ordered: boolean;
}

export function normaliseWord(doc: Document): void {
  const body = doc.body;
  // <o:p> holds only the paragraph-end spacing Word needs to reopen the file.
  for (const op of Array.from(body.getElementsByTagName('o:p'))) op.remove();
  // A tab run is Word's indentation, not content.
  for (const tab of Array.from(body.querySelectorAll('span[style*="mso-tab-count"]'))) tab.replaceWith(' ');

  const items: ListParagraph[] = [];
  for (const el of Array.from(body.querySelectorAll('p[style*="mso-list"]'))) {
    const match = LIST_STYLE.exec(readStyle(el).get('mso-list') ?? '');
    if (!match) continue;
    const marker = takeMarker(el);
    items.push({ el, list: `${match[1]}/${match[3]}`, level: Number(match[2]), ordered: isNumbered(marker) });
  }
  for (const run of consecutiveRuns(items)) buildList(doc, run);

  // Numbered headings keep their number: only the spacing after it was Word's.
  for (const ignore of Array.from(body.querySelectorAll('span[style*="mso-list"]'))) {
    if (/ignore/i.test(readStyle(ignore).get('mso-list') ?? '')) unwrap(ignore);
  }
}

/** Removes the bullet or number Word typed in front of a list paragraph and returns its text. */
function takeMarker(p: Element): string {
  const comments = p.ownerDocument.createTreeWalker(p, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let c = comments.nextNode(); c; c = comments.nextNode()) {
    if (!/^\[if !supportLists\]$/i.test((c.nodeValue ?? '').trim())) continue;
    const between: Node[] = [];
    let end = c.nextSibling;
    while (end && !(end.nodeType === 8 && /^\[endif\]$/i.test((end.nodeValue ?? '').trim()))) {
      between.push(end);
      end = end.nextSibling;
    }
    if (!end) break;
    const text = between.map((n) => n.textContent ?? '').join('');
    for (const n of between) n.parentNode?.removeChild(n);
    return text;
  }
  // Word for Mac and some Outlook builds leave out the conditional comments.
  for (const span of Array.from(p.querySelectorAll('span[style*="mso-list"]'))) {
    if (!/ignore/i.test(readStyle(span).get('mso-list') ?? '')) continue;
    const text = span.textContent ?? '';
    span.remove();
    return text;
  }
  return '';
}

/** "1.", "가.", "a)", "(3)", "①" are numbers; "·", "", "o", "-" and other symbols are bullets. */
function isNumbered(marker: string): boolean {
  const m = marker.replace(/[\s\u00a0]+/g, '');
  return /\d/.test(m) || /^[(]?[A-Za-z가-힣]{1,4}[.)]$/.test(m) || /^[\u2460-\u2473\u3260-\u327b]$/.test(m);
}

/** List paragraphs that follow each other directly (blank text between them aside) form one list. */
function consecutiveRuns(items: ListParagraph[]): ListParagraph[][] {
  const runs: ListParagraph[][] = [];
  let run: ListParagraph[] = [];
  for (const item of items) {
    const previous = run[run.length - 1];
    if (previous && (nextElement(previous.el) !== item.el || previous.list !== item.list)) {
      runs.push(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length) runs.push(run);
  return runs;
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && (n.nodeType === 8 || (n.nodeType === 3 && isBlank(n.nodeValue ?? '')))) n = n.nextSibling;
  return n && n.nodeType === 1 ? (n as Element) : null;
}

function buildList(doc: Document, run: ListParagraph[]): void {
  const first = run[0]!;
  const root = doc.createElement(first.ordered ? 'ol' : 'ul');
  first.el.before(root);
  const stack = [{ level: first.level, list: root }];
  for (const item of run) {
    while (stack.length > 1 && stack[stack.length - 1]!.level > item.level) stack.pop();
    let top = stack[stack.length - 1]!;
    if (item.level > top.level) {
      // A deeper level opens a list inside the previous item, as HTML nests lists.
      let parent = top.list.lastElementChild;
      if (!parent) parent = top.list.appendChild(doc.createElement('li'));
      const nested = parent.appendChild(doc.createElement(item.ordered ? 'ol' : 'ul'));
      top = { level: item.level, list: nested };
      stack.push(top);
    }
    const li = doc.createElement('li');
    li.append(...Array.from(item.el.childNodes));
    top.list.append(li);
    item.el.remove();
  }
}
