import { JSDOM } from 'jsdom';
import { emptyDocument, normaliseSpace, runsText, type Block, type ImportedDocument, type Run } from './document';
import { refuseDeepHtml } from './html-depth';
import { LIMITS, refuse } from './limits';

/**
 * HTML (a saved web page, or what mammoth makes of a DOCX) to the intermediate document. Nothing here
 * runs or loads: jsdom parses without scripts or resources, and only text, marks, links, tables and
 * images are read. The body that comes out still goes through the paste sanitiser (body.ts).
 */

export interface HtmlOptions {
  /** Resolves an <img src> to bytes (mammoth's images, data: URIs); undefined skips the image with a warning. */
  image?: (src: string) => { name: string; data: Uint8Array } | undefined;
  /** The file's name, for refusals. */
  label?: string;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'HEAD',
]);
const INLINE = new Set([
  'A',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'S',
  'SPAN',
  'FONT',
  'SUB',
  'SUP',
  'SMALL',
  'BIG',
  'MARK',
  'CODE',
  'ABBR',
  'CITE',
  'Q',
  'TIME',
  'LABEL',
  'INS',
  'DEL',
  'STRIKE',
]);
/** A caption as releases write one under a photo: ▲ …, <사진> …, [사진] …, 사진: … */
export const CAPTION_LINE = /^(?:▲|△|<\s*사진[^>]*>|\[\s*사진[^\]]*\]|사진\s*[:：]|사진\s*\d+\s*[.:：)]|\(사진\))/;

export function dataUri(src: string): { name: string; data: Uint8Array } | undefined {
  const m = /^data:image\/(png|jpe?g|webp|avif);base64,([A-Za-z0-9+/=\s]+)$/i.exec(src);
  if (!m) return undefined;
  return { name: `image.${m[1]!.toLowerCase().replace('jpeg', 'jpg')}`, data: new Uint8Array(Buffer.from(m[2]!, 'base64')) };
}

