import type { EditorStateJson, SerializedNodeShape } from './editor-state';
import { escapeHtml } from './html-escape';
import { readPhotoRef, type PhotoRef } from './media';
import { appPhotoSrc, galleryHtml, photoFigureHtml, type PhotoSrc } from './photo-html';
import { isSafeUrl } from './safe-url';

export { escapeHtml };

/** Lexical's text format bits, in the order tags are nested. */
const FORMATS: ReadonlyArray<[number, string]> = [
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [32, 'sub'],
  [64, 'sup'],
  [16, 'code'],
];

function textHtml(node: SerializedNodeShape): string {
  let html = escapeHtml(node.text ?? '');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [bit, tag] of FORMATS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
  return html;
}

function childrenHtml(node: SerializedNodeShape, src: PhotoSrc): string {
  return (node.children ?? []).map((child) => nodeHtml(child, src)).join('');
}

/**
 * Safe by construction: every text is escaped, only known node types produce tags, and a link keeps
 * its URL only if it is http(s) or mailto. Unknown nodes keep their children's text.
 */
function nodeHtml(node: SerializedNodeShape, src: PhotoSrc): string {
  switch (node.type) {
    case 'text':
      return textHtml(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'paragraph':
      return `<p>${childrenHtml(node, src)}</p>`;
    case 'heading': {
      const tag = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? node.tag : 'h2';
      return `<${tag}>${childrenHtml(node, src)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${childrenHtml(node, src)}</blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${childrenHtml(node, src)}</${tag}>`;
    }
    case 'listitem':
      return `<li>${childrenHtml(node, src)}</li>`;
    case 'horizontalrule':
      return '<hr>';
    case 'photo': {
      const ref = readPhotoRef(node);
      return ref ? photoFigureHtml(ref, src) : '';
    }
    case 'gallery': {
      const items = Array.isArray(node.items) ? node.items.map(readPhotoRef).filter((r): r is PhotoRef => r !== undefined) : [];
      return galleryHtml(items, src);
    }
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' && isSafeUrl(node.url) ? node.url : undefined;
      return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${childrenHtml(node, src)}</a>` : childrenHtml(node, src);
    }
    default:
      return childrenHtml(node, src);
  }
}

/** The body as HTML; `leadPrefix` (the agency credit) opens the first paragraph, as the portal shows it. */
export function editorStateToHtml(state: EditorStateJson, options: { leadPrefix?: string; photoSrc?: PhotoSrc } = {}): string {
  const src = options.photoSrc ?? appPhotoSrc;
  const blocks = state.root.children.filter((b) => !(b.type === 'paragraph' && (b.children ?? []).length === 0));
  // The credit opens the story's first block of text when that is a paragraph, even below a photo.
  const first = blocks.findIndex((b) => b.type !== 'photo' && b.type !== 'gallery');
  const lead = first >= 0 && blocks[first]!.type === 'paragraph' ? first : -1;
  const leadOpen = options.leadPrefix ? `<p>${escapeHtml(options.leadPrefix)} ` : '';
  return blocks
    .map((block, i) => {
      const html = nodeHtml(block, src);
      // A replacer function: a string replacement would read `$&` or `$'` in the credit as patterns.
      if (i === lead && leadOpen) return html.replace('<p>', () => leadOpen);
      return html;
    })
    .filter(Boolean)
    .join('\n');
}
