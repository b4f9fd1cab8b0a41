import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { findHouseStyle, fixAll, type CompiledHouseStyle, type HouseStyleFinding } from '../../../shared/house-style';
import { $isGalleryNode } from '../../../shared/nodes/gallery-node';
import { $isPhotoNode } from '../../../shared/nodes/photo-node';

/** A finding inside one text node of the body. */
export interface BodyFinding extends HouseStyleFinding {
  nodeKey: NodeKey;
  /** The top-level block it sits in: what is re-checked when that block changes. */
  blockKey: NodeKey;
  /** In a photo's caption (the node is the photo or gallery; `item` the gallery's photo, 0-based, `position` 1-based, 0 for a lone photo). */
  caption?: { item: number | null; position: number };
}

export const HIGHLIGHT_BLOCK = 'byline-house-style-block';
export const HIGHLIGHT_WARN = 'byline-house-style-warn';

/** Findings of one top-level block (call inside a read). */
export function $checkBlock(block: LexicalNode, style: CompiledHouseStyle): BodyFinding[] {
  const blockKey = block.getKey();
  const inCaption = (caption: string, item: number | null, position: number) =>
    findHouseStyle(caption, style).map((f) => ({ ...f, nodeKey: blockKey, blockKey, caption: { item, position } }));
  if ($isPhotoNode(block)) return inCaption(block.getPhoto().caption, null, 0);
  if ($isGalleryNode(block)) return block.getItems().flatMap((p, i) => inCaption(p.caption, i, i + 1));
  const texts = $isElementNode(block) ? block.getAllTextNodes() : $isTextNode(block) ? [block] : [];
  return texts.flatMap((node) => findHouseStyle(node.getTextContent(), style).map((f) => ({ ...f, nodeKey: node.getKey(), blockKey })));
}

/**
 * Findings per block, kept between updates so that typing re-checks only the blocks it touched. Only
 * blocks with findings are stored; a block gone from the document is dropped at the next update.
 */
export class BlockFindings {
  private readonly byBlock = new Map<NodeKey, BodyFinding[]>();

  constructor(private readonly style: CompiledHouseStyle) {}

  /** Call inside a read of the current state; answers how many blocks were checked. */
  $checkAll(): number {
    this.byBlock.clear();
    const children = $getRoot().getChildren();
    for (const block of children) this.$store(block);
    return children.length;
  }

  /** Call inside a read: `keys` are the nodes an update made dirty. */
  $checkChanged(keys: Iterable<NodeKey>): number {
    const blocks = new Map<NodeKey, LexicalNode>();
    for (const key of keys) {
      if (key === 'root') continue;
      const top = $getNodeByKey(key)?.getTopLevelElement();
      if (top) blocks.set(top.getKey(), top);
    }
    for (const block of blocks.values()) this.$store(block);
    for (const key of [...this.byBlock.keys()]) if (!$getNodeByKey(key)?.isAttached()) this.byBlock.delete(key);
    return blocks.size;
  }

  /** In reading order (call inside a read). */
  $list(): BodyFinding[] {
    const order = (key: NodeKey) => $getNodeByKey(key)?.getIndexWithinParent() ?? 0;
    return [...this.byBlock.entries()].sort(([a], [b]) => order(a) - order(b)).flatMap(([, findings]) => findings);
  }

  private $store(block: LexicalNode): void {
    const found = $checkBlock(block, this.style);
    if (found.length > 0) this.byBlock.set(block.getKey(), found);
    else this.byBlock.delete(block.getKey());
  }
}

/**
 * Underlines the findings with the CSS Custom Highlight API: ranges over the editor's own DOM, so the
 * document (and what is saved) is never touched. Called after every reconciliation, since Lexical may
 * have replaced the DOM text the previous ranges pointed into.
 */
export function paintFindings(editor: LexicalEditor, findings: readonly BodyFinding[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
  const block = new Highlight();
  const warn = new Highlight();
  for (const f of findings) {
    // A caption is typed in the photo block's own field, outside the text the ranges can reach; it is listed only.
    if (f.caption) continue;
    const text = editor.getElementByKey(f.nodeKey)?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE || (text.textContent ?? '').length < f.end) continue;
    const range = new Range();
    range.setStart(text, f.start);
    range.setEnd(text, f.end);
    (f.severity === 'block' ? block : warn).add(range);
  }
  CSS.highlights.set(HIGHLIGHT_BLOCK, block);
  CSS.highlights.set(HIGHLIGHT_WARN, warn);
}

export function clearPaint(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(HIGHLIGHT_BLOCK);
  CSS.highlights.delete(HIGHLIGHT_WARN);
}

/**
 * Tells `onFindings` the body's findings now and after every change, underlining them; an update
 * re-checks only the blocks it touched (`checked` says how many, all of them the first time).
 * Returns the unregister.
 */
export function watchHouseStyle(editor: LexicalEditor, style: CompiledHouseStyle, onFindings: (findings: BodyFinding[], checked: number) => void): () => void {
  const blocks = new BlockFindings(style);
  const publish = (checked: number) => {
    const list = editor.getEditorState().read(() => blocks.$list());
    paintFindings(editor, list);
    onFindings(list, checked);
  };
  publish(editor.getEditorState().read(() => blocks.$checkAll()));
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    publish(editorState.read(() => blocks.$checkChanged([...dirtyLeaves, ...dirtyElements.keys()])));
  });
  return () => {
    unregister();
    clearPaint();
  };
}

/** Replaces findings in the document, right to left within each text node so earlier offsets hold (call inside an update). */
export function $applyFixes(findings: readonly BodyFinding[]): void {
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    const node = $getNodeByKey(f.nodeKey);
    if (f.caption && f.fix !== '') {
      if ($isPhotoNode(node)) node.setPhotoText({ caption: fixAll(node.getPhoto().caption, [f]) });
      const item = f.caption.item;
      if ($isGalleryNode(node) && item !== null && node.getItems()[item]) node.updateItem(item, { caption: fixAll(node.getItems()[item]!.caption, [f]) });
      continue;
    }
    if (!$isTextNode(node) || f.fix === '' || node.getTextContent().slice(f.start, f.end) !== f.text) continue;
    node.spliceText(f.start, f.end - f.start, f.fix);
  }
}
