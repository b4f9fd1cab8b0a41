import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { $isGalleryNode } from '../../../shared/nodes/gallery-node';
import { $isPhotoNode } from '../../../shared/nodes/photo-node';
import type { SpellFinding } from '../../../shared/spelling-types';
import { useT } from '../../i18n/i18n';
import { $blockText, $replaceInBlock, blockRange, type Piece } from './block-text';
import { paintSpelling, type PaintedFinding, type SpellSource } from './spell-paint';
import { useSpelling, type Spelling } from './SpellingProvider';

/** A pause in typing before a changed paragraph goes to the worker: a half-typed word is not a finding. */
const CHECK_AFTER_MS = 300;
const SOURCE = 'body';

interface Block {
  text: string;
  pieces: Piece[];
  /** null while the worker has it. */
  findings: SpellFinding[] | null;
}

/**
 * 맞춤법 in the body: each paragraph's findings underlined with a Custom Highlight over the editor's DOM
 * (nothing is written into the story). Paragraphs are remembered by their text, so an update sends the
 * worker only the paragraphs it changed, after a pause, and never waits for it. Captions are checked by
 * their own fields (views/spelling/MarkedCaption.tsx).
 */
export function SpellingPlugin() {
  const [editor] = useLexicalComposerContext();
  const spelling = useSpelling();
  const t = useT();
  const label = t('sp_body');
  useEffect(() => {
    if (!spelling?.enabled) return;
    return watchBody(editor, spelling, label);
  }, [editor, spelling, label]);
  return null;
}

function watchBody(editor: LexicalEditor, spelling: Spelling, label: string): () => void {
  const blocks = new Map<NodeKey, Block>();
  let timer: number | undefined;
  let stopped = false;

  const source: SpellSource = {
    id: SOURCE,
    label,
    replace: (finding, by) => {
      const hit = [...blocks.values()].find((b) => b.findings?.includes(finding));
      let done = false;
      if (hit) editor.update(() => (done = $replaceInBlock(hit.pieces, finding.start, finding.end, finding.word, by)));
      return done;
    },
  };

  const paint = () => {
    if (stopped) return;
    const list: PaintedFinding[] = [];
    const order = editor.getEditorState().read(() => new Map([...blocks.keys()].map((k) => [k, $getNodeByKey(k)?.getIndexWithinParent() ?? 0])));
    for (const [, block] of [...blocks.entries()].sort(([a], [b]) => order.get(a)! - order.get(b)!)) {
      for (const finding of block.findings ?? []) list.push({ source, finding, range: blockRange(editor, block.pieces, finding.start, finding.end) });
    }
    paintSpelling(SOURCE, list);
  };

  const sendWaiting = () => {
    for (const block of blocks.values()) {
      if (block.findings) continue;
      const text = block.text;
      spelling.check(text).then(
        (found) => {
          // Only if the paragraph still reads the same: otherwise a newer check is coming.
          for (const b of blocks.values()) if (b.text === text && !b.findings) b.findings = found;
          paint();
        },
        (err: unknown) => console.warn('[byline] 맞춤법 검사 실패', err),
      );
    }
  };

  /** Reads the blocks `keys` touched (all when null) into the map; answers whether any waits for the worker. */
  const scan = (keys: Iterable<NodeKey> | null): boolean =>
    editor.getEditorState().read(() => {
      const tops = new Map<NodeKey, LexicalNode>();
      if (keys === null) for (const b of $getRoot().getChildren()) tops.set(b.getKey(), b);
      else
        for (const key of keys) {
          if (key === 'root') continue;
          const top = $getNodeByKey(key)?.getTopLevelElement();
          if (top) tops.set(top.getKey(), top);
        }
      let waiting = false;
      for (const [key, node] of tops) {
        if ($isPhotoNode(node) || $isGalleryNode(node)) continue;
        const { text, pieces } = $blockText(node);
        const known = blocks.get(key);
        if (known && known.text === text) {
          known.pieces = pieces;
          continue;
        }
        const hit = text.trim() === '' ? [] : spelling.cached(text);
        blocks.set(key, { text, pieces, findings: hit ?? null });
        if (!hit) waiting = true;
      }
      for (const key of [...blocks.keys()]) if (!$getNodeByKey(key)?.isAttached()) blocks.delete(key);
      return waiting;
    });

  if (scan(null)) sendWaiting();
  paint();
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size > 0 || dirtyLeaves.size > 0) {
      if (scan([...dirtyLeaves, ...dirtyElements.keys()])) {
        window.clearTimeout(timer);
        timer = window.setTimeout(sendWaiting, CHECK_AFTER_MS);
      }
    }
    // Lexical may have replaced the DOM text the ranges pointed into.
    paint();
  });
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    unregister();
    paintSpelling(SOURCE, []);
  };
}
