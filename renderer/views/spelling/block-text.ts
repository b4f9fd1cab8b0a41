import { $getNodeByKey, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode, type NodeKey, type TextNode } from 'lexical';

/** One text node's share of its block's text. */
export interface Piece {
  key: NodeKey;
  start: number;
  length: number;
}

/** A top-level block's text as the checker reads it, and which text node holds which offsets. */
export interface BlockText {
  text: string;
  pieces: Piece[];
}

/**
 * The text of a paragraph, heading, quote or list, built from its text nodes so that a word in bold or a
 * link is still one word; nodes that do not follow each other (a line break, the next list item) are kept
 * apart by a line break, so two words never run together (call inside a read).
 */
export function $blockText(block: LexicalNode): BlockText {
  const nodes: TextNode[] = $isElementNode(block) ? block.getAllTextNodes() : $isTextNode(block) ? [block] : [];
  let text = '';
  const pieces: Piece[] = [];
  nodes.forEach((node, i) => {
    if (i > 0 && nodes[i - 1]!.getNextSibling() !== node) text += '\n';
    const content = node.getTextContent();
    pieces.push({ key: node.getKey(), start: text.length, length: content.length });
    text += content;
  });
  return { text, pieces };
}

/** A DOM Range over [start, end) of a block's text, through the editor's own text nodes. */
export function blockRange(editor: LexicalEditor, pieces: readonly Piece[], start: number, end: number): Range | null {
  const point = (offset: number, isEnd: boolean): [Node, number] | null => {
    const piece = pieces.find((p) => (isEnd ? offset > p.start && offset <= p.start + p.length : offset >= p.start && offset < p.start + p.length));
    const text = piece && editor.getElementByKey(piece.key)?.firstChild;
    if (!piece || !text || text.nodeType !== Node.TEXT_NODE || (text.textContent ?? '').length < offset - piece.start) return null;
    return [text, offset - piece.start];
  };
  const from = point(start, false);
  const to = point(end, true);
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

/**
 * Replaces [start, end) of a block's text, which held `word`, by `by`: the first node takes the new word,
 * the rest of the span is cut from the nodes after it (call inside an update). False when the text moved.
 */
export function $replaceInBlock(pieces: readonly Piece[], start: number, end: number, word: string, by: string): boolean {
  const spans = pieces
    .filter((p) => p.start < end && p.start + p.length > start)
    .map((p) => ({ node: $getNodeByKey(p.key), from: Math.max(start, p.start) - p.start, to: Math.min(end, p.start + p.length) - p.start }));
  if (spans.length === 0 || spans.some((s) => !$isTextNode(s.node))) return false;
  const found = spans.map((s) => (s.node as TextNode).getTextContent().slice(s.from, s.to)).join('');
  if (found !== word) return false;
  spans.forEach((s, i) => (s.node as TextNode).spliceText(s.from, s.to - s.from, i === 0 ? by : ''));
  return true;
}
