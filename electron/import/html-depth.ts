import { refuse } from './limits';

/**
 * How deep elements may nest in an imported page. Ministry pages and saved news pages nest 20–60
 * deep (a CMS's layout tables and wrappers included); 200 leaves room for the worst of them, while
 * the parse and the walk over the tree cost grows with depth × size: 3,000 deep froze the server for
 * a second and 10,000 deep overflowed the stack.
 */
export const MAX_HTML_DEPTH = 200;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'basefont',
  'bgsound',
  'frame',
  'image',
]);
/** Elements whose text the tokenizer reads raw up to their end tag: no tags inside. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Where the tree builder stops looking for an open <p>, <li> or cell to close. */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template', 'button', 'svg', 'math']);
/** Start tags that close an open <p> (the parser's "close a p element in button scope"). */
const CLOSES_P = new Set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul li dd dt listing'.split(
    ' ',
  ),
);
/**
 * Start tags that close an open element of the listed names, stopping at the listed boundaries (and,
 * for list items, at SCOPE's too): the next <li> closes the last, a <tr> closes the last row and its cells.
 */
const SIBLINGS: Record<string, { close: string[]; stop: string[]; scoped: boolean }> = {
  li: { close: ['li'], stop: ['ul', 'ol'], scoped: true },
  dt: { close: ['dd', 'dt'], stop: ['dl'], scoped: true },
  dd: { close: ['dd', 'dt'], stop: ['dl'], scoped: true },
  tr: { close: ['tr'], stop: ['table', 'tbody', 'thead', 'tfoot'], scoped: false },
  td: { close: ['td', 'th'], stop: ['table', 'tr'], scoped: false },
  th: { close: ['td', 'th'], stop: ['table', 'tr'], scoped: false },
  tbody: { close: ['tbody', 'thead', 'tfoot'], stop: ['table'], scoped: false },
  thead: { close: ['tbody', 'thead', 'tfoot'], stop: ['table'], scoped: false },
  tfoot: { close: ['tbody', 'thead', 'tfoot'], stop: ['table'], scoped: false },
  option: { close: ['option'], stop: ['select'], scoped: false },
};

/** Pops the stack down to (and including) the nearest of `names`, if one is open before a boundary. */
function closeNearest(stack: string[], names: readonly string[], stop: readonly string[], scoped = true): void {
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const tag = stack[i]!;
    if (names.includes(tag)) {
      stack.length = i;
      return;
    }
    if ((scoped && SCOPE.has(tag)) || stop.includes(tag)) return;
  }
}

/**
 * Refuses HTML nesting deeper than MAX_HTML_DEPTH, from one pass over its tags before any parser
 * builds a tree. It follows the tree builder where pages rely on it (void elements, raw text, end
 * tags closing what they enclose, <p>/<li>/cells closed by their next sibling, self-closing tags
 * inside SVG and MathML) and is otherwise an approximation: what it misjudges still ends in a
 * worker with a time and memory limit (import-worker.ts).
 */
export function refuseDeepHtml(html: string, label: string): void {
  const stack: string[] = [];
  let foreign = 0;
  let i = 0;
  const length = html.length;
  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? length : end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    const first = html.charCodeAt(nameStart);
    const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    if (!isLetter) {
      // <!doctype> and <?xml?> end at the next '>'; a bare '<' in text is text.
      const end = html[lt + 1] === '!' || html[lt + 1] === '?' ? html.indexOf('>', lt) : lt;
      i = end < 0 ? length : end + 1;
      continue;
    }
    let p = nameStart;
    while (p < length && !/[\s/>]/.test(html[p]!)) p += 1;
    const name = html.slice(nameStart, p).toLowerCase();
    // The rest of the tag, with quoted attribute values that may hold '>'.
    let quote = '';
    let afterEquals = false;
    for (; p < length; p += 1) {
      const c = html[p]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '>') break;
      else if ((c === '"' || c === "'") && afterEquals) quote = c;
      if (!quote && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') afterEquals = c === '=';
    }
    const selfClosing = html[p - 1] === '/';
    i = p + 1;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        stack.length = at;
        foreign = stack.filter((t) => t === 'svg' || t === 'math').length;
      }
      continue;
    }
    if (VOID.has(name) || (foreign > 0 && selfClosing)) continue;
    if (foreign === 0) {
      if (CLOSES_P.has(name)) closeNearest(stack, ['p'], []);
      const sibling = SIBLINGS[name];
      if (sibling) closeNearest(stack, sibling.close, sibling.stop, sibling.scoped);
    }
    if (RAW.has(name) && foreign === 0) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = i;
      const end = endTag.exec(html);
      i = end ? end.index : length;
      continue;
    }
    if (name === 'plaintext') return;
    if (name === 'svg' || name === 'math') foreign += 1;
    stack.push(name);
    if (stack.length > MAX_HTML_DEPTH) {
      throw refuse(`'${label}'은(는) 요소가 ${MAX_HTML_DEPTH}단계보다 깊게 겹쳐 있어 가져오지 않았습니다. 보도자료 페이지가 아니거나 조작된 파일입니다.`);
    }
  }
}
