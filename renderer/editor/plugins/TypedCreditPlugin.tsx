import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, $isTextNode, type LexicalNode } from 'lexical';
import { useEffect, useState } from 'react';
import { typedCredit } from '../../../shared/typed-credit';
import { useT } from '../../i18n/i18n';

/** The first block with words in it: where a lead starts, after any empty line or photo. */
function $firstWordsBlock(): LexicalNode | null {
  return (
    $getRoot()
      .getChildren()
      .find((child) => child.getTextContent().trim() !== '') ?? null
  );
}

/** Removes `count` characters from the start of a block, across the text nodes they span (bold, links). */
function $removeLeading(block: LexicalNode, count: number): void {
  let left = count;
  const texts = $isElementNode(block) ? block.getAllTextNodes() : [];
  for (const node of texts) {
    if (left <= 0 || !$isTextNode(node)) break;
    const size = node.getTextContentSize();
    if (size <= left) {
      left -= size;
      node.remove();
    } else {
      node.spliceText(0, left, '', false);
      left = 0;
    }
  }
}

/**
 * A credit typed by hand at the start of the body ("(포탈뉴스통신) …"): the outputs add the lead credit
 * themselves, so it would be printed twice. Said beside the body with a 지우기 that removes exactly the
 * typed credit and nothing after it (undoable, as any edit).
 */
export function TypedCreditPlugin({ agencyCredit, leadPrefix, readOnly }: { agencyCredit: string; leadPrefix: string; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  const [found, setFound] = useState<string | null>(null);

  useEffect(() => {
    const check = () =>
      setFound(
        editor.getEditorState().read(() => {
          const block = $firstWordsBlock();
          return block ? typedCredit(block.getTextContent(), agencyCredit, leadPrefix) : null;
        }),
      );
    check();
    return editor.registerTextContentListener(check);
  }, [editor, agencyCredit, leadPrefix]);

  if (!found || readOnly) return null;
  const remove = () =>
    editor.update(() => {
      const block = $firstWordsBlock();
      const again = block ? typedCredit(block.getTextContent(), agencyCredit, leadPrefix) : null;
      if (block && again) $removeLeading(block, again.length);
    });

  return (
    <div className="banner banner--info typed-credit" role="status" data-testid="typed-credit">
      {t('deskFlow_typedCredit').replace('{credit}', found.trim())}{' '}
      <button type="button" className="button button--small" onClick={remove} data-testid="typed-credit-remove">
        {t('deskFlow_removeTypedCredit')}
      </button>
    </div>
  );
}
