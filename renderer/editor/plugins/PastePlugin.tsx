import { $insertDataTransferForRichText, $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isSelectionCapturedInDecoratorInput,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  isDOMNode,
  PASTE_COMMAND,
  PASTE_TAG,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { sanitizeClipboardHtml } from '../paste';

const LEXICAL_MIME = 'application/x-lexical-editor';

/**
 * Every rich paste goes through sanitizeClipboardHtml. Registered above the rich-text plugin, whose own
 * handler would import the clipboard's HTML as it is, and would prefer Lexical's JSON payload, which
 * any web page can also put on the clipboard. Plain text is left to Lexical.
 *
 * HTML dragged in from another application arrives as a beforeinput `insertFromDrop`, which Lexical
 * routes through CONTROLLED_TEXT_INSERTION_COMMAND into the same unsanitised importer, so that is
 * taken here too. Drags within the editor carry Lexical's own marker and keep Lexical's handling.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = 'clipboardData' in event ? event.clipboardData : 'dataTransfer' in event ? event.dataTransfer : null;
            if (!data || !isRich(data)) return false;
            if (isDOMNode(event.target) && $isSelectionCapturedInDecoratorInput(event.target)) return false;
            event.preventDefault();
            insertSanitised(editor, data);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            if (typeof payload === 'string' || !payload.dataTransfer || !isRich(payload.dataTransfer)) return false;
            const selection = $getSelection();
            if (selection === null) return false;
            $insertSanitised(editor, payload.dataTransfer, selection);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );

  return null;
}

function isRich(data: DataTransfer): boolean {
  return data.types.includes('text/html') || data.types.includes(LEXICAL_MIME);
}

function insertSanitised(editor: LexicalEditor, data: DataTransfer): void {
  editor.update(
    () => {
      const selection = $getSelection();
      if (selection !== null) $insertSanitised(editor, data, selection);
    },
    // Lexical's history makes a tagged paste its own undo step.
    { tag: PASTE_TAG },
  );
}

function $insertSanitised(editor: LexicalEditor, data: DataTransfer, selection: BaseSelection): void {
  const html = data.getData('text/html');
  if (html) {
    const fragment = sanitizeClipboardHtml(html, editor.getRootElement()?.ownerDocument ?? document);
    $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, fragment), selection);
    return;
  }
  // Lexical JSON without HTML beside it is not from an editor we trust: keep only its text.
  const plain = new DataTransfer();
  plain.setData('text/plain', data.getData('text/plain'));
  $insertDataTransferForRichText(plain, selection, editor);
}
