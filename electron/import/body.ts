import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { emptyEditorState, type EditorStateJson, type SerializedNodeShape } from '../../shared/editor-state';
import { escapeHtml } from '../../shared/html-escape';
import type { PhotoRef } from '../../shared/media';
import { SANITIZE_CONFIG } from '../../shared/sanitize-config';
import type { Block, Run } from './document';

/**
 * The story's body from the analyser's blocks: text blocks are written as HTML, passed through DOMPurify
 * with the paste sanitiser's own configuration (shared/sanitize-config.ts) on a jsdom window, and the
 * survivors become Lexical JSON. Photos are not HTML: they are placed as photo nodes between the
 * sanitised stretches, with ids the media library gave and captions as plain strings.
 *
 * Tables: the body editor has no table node, so a table is written as one paragraph per row with its
 * cells separated by " | " (the first row, usually the column names, in bold).
 */

function runHtml(run: Run): string {
  let html = escapeHtml(run.text);
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
  return html;
}

const runsHtml = (runs: readonly Run[]) => runs.map(runHtml).join('');

export function blockHtml(block: Exclude<Block, { kind: 'image' }>): string {
  switch (block.kind) {
    case 'heading': {
      const tag = block.level <= 2 ? 'h2' : 'h3';
      return `<${tag}>${runsHtml(block.runs)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return block.rows
        .map((row, i) => {
          const text = escapeHtml(row.map((c) => c || ' ').join(' | '));
          return i === 0 && block.rows.length > 1 ? `<p><strong>${text}</strong></p>` : `<p>${text}</p>`;
        })
        .join('');
  }
}

const FORMAT: Record<string, number> = { STRONG: 1, B: 1, EM: 2, I: 2, U: 8, S: 4, STRIKE: 4, DEL: 4 };

function textNode(text: string, format: number): SerializedNodeShape {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

function elementBase(type: string, children: SerializedNodeShape[]): SerializedNodeShape {
  return { type, version: 1, direction: null, format: '', indent: 0, children };
}

function inlineNodes(parent: Node, format = 0, out: SerializedNodeShape[] = []): SerializedNodeShape[] {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) {
      const text = child.textContent ?? '';
      if (text) out.push(textNode(text, format));
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.nodeName === 'BR') out.push({ type: 'linebreak', version: 1 });
      else if (el.nodeName === 'A') {
        const href = el.getAttribute('href');
        const inner = inlineNodes(el, format);
        if (href) out.push({ ...elementBase('link', inner), url: href, rel: 'noopener noreferrer', target: null, title: null });
        else out.push(...inner);
      } else inlineNodes(el, format | (FORMAT[el.nodeName] ?? 0), out);
    }
  }
  return out;
}

function paragraphNode(children: SerializedNodeShape[]): SerializedNodeShape {
  return { ...elementBase('paragraph', children), textFormat: 0, textStyle: '' };
}

/** Sanitised DOM to Lexical JSON: only the tags the sanitiser lets through are expected here. */
function domToNodes(fragment: DocumentFragment): SerializedNodeShape[] {
  const out: SerializedNodeShape[] = [];
  let loose: SerializedNodeShape[] = [];
  const flush = () => {
    if (loose.some((n) => n.type !== 'text' || (n.text ?? '').trim() !== '')) out.push(paragraphNode(loose));
    loose = [];
  };
  for (const child of Array.from(fragment.childNodes)) {
    if (child.nodeType !== 1) {
      if (child.nodeType === 3) loose.push(...inlineNodes({ childNodes: [child] } as unknown as Node));
      continue;
    }
    const el = child as Element;
    const tag = el.nodeName;
    if (/^H[1-6]$/.test(tag)) {
      flush();
      out.push({ ...elementBase('heading', inlineNodes(el)), tag: Number(tag[1]) <= 2 ? 'h2' : 'h3' });
    } else if (tag === 'P') {
      flush();
      out.push(paragraphNode(inlineNodes(el)));
    } else if (tag === 'UL' || tag === 'OL') {
      flush();
      const items = Array.from(el.children)
        .filter((li) => li.nodeName === 'LI')
        .map((li, i) => ({ ...elementBase('listitem', inlineNodes(li)), value: i + 1 }));
      if (items.length) out.push({ ...elementBase('list', items), listType: tag === 'OL' ? 'number' : 'bullet', start: 1, tag: tag.toLowerCase() });
    } else if (tag === 'BLOCKQUOTE') {
      flush();
      out.push(elementBase('quote', inlineNodes(el)));
    } else if (tag === 'HR') {
      flush();
      out.push({ type: 'horizontalrule', version: 1 });
    } else loose.push(...inlineNodes({ childNodes: [el] } as unknown as Node));
  }
  flush();
  return out;
}

export type BodyPart = { html: string } | { photo: PhotoRef };

/** One jsdom window and one DOMPurify for a whole import. */
export function createSanitizer(): { sanitize(html: string): DocumentFragment; close(): void } {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const purifier = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!purifier.isSupported) throw new Error('DOMPurify is not supported on this jsdom window; refusing to import HTML');
  return {
    sanitize: (html) => purifier.sanitize(html, SANITIZE_CONFIG),
    close: () => dom.window.close(),
  };
}

export function buildEditorState(parts: readonly BodyPart[]): EditorStateJson {
  const sanitizer = createSanitizer();
  try {
    const children: SerializedNodeShape[] = [];
    for (const part of parts) {
      if ('photo' in part) children.push({ type: 'photo', version: 1, ...part.photo });
      else if (part.html) children.push(...domToNodes(sanitizer.sanitize(part.html)));
    }
    const state = emptyEditorState();
    if (children.length) state.root.children = children;
    return state;
  } finally {
    sanitizer.close();
  }
}
