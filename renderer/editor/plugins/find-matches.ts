import { $getRoot, type TextNode } from 'lexical';

export interface Match {
  node: TextNode;
  start: number;
  end: number;
}

/**
 * Occurrences of `query` inside single text nodes (call inside a read or update). A match that
 * crosses a format boundary (half bold) spans two nodes and is not found; replacing keeps formats intact.
 */
export function $findMatches(query: string): Match[] {
  if (!query) return [];
  const out: Match[] = [];
  for (const node of $getRoot().getAllTextNodes()) {
    const text = node.getTextContent();
    for (let i = text.indexOf(query); i !== -1; i = text.indexOf(query, i + query.length)) out.push({ node, start: i, end: i + query.length });
  }
  return out;
}
