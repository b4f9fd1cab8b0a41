import type { EditorStateJson, SerializedNodeShape } from './editor-state';
import { isSafeUrl } from './safe-url';

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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function textHtml(node: SerializedNodeShape): string {
  let html = escapeHtml(node.text ?? '');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [bit, tag] of FORMATS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
  return html;
}

function childrenHtml(node: SerializedNodeShape): string {
  return (node.children ?? []).map(nodeHtml).join('');
}

/**
 * Safe by construction: every text is escaped, only known node types produce tags, and a link keeps
 * its URL only if it is http(s) or mailto. Unknown nodes keep their children's text.
 */
function nodeHtml(node: SerializedNodeShape): string {
  switch (node.type) {
    case 'text':
      return textHtml(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'paragraph':
      return `<p>${childrenHtml(node)}</p>`;
    case 'heading': {
      const tag = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? node.tag : 'h2';
      return `<${tag}>${childrenHtml(node)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${childrenHtml(node)}</blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${childrenHtml(node)}</${tag}>`;
    }
    case 'listitem':
      return `<li>${childrenHtml(node)}</li>`;
    case 'horizontalrule':
      return '<hr>';
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' && isSafeUrl(node.url) ? node.url : undefined;
      return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${childrenHtml(node)}</a>` : childrenHtml(node);
    }
    default:
      return childrenHtml(node);
  }
}

/** The body as HTML; `leadPrefix` (the agency credit) opens the first paragraph, as the portal shows it. */
export function editorStateToHtml(state: EditorStateJson, options: { leadPrefix?: string } = {}): string {
  const blocks = state.root.children.filter((b) => !(b.type === 'paragraph' && (b.children ?? []).length === 0));
  return blocks
    .map((block, i) => {
      const html = nodeHtml(block);
      if (i === 0 && options.leadPrefix && block.type === 'paragraph') return html.replace('<p>', `<p>${escapeHtml(options.leadPrefix)} `);
      return html;
    })
    .join('\n');
}
