import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isNodeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  PASTE_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import type { PhotoRef } from '../../../shared/media';
import { $createGalleryNode } from '../../../shared/nodes/gallery-node';
import { $createPhotoNode } from '../../../shared/nodes/photo-node';
import { imageFilesOf, refOf } from '../../media/import-files';
import { useMedia, type MediaActions } from '../../media/MediaContext';
import { INSERT_GALLERY_COMMAND, INSERT_PHOTOS_COMMAND } from './photo-commands';

/** The top-level block the caret (or a selected block) is in, remembered while a file is imported. */
function $anchorBlockKey(): NodeKey | null {
  const selection = $getSelection();
  let node: LexicalNode | null | undefined = null;
  if ($isRangeSelection(selection)) node = selection.anchor.getNode();
  else if ($isNodeSelection(selection)) node = selection.getNodes()[0];
  const top = node?.getTopLevelElement() ?? (node && node.getParent() === $getRoot() ? node : null);
  return top ? top.getKey() : null;
}

/**
 * New blocks go after the block `key` names; an empty paragraph there is replaced rather than left
 * behind. With no such block they go at the end. A paragraph follows, so the reporter can type on.
 */
function $insertBlocksAt(key: NodeKey | null, blocks: LexicalNode[]): void {
  if (blocks.length === 0) return;
  const anchor = key ? $getNodeByKey(key) : null;
  const root = $getRoot();
  let last: LexicalNode;
  if (anchor && anchor.isAttached()) {
    const emptyParagraph = $isParagraphNode(anchor) && anchor.getTextContentSize() === 0;
    let prev: LexicalNode = anchor;
    for (const block of blocks) prev = prev.insertAfter(block);
    last = prev;
    if (emptyParagraph) anchor.remove();
  } else {
    root.append(...blocks);
    last = blocks[blocks.length - 1]!;
  }
  const next = last.getNextSibling();
  if (!next || !$isElementNode(next)) {
    const paragraph = $createParagraphNode();
    last.insertAfter(paragraph);
    paragraph.select();
  } else {
    next.selectStart();
  }
}

async function importAndInsert(editor: LexicalEditor, importFiles: MediaActions['importFiles'], files: File[], key: NodeKey | null) {
  const imported = await importFiles(files);
  if (imported.length === 0) return;
  editor.update(() =>
    $insertBlocksAt(
      key,
      imported.map((item) => $createPhotoNode(refOf(item))),
    ),
  );
}

/** Photos in the body: insert commands, files dropped on the editor and images pasted into it. */
export function PhotoPlugin() {
  const [editor] = useLexicalComposerContext();
  const { importFiles, readOnly } = useMedia();

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_PHOTOS_COMMAND,
          (refs: PhotoRef[]) => {
            $insertBlocksAt($anchorBlockKey(), refs.map($createPhotoNode));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_GALLERY_COMMAND,
          (refs: PhotoRef[]) => {
            $insertBlocksAt($anchorBlockKey(), [$createGalleryNode(refs)]);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // Rich text has already put the caret at the drop point when it dispatches this.
        editor.registerCommand(
          DRAG_DROP_PASTE,
          (files: File[]) => {
            const images = imageFilesOf(files);
            if (readOnly || images.length === 0) return false;
            void importAndInsert(editor, importFiles, images, $anchorBlockKey());
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // An image copied from a page comes with HTML that only points at it: the file is what we keep.
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = event instanceof ClipboardEvent ? event.clipboardData : null;
            const images = data ? imageFilesOf(data.files) : [];
            if (readOnly || images.length === 0) return false;
            event.preventDefault();
            void importAndInsert(editor, importFiles, images, $anchorBlockKey());
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
    [editor, importFiles, readOnly],
  );
  return null;
}
