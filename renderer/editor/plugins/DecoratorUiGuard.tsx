import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_CRITICAL,
  COPY_COMMAND,
  CUT_COMMAND,
  DRAGOVER_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';

/** Marks the root of a decorator's own controls (photo and gallery blocks). */
export const DECORATOR_UI_ATTRIBUTE = 'data-decorator-ui';

function insideDecoratorUi(event: unknown): boolean {
  const target = event instanceof Event ? event.target : null;
  return target instanceof Element && target.closest(`[${DECORATOR_UI_ATTRIBUTE}]`) !== null;
}

/**
 * Keys, drags and clipboard events that start on a photo block's buttons or a gallery item belong to
 * that block: Enter on a focused button must not also split a paragraph, and dropping a gallery photo
 * must not insert text. Claiming the command stops Lexical's handlers while the event still reaches
 * React, which the blocks use. (Caption fields keep their events from Lexical altogether.)
 */
export function DecoratorUiGuard() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const claim = <T,>(command: LexicalCommand<T>) => editor.registerCommand(command, (event: T) => insideDecoratorUi(event), COMMAND_PRIORITY_CRITICAL);
    return mergeRegister(
      claim(KEY_DOWN_COMMAND),
      claim(DRAGSTART_COMMAND),
      claim(DRAGOVER_COMMAND),
      claim(DROP_COMMAND),
      claim(PASTE_COMMAND),
      claim(CUT_COMMAND),
      claim(COPY_COMMAND),
    );
  }, [editor]);
  return null;
}