export function htmlToDocument(html: string, options: HtmlOptions = {}): ImportedDocument {
  if (html.length > LIMITS.textChars * 4) throw refuse('HTML 파일이 너무 큽니다.');
  refuseDeepHtml(html, options.label ?? 'HTML 문서');
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const out = emptyDocument();
  const title = normaliseSpace(doc.querySelector('title')?.textContent ?? '');
  if (title) out.title = title;
  // A saved page: the story is in <article> or <main> when the site marks it; menus and sidebars are not the release.
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  let skipped = 0;

  const addImage = (img: Element, caption: string) => {
    const src = img.getAttribute('src') ?? '';
    const found = options.image?.(src) ?? dataUri(src);
    if (!found) {
      skipped += 1;
      return;
    }
    if (out.images.length >= LIMITS.images) return;
    out.images.push(found);
    out.blocks.push({ kind: 'image', image: out.images.length - 1, caption, alt: normaliseSpace(img.getAttribute('alt') ?? '') });
  };

  const runsOf = (el: Node, marks: Omit<Run, 'text'> = {}, runs: Run[] = []): Run[] => {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
        if (text) runs.push({ text, ...marks });
      } else if (child.nodeType === 1) {
        const e = child as Element;
        if (SKIP.has(e.nodeName)) continue;
        if (e.nodeName === 'BR') {
          runs.push({ text: '\n', ...marks });
          continue;
        }
        if (e.nodeName === 'IMG') continue;
        const next = { ...marks };
        if (e.nodeName === 'B' || e.nodeName === 'STRONG') next.bold = true;
        if (e.nodeName === 'I' || e.nodeName === 'EM') next.italic = true;
        if (e.nodeName === 'U') next.underline = true;
        if (e.nodeName === 'A') {
          const href = e.getAttribute('href') ?? '';
          if (/^(?:https?|mailto):/i.test(href.trim())) next.href = href.trim();
        }
        runsOf(e, next, runs);
      }
    }
    return runs;
  };

  /** A paragraph's runs split at <br>, each line its own paragraph (releases break lines, not thoughts). */
  const pushParagraphs = (runs: Run[], kind: 'paragraph' | { heading: number }) => {
    let line: Run[] = [];
    const flush = () => {
      const text = runsText(line);
      if (text) {
        const trimmed = trimRuns(line);
        out.blocks.push(kind === 'paragraph' ? { kind: 'paragraph', runs: trimmed } : { kind: 'heading', level: kind.heading, runs: trimmed });
      }
      line = [];
    };
    for (const run of runs) {
      const parts = run.text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) flush();
        if (part) line.push({ ...run, text: part });
      });
    }
    flush();
  };

  const tableRows = (table: Element): string[][] => {
    const rows: string[][] = [];
    for (const tr of Array.from(table.querySelectorAll('tr'))) {
      if (tr.closest('table') !== table) continue;
      const cells = Array.from(tr.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
      rows.push(cells.map((c) => normaliseSpace(cellText(c))));
    }
    return rows.filter((r) => r.some(Boolean));
  };

  const walk = (el: Element) => {
    let inline: Run[] = [];
    const flushInline = () => {
      if (inline.length) pushParagraphs(inline, 'paragraph');
      inline = [];
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) {
        inline.push({ text: (child.textContent ?? '').replace(/[\s\u00a0]+/g, ' ') });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      const tag = e.nodeName;
      if (SKIP.has(tag)) continue;
      if (INLINE.has(tag) && !e.querySelector('img, table, p, div, ul, ol')) {
        inline.push(...runsOf({ childNodes: [e] } as unknown as Node));
        continue;
      }
      if (tag === 'BR') {
        inline.push({ text: '\n' });
        continue;
      }
      flushInline();
      if (/^H[1-6]$/.test(tag)) pushParagraphs(runsOf(e), { heading: Number(tag[1]) });
      else if (tag === 'P' && e.classList.contains('caption') && out.blocks.at(-1)?.kind === 'image' && !(out.blocks.at(-1) as { caption: string }).caption) {
        // Word's caption style under a photo (docx.ts maps it to p.caption).
        (out.blocks.at(-1) as { caption: string }).caption = normaliseSpace(e.textContent ?? '').replace(/^[▲△]\s*/, '');
      } else if (tag === 'P') {
        const imgs = Array.from(e.querySelectorAll('img'));
        pushParagraphs(runsOf(e), 'paragraph');
        for (const img of imgs) addImage(img, '');
      } else if (tag === 'IMG') addImage(e, '');
      else if (tag === 'FIGURE') {
        const caption = normaliseSpace(e.querySelector('figcaption')?.textContent ?? '').replace(/^[▲△]\s*/, '');
        const img = e.querySelector('img');
        if (img) addImage(img, caption);
        else if (caption) out.blocks.push({ kind: 'paragraph', runs: [{ text: caption }] });
      } else if (tag === 'UL' || tag === 'OL') {
        const items: Run[][] = [];
        for (const li of Array.from(e.querySelectorAll('li'))) {
          // Nested lists flatten into the one list; each item keeps only its own text.
          const own = li.cloneNode(true) as Element;
          for (const nested of Array.from(own.querySelectorAll('ul, ol'))) nested.remove();
          const runs = trimRuns(runsOf(own).map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') })));
          if (runsText(runs)) items.push(runs);
        }
        if (items.length) out.blocks.push({ kind: 'list', ordered: tag === 'OL', items });
      } else if (tag === 'TABLE') {
        const rows = tableRows(e);
        if (rows.length) out.blocks.push({ kind: 'table', rows });
        for (const img of Array.from(e.querySelectorAll('img'))) addImage(img, '');
      } else if (tag === 'HR') {
        continue;
      } else walk(e);
    }
    flushInline();
  };
  if (root) walk(root);
  attachCaptions(out.blocks);
  if (skipped > 0)
    out.warnings.push(`문서 밖에 있는 사진 ${skipped}장은 가져오지 못했습니다 (웹 주소로만 연결된 사진). 필요하면 따로 내려받아 사진 보관함에 넣으세요.`);
  dom.window.close();
  return out;
}

function cellText(cell: Element): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (SKIP.has(e.nodeName)) return;
      const block = /^(P|DIV|LI|BR|H[1-6]|TR)$/.test(e.nodeName);
      if (block) parts.push(' ');
      for (const c of Array.from(e.childNodes)) visit(c);
      if (block) parts.push(' ');
    }
  };
  visit(cell);
  return parts.join('');
}

export function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/[\s\u00a0]+/g, ' ') })).filter((r) => r.text !== '');
  if (out.length) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out.filter((r) => r.text !== '');
}

/** A caption line right after (or right before) a photo becomes that photo's caption instead of body text. */
export function attachCaptions(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i += 1) {
    const b = blocks[i]!;
    if (b.kind !== 'image' || b.caption) continue;
    for (const j of [i + 1, i - 1]) {
      const n = blocks[j];
      if (n && n.kind === 'paragraph' && CAPTION_LINE.test(runsText(n.runs))) {
        b.caption = runsText(n.runs).replace(/^[▲△]\s*/, '');
        blocks.splice(j, 1);
        if (j < i) i -= 1;
        break;
      }
    }
  }
}
